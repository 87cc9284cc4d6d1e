import { useEffect } from 'react';

/**
 * Escape hides whatever tooltip is showing (WCAG 1.4.13: content on hover or focus can be dismissed
 * without moving the pointer or focus); the next pointer move or focus change brings tooltips back.
 */
export function useDismissibleTooltips(): void {
  useEffect(() => {
    const root = document.documentElement;
    const hide = (event: KeyboardEvent) => {
      if (event.key === 'Escape') root.classList.add('tips-dismissed');
    };
    const show = () => root.classList.remove('tips-dismissed');
    window.addEventListener('keydown', hide);
    window.addEventListener('pointermove', show);
    window.addEventListener('focusin', show);
    return () => {
      window.removeEventListener('keydown', hide);
      window.removeEventListener('pointermove', show);
      window.removeEventListener('focusin', show);
    };
  }, []);
}
