import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { RuntimeApp } from './app.ts';
import type { AppPackage } from './app-path.ts';
import { RuntimeBrowserWindow, type WindowHost } from './browser-window.ts';
import { desktopModes, switchValue } from './desktop-modes.ts';
import { autoUpdater, clipboard, dialog, nativeTheme, powerMonitor, RuntimeMenu, RuntimeNativeImage, RuntimeNotification, RuntimeTray, shell } from './desktop.ts';
import { RuntimeIpcMain } from './ipc-main.ts';
import { createNet } from './net.ts';
import { createControls } from './controls.ts';
import { routePopups } from './popups.ts';
import { RuntimeProtocol } from './protocol.ts';
import { RuntimeSafeStorage } from './safe-storage.ts';
import { RuntimeSession } from './session.ts';
import { RuntimeTabs } from './tabs.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Flags this machine needs (no sandbox as root, no GPU, no calls home). No --allow-file-access-from-files:
// file:// pages get no more than Chromium gives them, as with Electron's GrantFileProtocolExtraPrivileges off.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface RuntimeOptions {
  app: AppPackage;
  headed: boolean;
  /** The switches after the app path (`--password-store=…`), as Electron's command line holds them. */
  switches: string[];
  /** The environment: the desktop's name and the runtime's desktop modes (desktop-modes.ts). */
  env: NodeJS.ProcessEnv;
}

