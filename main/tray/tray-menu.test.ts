import { describe, expect, it } from 'vitest';
import { trayIconVariant } from './icon-variant.ts';
import { trayMenuTemplate, type TrayActions } from './tray-menu.ts';
import type { TrayMenuItem } from './tray-model.ts';

const items: TrayMenuItem[] = [
  { kind: 'info', label: 'Total 1.00 USD' },
  { kind: 'info', label: '⚠ R&D: Kraken is busy' },
  { kind: 'balance', asset: 'XXBT', label: 'BTC  1', readOnly: false },
  { kind: 'separator' },
  { kind: 'action', id: 'installUpdate', label: 'Restart to update to 1.2.0', enabled: true },
  { kind: 'action', id: 'refresh', label: 'Refresh now', enabled: true },
  { kind: 'toggle', id: 'privacy', label: 'Privacy mode', checked: true },
  { kind: 'action', id: 'quit', label: 'Quit Kraken Balances', enabled: true },
];

describe('trayMenuTemplate', () => {
  it('makes text items disabled, wires actions, and keeps "&" literal outside macOS', () => {
    const called: string[] = [];
    const actions: TrayActions = {
      refresh: () => called.push('refresh'),
      show: () => called.push('show'),
      togglePrivacy: () => called.push('privacy'),
      quit: () => called.push('quit'),
      installUpdate: () => called.push('installUpdate'),
    };
    const template = trayMenuTemplate(items, actions, 'linux');
    expect(template.map((i) => [i.label ?? i.type, i.enabled ?? true])).toEqual([
      ['Total 1.00 USD', false],
      ['⚠ R&&D: Kraken is busy', false],
      ['BTC  1', false],
      ['separator', true],
      ['Restart to update to 1.2.0', true],
      ['Refresh now', true],
      ['Privacy mode', true],
      ['Quit Kraken Balances', true],
    ]);
    expect(template[6]).toMatchObject({ type: 'checkbox', checked: true });
    for (const item of template) item.click?.({} as never, undefined, {} as never);
    expect(called).toEqual(['installUpdate', 'refresh', 'privacy', 'quit']);
    expect(trayMenuTemplate(items, actions, 'darwin')[1]?.label).toBe('⚠ R&D: Kraken is busy');
  });
});

describe('trayIconVariant', () => {
  it('uses template images on macOS, the light glyph on GNOME panels, and follows the theme elsewhere', () => {
    expect(trayIconVariant('darwin', false, '')).toBe('template');
    expect(trayIconVariant('linux', false, 'ubuntu:GNOME')).toBe('dark');
    expect(trayIconVariant('linux', false, 'KDE')).toBe('light');
    expect(trayIconVariant('win32', true, '')).toBe('dark');
    expect(trayIconVariant('win32', false, '')).toBe('light');
  });
});
