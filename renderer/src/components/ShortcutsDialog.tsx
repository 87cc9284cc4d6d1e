import type { ReactNode } from 'react';
import { SHORTCUTS, shortcutText } from '../shortcut-keys.ts';
import { Dialog } from './Dialog.tsx';

/** The shortcut sheet (`?`): every key the window answers to, in this platform's spelling. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }): ReactNode {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="dialog-narrow">
      <div className="dialog-body shortcuts-body">
        {SHORTCUTS.map((group) => (
          <section key={group.area} aria-label={group.area}>
            <h3>{group.area}</h3>
            <dl className="shortcut-list">
              {group.entries.map((entry) => (
                <div key={entry.keys} className="shortcut">
                  <dt>
                    {shortcutText(entry.keys)
                      .split(' or ')
                      .map((keys, index) => (
                        <span key={keys}>
                          {index > 0 && ' or '}
                          <kbd>{keys}</kbd>
                        </span>
                      ))}
                  </dt>
                  <dd>{entry.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