/**
 * Builds the object `require('electron')` returns in the main process, and drives its Chromium.
 *
 * Modelled on Electron 45's own source where the app depends on it: see each module (app.ts lifecycle and
 * paths; web-contents.ts, page-*.ts and structured-clone.ts for the isolated preload world, IPC and the
 * contextBridge; session.ts permissions; popups.ts window.open; safe-storage.ts and linux-keyring.ts
 * safeStorage; desktop.ts Tray, Notification; net.ts). Desktops people run are modes (desktop-modes.ts):
 * no tray host, keyring locked or missing, notifications failing, offline; session end and system shutdown
 * are driven through `__testRuntime` (launch.ts's AppHandle.desktop).
 *
 * NOT emulated (so never mistake this for Electron):
 * - Processes: main runs in Node (no Electron-specific globals such as process.type, and Node's own
 *   versions); every window is a page of ONE Chromium profile (Debian's Chromium, not Electron's build).
 *   app.getAppMetrics() reports that Node process and those Chromium processes: runtime figures, labelled so.
 * - The sandboxed preload may require only 'electron' (Electron also offers 'events', 'timers', 'url' and a
 *   few globals); ipcRenderer.sendSync, postMessage/MessagePorts and contextBridge.exposeInIsolatedWorld are
 *   absent. Preloads run in the top frame only (nodeIntegrationInSubFrames is not modelled).
 * - contextBridge: DOM elements, Blobs and VideoFrames cannot cross (Electron passes them); a function sent
 *   back across the bridge is a new proxy, not the original. IPC: a typed array arrives with a buffer of
 *   its own bytes (V8 keeps the whole underlying buffer); an invoke reply that cannot be cloned rejects in
 *   the renderer (Electron may leave it pending).
 * - window.open: a denied window returns a closed window, not null, in the page; an allowed one stays a
 *   plain page (no BrowserWindow, 'did-create-window' or inherited preload); the handler gets url, frameName
 *   and features but always disposition 'new-window', no postBody.
 * - Permissions: requests reach the handler through wrapped page APIs (geolocation, notifications, media,
 *   clipboard read, MIDI) in every frame's main world; a page that takes these APIs from a fresh realm
 *   bypasses the handler and gets Chromium's own answer. setPermissionCheckHandler is recorded, not consulted
 *   (Notification.permission and permissions.query answer from Chromium's state); grants are not per origin.
 * - Headed, a blank tab stands in while the app has no window (tabs.ts), and closing a window from
 *   Chromium's own title bar closes its page without a 'close' event.
 * - Locales are Linux's: app.getSystemLocale() reads LC_ALL / LC_MESSAGES / LANG as Chromium's ICU does
 *   (never Windows' regional format or macOS's region), and app.getLocale() is always 'en-US'.
 * - Window chrome, focus and visibility are state only; nothing is drawn per window. A window's width ×
 *   height (and setContentSize) is its page's size: there is no frame, so the content is as large as the
 *   whole window, where Electron's width and height include the frame (a few pixels more room here);
 *   headed, the OS window grows by Chromium's own bars. Tray, Menu, Notification, dialog and shell draw or
 *   open nothing; a message box never answers by itself (a real one waits for a person), so specs answer it
 *   by replacing dialog.showMessageBox, as on real Electron. The application menu is recorded (Electron's
 *   default one, by roles, when the app sets none) but its roles are not expanded into items.
 *   'ready-to-show' fires at the page's load event (Electron: first paint). Without a tray host the tray is
 *   built but not displayed; what Electron's Linux tray falls back to there (nothing) is all that is modelled.
 * - dialog (dialog.ts): message boxes and the save dialog check their options as Electron's
 *   lib/browser/api/dialog.ts does; a message box waits for a person (never settles: specs replace
 *   showMessageBox, as on real Electron); the save dialog answers nextSavePath, else Cancel; nothing is modal, so the app is not blocked while one is "open". The save dialog answers like Linux's GTK
 *   chooser: the path as typed (no extension from the filters), never in a folder that does not exist.
 *   No open dialog, no AbortSignal, no checkbox, no overwrite prompt.
 * - webContents.setWebRTCIPHandlingPolicy is recorded (getWebRTCIPHandlingPolicy reads it back) but not
 *   applied: Chromium takes that policy per profile at launch, Electron per web contents. The spec that
 *   listens for a page's UDP runs on real Electron only.
 * - Notifications: no actions, replies, urgency or timeouts; 'click' and 'close' only when a spec emits them.
 * - safeStorage follows Linux (Electron 45's OSCrypt and OSCryptAsync) on every OS: no Keychain or DPAPI,
 *   one emulated keyring stands for the Secret Service and KWallet, a locked keyring is one whose unlock
 *   prompt was dismissed (Electron would wait on the prompt), and the "Disable Local Encryption" file and
 *   --enable-encryption-selection are ignored. ELECTRON_RUNTIME_SAFE_STORAGE=unavailable (no encryption
 *   at all) has no Linux Electron counterpart: there the hard-coded key always works.
 * - net: Node's fetch, so no system proxy, PAC/WPAD, proxy auth, OS certificate store or Chromium
 *   User-Agent (it trusts Node's bundled roots only and, like Chromium, ignores NODE_TLS_REJECT_UNAUTHORIZED
 *   and NODE_EXTRA_CA_CERTS); net.resolveHost, WebSocket and session.fetch are absent.
 * - powerMonitor: events only when a spec emits them; getSystemIdleState is always 'active', never on battery.
 *   Session end (Windows logoff: 'session-end' on every window, then the process ends at once) and system
 *   shutdown come only through the runtime's controls; 'query-session-end' is absent.
 * - Signals: Electron (Linux, macOS) installs its own SIGINT/SIGTERM/SIGHUP handlers after the main script has
 *   loaded (ElectronBrowserMainParts::PostCreateMainMessageLoop), replacing Node's, so they quit gracefully
 *   (before-quit, will-quit) and process.on listeners for them never run: when-exit (from electron-store via
 *   atomically, loaded with the main script) never re-raises them there. The runtime is a Node process:
 *   there when-exit's listener runs and re-raises the signal, which ends the process at once without
 *   before-quit. Specs quit through app.close() or the shutdown control, never a signal.
 * - The single-instance lock is a local socket per userData folder (no additionalData, no ack timeout).
 * - net.request (net-request.ts) uses Node's http/https: no proxy, 'login', cookies, or Chromium's own
 *   request headers and content decoding. session.fromPartition returns a session with no state of its own.
 * - autoUpdater is Linux's: an EventEmitter whose methods do nothing (Squirrel on macOS and Windows is absent).
 *   clipboard holds text only, in memory; shell.openPath records the path and opens nothing.
 * - protocol (protocol.ts): only custom schemes registered as standard before 'ready' can be handled (Electron
 *   also serves non-standard ones and intercepts http, https and file); such a scheme's page sits at a stand-in
 *   https origin that its own `location` shows (main sees the scheme's URLs everywhere); the handler's Request
 *   has no referrer; stream, codeCache, corsEnabled, bypassCSP and service-worker privileges are not applied.
 *   Without --allow-file-access-from-files a file:// page loads no module script, as on Electron 45.
 * - webRequest, crashReporter, globalShortcut, screen, fuses, asar and the packaged-app paths
 *   (isPackaged is false, no process.resourcesPath) are absent. Only the APIs the app uses exist; add them as it grows.
 */
