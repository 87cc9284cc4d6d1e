import type { MenuItemConstructorOptions } from 'electron';
import type { TrayMenuItem } from './tray-model.ts';

export interface TrayActions {
  refresh(): void;
  show(): void;
  togglePrivacy(): void;
  quit(): void;
  installUpdate(): void;
}

/** Electron reads '&' as a mnemonic marker on Windows and Linux; an account called "R&D" must show as typed. */
function literal(label: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? label : label.replace(/&/g, '&&');
}

/** The tray model's menu as an Electron menu template. */
export function trayMenuTemplate(items: readonly TrayMenuItem[], actions: TrayActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'info':
      case 'balance':
        return { label: literal(item.label, platform), enabled: false };
      case 'toggle':
        return { label: item.label, type: 'checkbox', checked: item.checked, click: () => actions.togglePrivacy() };
      case 'action':
        return { label: literal(item.label, platform), enabled: item.enabled, click: () => actions[item.id]() };
    }
  });
}
