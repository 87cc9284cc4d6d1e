// The application menu from a spec, read the same way on both runtimes: Menu.getApplicationMenu() in main.
// Real Electron gives MenuItems whose submenu is a Menu; the test runtime builds templates the same way.
import type { AppHandle } from '../runtime/launch.ts';

/**
 * One menu entry: its label, or its role where it has no label (real Electron fills in a role's label, the
 * runtime does not), or 'separator'; its role, lower case as Electron compares roles; then its submenu.
 */
export interface MenuEntry {
  name: string;
  role: string | null;
  submenu: MenuEntry[];
}

export const appMenu = (app: AppHandle): Promise<MenuEntry[] | null> =>
  app.evaluate(({ Menu }) => {
    interface Item {
      label?: string;
      role?: string;
      type?: string;
      submenu?: { items: Item[] } | null;
    }
    const read = (items: Item[]): MenuEntry[] =>
      items.map((item) => ({
        name: item.type === 'separator' ? 'separator' : item.label || item.role || '?',
        role: item.role ? item.role.toLowerCase() : null,
        submenu: item.submenu ? read(item.submenu.items) : [],
      }));
    const menu = Menu.getApplicationMenu() as unknown as { items: Item[] } | null;
    return menu ? read(menu.items) : null;
  });

/** Every entry of a menu, depth first. */
export const allEntries = (entries: MenuEntry[]): MenuEntry[] => entries.flatMap((entry) => [entry, ...allEntries(entry.submenu)]);

/** The user picks an item, e.g. ['Help', 'Copy Diagnostics']. */
export const clickAppMenu = (app: AppHandle, path: string[]): Promise<void> =>
  app.evaluate(({ Menu }, labels) => {
    interface Item {
      label?: string;
      submenu?: { items: Item[] } | null;
      click?: () => void;
    }
    let items = (Menu.getApplicationMenu() as unknown as { items: Item[] } | null)?.items ?? [];
    let item: Item | undefined;
    for (const label of labels) {
      item = items.find((candidate) => candidate.label === label);
      if (!item) throw new Error(`the application menu has no '${labels.join(' → ')}'`);
      items = item.submenu?.items ?? [];
    }
    item?.click?.();
  }, path);
