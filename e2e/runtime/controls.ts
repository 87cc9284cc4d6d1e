import type { EventEmitter } from 'node:events';
import { preventableEvent } from './events.ts';

/** Desktop events and states the specs drive (`electron.__testRuntime` in the main process, launch.ts). */
export interface RuntimeControls {
  setOnline(online: boolean): void;
  /** Windows logoff or shutdown: 'session-end' on every window, then the OS ends the process: no before-quit, no will-quit. */
  endSession(): void;
  /** Linux/macOS shutdown: powerMonitor 'shutdown', then the OS asks the app to quit (SIGTERM: before-quit …). */
  systemShutdown(): void;
}

interface ControlledParts {
  app: EventEmitter & { quit(): void };
  powerMonitor: EventEmitter;
  /** BrowserWindow.getAllWindows(): 'session-end' is a window event in Electron, not an app one. */
  windows(): EventEmitter[];
  net: { setOnline(online: boolean): void };
  /** Ends the process at once, as the OS does after a session ends. */
  endProcess(): void;
}

/** Not Electron: what the runtime offers specs, and no app code may touch. */
export function createControls(parts: ControlledParts): RuntimeControls {
  return {
    setOnline: (online) => parts.net.setOnline(online),
    endSession: () => {
      for (const window of parts.windows()) window.emit('session-end', preventableEvent());
      parts.endProcess();
    },
    systemShutdown: () => {
      parts.powerMonitor.emit('shutdown', preventableEvent());
      parts.app.quit();
    },
  };
}
