// The tray from a spec. Electron has no API to read a tray back, so main keeps the model it last applied on
// a global when KRAKEN_BALANCES_E2E=1 (set by e2e/fixtures.ts): that works on both runtimes. The test
// runtime also records the Tray itself (what it shows, whether a tray host displays it) and lets a spec
// click its menu as a user would; real Electron offers neither.
import type { TrayModel } from '../../main/tray/tray-model.ts';
import type { AppHandle } from '../runtime/launch.ts';

/** Why tray clicks and the recorded Tray are test-runtime only. */
export const TRAY_READBACK_REASON = 'real Electron cannot read a tray or its menu back, so nothing can click it from a test';

export const trayModel = (app: AppHandle): Promise<TrayModel | undefined> =>
  app.evaluate(() => (globalThis as unknown as { __krakenTrayModel?: TrayModel }).__krakenTrayModel);

interface RecordedTray {
  tooltip: string;
  title: string;
  image: { source: string };
  displayed: boolean;
  contextMenu: { items: { label?: string }[] } | null;
  clickMenuItem(label: string): void;
}

/** What the test runtime's Tray shows: tooltip, title, image file, menu labels, and whether it is on screen. */
export const runtimeTray = (app: AppHandle) =>
  app.evaluate((electron) => {
    const tray = (electron.Tray as unknown as { instances: RecordedTray[] }).instances[0];
    if (!tray) return null;
    const menu = (tray.contextMenu?.items ?? []).map((item) => item.label ?? '---');
    return { tooltip: tray.tooltip, title: tray.title, image: tray.image.source, menu, displayed: tray.displayed };
  });

/** The user clicks a tray menu item (test runtime; refused there when no tray host shows the tray). */
export const clickTrayItem = (app: AppHandle, label: string) =>
  app.evaluate((electron, itemLabel) => {
    (electron.Tray as unknown as { instances: RecordedTray[] }).instances[0]?.clickMenuItem(itemLabel);
  }, label);
