import { useId, type ReactElement, type ReactNode } from 'react';

interface TooltipProps {
  text: string;
  /** Renders the anchor, given the id its aria-describedby should point at. */
  children: (tooltipId: string) => ReactElement;
  placement?: 'above' | 'below';
  className?: string;
}

/**
 * A tooltip that works for mouse and keyboard alike: CSS shows it while the anchor is hovered or has
 * focus, and screen readers get the same text through aria-describedby.
 */
export function Tooltip({ text, children, placement = 'below', className }: TooltipProps): ReactNode {
  const id = useId();
  return (
    <span className={`tip-anchor${className ? ` ${className}` : ''}`}>
      {children(id)}
      <span role="tooltip" id={id} className={`tip tip-${placement}`}>
        {text}
      </span>
    </span>
  );
}
