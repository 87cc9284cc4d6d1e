import { app, session, type Session } from 'electron';
import { isAppPage } from './app-scheme.ts';

/**
 * Electron security checklist, the parts that apply to every web contents: the app never navigates away
 * from its own page, never opens windows, never attaches webviews, and grants no permission. WebRTC may
 * not use UDP except through a proxy: the app makes no WebRTC connection, and a page script must not be
 * able to send UDP (STUN) to a host of its choosing, or learn the machine's local addresses from ICE.
 */
export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
    contents.on('will-navigate', (event, url) => {
      if (!isAppPage(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function denyAllPermissions(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}
