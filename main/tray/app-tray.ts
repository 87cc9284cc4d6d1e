import { Menu, nativeTheme, Tray } from 'electron';
import type { AccountBalances, AccountSummary, Settings, UpdateState } from '../../ipc/contract.ts';
import { log } from '../log.ts';
import { systemNumberLocale } from '../system-locale.ts';
import { trayIcon } from './tray-icons.ts';
import { trayMenuTemplate, type TrayActions } from './tray-menu.ts';
import { trayModel, type TrayModel } from './tray-model.ts';

/** What the tray reads and listens to. */
export interface TrayServices {
  readonly appName: string;
  settings: { get(): Settings; onChange(listener: () => void): () => void };
  accounts: { list(): AccountSummary[]; onChange(listener: () => void): () => void };
  balances: { list(): AccountBalances[]; pausedReason(): 'suspended' | 'offline' | null; onChange(listener: () => void): () => void };
  updates: { state(): UpdateState; onChange(listener: () => void): () => void };
}

export interface AppTray {
  /** Recomputes and applies the model (also done on every change and every 30 s for the age). */
  redraw(): void;
  destroy(): void;
}

function readyUpdate(state: UpdateState): { version: string } | null {
  return state.status === 'ready' ? { version: state.version } : null;
}

/** The "updated N min ago" line must not lie for long. */
const AGE_TICK_MS = 30_000;

declare global {
  // Read by the e2e specs (Electron has no API to read a tray's tooltip or menu back); set only when
  // KRAKEN_BALANCES_E2E=1. It holds what the tray shows anyway, nothing secret.
  var __krakenTrayModel: TrayModel | undefined;
}

/**
 * The system tray icon: applies the pure tray model (tray-model.ts) to Electron's Tray and Menu, and
 * redraws on every balances, settings or accounts change, so it is never staler than one refresh.
 * Returns null where the desktop has no tray; the app then keeps its window instead of hiding to it.
 */
export function startTray(services: TrayServices, actions: TrayActions): AppTray | null {
  const compute = (): TrayModel => trayModel({
    appName: services.appName,
    settings: services.settings.get(),
    accounts: services.accounts.list(),
    balances: services.balances.list(),
    locale: systemNumberLocale(),
    now: Date.now(),
    platform: process.platform,
    paused: services.balances.pausedReason(),
    updateReady: readyUpdate(services.updates.state()),
  });
  let model = compute();
  let tray: Tray;
  try {
    tray = new Tray(trayIcon(model.icon, nativeTheme.shouldUseDarkColors));
  } catch (error) {
    log.warn('tray: this desktop has no system tray', error);
    return null;
  }
  if (process.platform !== 'darwin') tray.on('click', () => actions.show());

  let appliedIcon = '';
  let appliedMenu = '';
  const apply = (): void => {
    if (tray.isDestroyed()) return;
    model = compute();
    const icon = `${model.icon}:${nativeTheme.shouldUseDarkColors}`;
    if (icon !== appliedIcon) tray.setImage(trayIcon(model.icon, nativeTheme.shouldUseDarkColors));
    appliedIcon = icon;
    tray.setToolTip(model.tooltip);
    if (model.title !== null) tray.setTitle(model.title);
    // Rebuilding an open menu makes some Linux trays flicker or close it: only when it changed.
    const menu = JSON.stringify(model.menu);
    if (menu !== appliedMenu) tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(model.menu, actions, process.platform)));
    appliedMenu = menu;
    if (process.env['KRAKEN_BALANCES_E2E'] === '1') globalThis.__krakenTrayModel = model;
  };

  const unsubscribe = [services.balances.onChange(apply), services.settings.onChange(apply), services.accounts.onChange(apply), services.updates.onChange(apply)];
  nativeTheme.on('updated', apply);
  const tick = setInterval(apply, AGE_TICK_MS);
  tick.unref();
  apply();

  return {
    redraw: apply,
    destroy() {
      clearInterval(tick);
      nativeTheme.off('updated', apply);
      for (const stop of unsubscribe) stop();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