export function createElectronRuntime(options: RuntimeOptions) {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'electron-runtime-profile-'));
  let resolveContext!: (context: BrowserContext) => void;
  const contextReady = new Promise<BrowserContext>((resolve) => (resolveContext = resolve));
  let resolveTabs!: (tabs: RuntimeTabs) => void;
  const tabsReady = new Promise<RuntimeTabs>((resolve) => (resolveTabs = resolve));
  let context: BrowserContext | null = null;

  // Chromium's last writes can still land while the folder goes (ENOTEMPTY): retried, and a leftover temp
  // folder is reported rather than turning a clean quit into exit code 1.
  const removeProfile = (): void => {
    try {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch (error) {
      console.warn(`[electron-runtime] could not remove the Chromium profile ${profileDir}: ${(error as Error).message}`);
    }
  };
  const shutdown = async (code: number): Promise<void> => {
    await context?.close().catch(() => undefined);
    removeProfile();
    process.exit(code);
  };

  const modes = desktopModes(options.env);
  const app = new RuntimeApp(options.app, shutdown);
  const ipcMain = new RuntimeIpcMain();
  const safeStorage = new RuntimeSafeStorage({
    passwordStore: switchValue(options.switches, 'password-store'),
    env: options.env,
    keyring: modes.keyring,
    keyringDir: modes.keyringDir,
    noEncryption: modes.noEncryption,
    appName: () => app.getName(),
  });
  const protocol = new RuntimeProtocol(() => app.isReady());
  const defaultSession = new RuntimeSession(() => contextReady);
  const partitions = new Map<string, RuntimeSession>();
  const net = createNet(modes.online, () => app.isReady(), (value) => value instanceof RuntimeSession, protocol);
  RuntimeTray.hostPresent = modes.trayHost;
  RuntimeNotification.failAll = modes.notificationsFail;
  attachWindowHost({ app, ipcMain, protocol, session: defaultSession, headed: options.headed, tabs: () => tabsReady });
  app.once('will-finish-launching', () => RuntimeMenu.installDefaultApplicationMenu());

  const electron = {
    app,
    BrowserWindow: RuntimeBrowserWindow,
    ipcMain,
    protocol,
    safeStorage,
    session: {
      get defaultSession(): RuntimeSession {
        if (!app.isReady()) throw new TypeError('Session can only be received when app is ready');
        return defaultSession;
      },
      /** Another session (electron-updater downloads in its own); only its identity is modelled. */
      fromPartition(partition: string): RuntimeSession {
        if (!app.isReady()) throw new TypeError('Session can only be received when app is ready');
        const existing = partitions.get(partition) ?? new RuntimeSession(() => contextReady);
        partitions.set(partition, existing);
        return existing;
      },
    },
    Tray: RuntimeTray,
    Menu: RuntimeMenu,
    nativeImage: RuntimeNativeImage,
    Notification: RuntimeNotification,
    nativeTheme,
    powerMonitor,
    shell,
    dialog,
    clipboard,
    autoUpdater,
    net,
  };
  // The OS ends the process after a session end: no window closes first, so nothing quits gracefully (closing
  // the Chromium context would close the windows and let window-all-closed quit the app). Playwright's exit
  // hook kills Chromium and the profile goes with the 'exit' hook registered in boot().
  const controls = createControls({ app, powerMonitor, windows: () => RuntimeBrowserWindow.getAllWindows(), net, endProcess: () => process.exit(0) });
  Object.defineProperty(electron, '__testRuntime', { value: controls });

  /** Electron's 'ready': Chromium is up. Returns the DevTools endpoint specs connect to. */
  async function boot(): Promise<string> {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: !options.headed,
      viewport: options.headed ? null : { width: 1120, height: 760 },
      args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
    });
    context.on('close', () => void shutdown(0));
    // Ctrl+C ends the process from Playwright's signal handler, which kills Chromium but skips shutdown():
    // the profile goes on exit too (registered after Playwright's own exit hook, so Chromium is gone first).
    process.once('exit', removeProfile);
    resolveTabs(await RuntimeTabs.adopt(context, options.headed));
    await routePopups(context);
    resolveContext(context);
    safeStorage.markReady();
    app.markReady();
    const [port] = readFileSync(path.join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
    return `http://127.0.0.1:${port}`;
  }

  return { electron, boot, shutdown };
}

export type RuntimeElectron = ReturnType<typeof createElectronRuntime>['electron'];

interface WindowParts {
  app: RuntimeApp;
  ipcMain: RuntimeIpcMain;
  protocol: RuntimeProtocol;
  session: RuntimeSession;
  headed: boolean;
  tabs(): Promise<RuntimeTabs>;
}

/** What every BrowserWindow reaches: IPC, permissions, Chromium, and the app's window lifecycle events. */
function attachWindowHost({ app, ipcMain, protocol, session, headed, tabs }: WindowParts): void {
  const host: WindowHost = {
    ipcMain,
    protocol,
    headed,
    openPage: async () => (await tabs()).open(),
    closePage: async (page) => (await tabs()).close(page),
    requestPermission: (contents, permission, details) => session.requestPermission(contents, permission, details),
    windowOpened: (window) => app.emit('browser-window-created', {}, window),
    windowClosed: () => {
      if (RuntimeBrowserWindow.getAllWindows().length > 0) return;
      // Electron quits by itself when the last window closes, unless the app listens for this event.
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    },
  };
  RuntimeBrowserWindow.attach(host);
  app.on('browser-window-created', (_event, window: RuntimeBrowserWindow) => app.emit('web-contents-created', {}, window.webContents));
}

