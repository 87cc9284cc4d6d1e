import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { APP_INDEX_URL } from '../app-scheme.ts';
import { isTrustedSender } from './sender.ts';

const main = { destroyed: false, webContents: { id: 7 }, isDestroyed: () => main.destroyed };
let open: typeof main | null = main;
vi.mock('../window.ts', () => ({ getMainWindow: () => open }));

const APP_URL = APP_INDEX_URL;
// The page the app loaded from disk before the app scheme: trusted then, refused now.
const RENDERER_FILE_URL = pathToFileURL(path.join(__dirname, '../../renderer/index.html')).href;

function event(senderId: number, frame: { url: string; parent: unknown } | null): Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'> {
  return { sender: { id: senderId }, senderFrame: frame } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
}

describe('isTrustedSender', () => {
  beforeEach(() => {
    open = main;
    main.destroyed = false;
  });

  it('trusts the top frame of the app window showing the app page', () => {
    expect(isTrustedSender(event(7, { url: APP_URL, parent: null }))).toBe(true);
    expect(isTrustedSender(event(7, { url: `${APP_URL}#/settings`, parent: null }))).toBe(true);
  });

  it('refuses another window, a subframe, a foreign page and a missing frame', () => {
    expect(isTrustedSender(event(8, { url: APP_URL, parent: null }))).toBe(false);
    expect(isTrustedSender(event(7, { url: APP_URL, parent: { url: APP_URL } }))).toBe(false);
    expect(isTrustedSender(event(7, { url: 'https://evil.example/', parent: null }))).toBe(false);
    expect(isTrustedSender(event(7, { url: pathToFileURL('/tmp/index.html').href, parent: null }))).toBe(false);
    expect(isTrustedSender(event(7, null))).toBe(false);
  });

  it('trusts only the app scheme\'s origin: the renderer as a file:// page, another host or scheme is refused', () => {
    expect(isTrustedSender(event(7, { url: RENDERER_FILE_URL, parent: null }))).toBe(false);
    expect(isTrustedSender(event(7, { url: 'app://evil/index.html', parent: null }))).toBe(false);
    expect(isTrustedSender(event(7, { url: 'app://user:pw@kraken-balances/index.html', parent: null }))).toBe(false);
    expect(isTrustedSender(event(7, { url: 'https://kraken-balances/index.html', parent: null }))).toBe(false);
    expect(isTrustedSender(event(7, { url: 'about:blank', parent: null }))).toBe(false);
  });

  it('refuses everyone when the app window is closed or destroyed', () => {
    main.destroyed = true;
    expect(isTrustedSender(event(7, { url: APP_URL, parent: null }))).toBe(false);
    open = null;
    expect(isTrustedSender(event(7, { url: APP_URL, parent: null }))).toBe(false);
  });
});
