import type { Session } from 'electron';
import type { BrowserContext } from 'playwright-core';

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

/** Electron permission names and the Chromium permissions Playwright can grant for them. */
const PERMISSIONS: Record<string, string[]> = {
  notifications: ['notifications'],
  geolocation: ['geolocation'],
  media: ['camera', 'microphone'],
  midi: ['midi'],
  'clipboard-read': ['clipboard-read'],
  'clipboard-sanitized-write': ['clipboard-write'],
};

/**
 * The default session's permission handlers. Chromium under Playwright grants nothing by default; when a
 * request handler is set, each known permission is asked once and the allowed ones are granted, so the
 * page sees what the handler decided.
 */
export class RuntimeSession implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  private requestHandler: PermissionRequestHandler = null;
  private readonly context: () => Promise<BrowserContext>;

  constructor(context: () => Promise<BrowserContext>) {
    this.context = context;
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
    void this.applyToChromium();
  }

  /** Accepted but not consulted: Chromium under Playwright answers permission checks itself (nothing granted). */
  setPermissionCheckHandler(_handler: PermissionCheckHandler): void {}

  private async applyToChromium(): Promise<void> {
    const context = await this.context();
    await context.clearPermissions();
    const handler = this.requestHandler;
    if (!handler) return;
    const granted: string[] = [];
    for (const [permission, chromium] of Object.entries(PERMISSIONS)) {
      const allowed = await new Promise<boolean>((resolve) =>
        handler(undefined as never, permission as never, resolve, { requestingUrl: '', isMainFrame: true } as never),
      );
      if (allowed) granted.push(...chromium);
    }
    if (granted.length) await context.grantPermissions(granted);
  }
}
