import type { Session } from 'electron';
import type { BrowserContext } from 'playwright-core';
import type { RuntimeWebContents } from './web-contents.ts';

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

/** Electron permission names and the Chromium permissions that carry them out. */
const CHROMIUM_PERMISSIONS: Record<string, string[]> = {
  notifications: ['notifications'],
  geolocation: ['geolocation'],
  media: ['camera', 'microphone'],
  midi: ['midi'],
  midiSysex: ['midi', 'midi-sysex'],
  'clipboard-read': ['clipboard-read', 'clipboard-write'],
};

/**
 * The default session's permission handlers. Each permission the page requests (page-main-world.ts routes
 * the request APIs here) asks the request handler with Electron's arguments; with no handler Electron grants
 * it. The answer is then set in Chromium, which grants or refuses the page's request itself.
 */
export class RuntimeSession implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  private requestHandler: PermissionRequestHandler = null;
  private readonly granted = new Set<string>();
  private readonly context: () => Promise<BrowserContext>;

  constructor(context: () => Promise<BrowserContext>) {
    this.context = context;
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }

  /** Accepted but not consulted: see the list in electron.ts (checks answer from Chromium's state). */
  setPermissionCheckHandler(_handler: PermissionCheckHandler): void {}

  /** A permission the page asked for: the handler's verdict, applied to Chromium before the page's API runs. */
  async requestPermission(contents: RuntimeWebContents, permission: string, details: Record<string, unknown>): Promise<boolean> {
    const handler = this.requestHandler;
    const allowed = handler
      ? await new Promise<boolean>((resolve) => handler(contents as never, permission as never, resolve, details as never))
      : true;
    await this.applyToChromium(CHROMIUM_PERMISSIONS[permission] ?? [], allowed);
    return allowed;
  }

  private async applyToChromium(names: string[], allowed: boolean): Promise<void> {
    const changed = names.filter((name) => this.granted.has(name) !== allowed);
    if (changed.length === 0) return;
    for (const name of changed) {
      if (allowed) this.granted.add(name);
      else this.granted.delete(name);
    }
    const context = await this.context();
    await context.clearPermissions();
    if (this.granted.size > 0) await context.grantPermissions([...this.granted]);
  }
}
