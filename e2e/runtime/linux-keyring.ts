import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Linux key storage as Chromium's OSCrypt (Electron 45) sees it, in two separate verdicts:
 * - the REPORTED backend (safeStorage.getSelectedStorageBackend): decided from --password-store and the
 *   desktop's name (os_crypt::SelectBackend) before any keyring is tried;
 * - the ACTUAL encryptor: whether a keyring answers with its secret. With one, data is sealed under a key
 *   derived from that secret ("v11"); without, under the hard-coded key ("v10") whatever was reported.
 */

/** getSelectedStorageBackend() on Linux after ready. */
export type LinuxBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6';

/** Whether the keyring the password store names answers: unlocked, locked (its unlock prompt dismissed), or not there. */
export type KeyringState = 'unlocked' | 'locked' | 'absent';

/** os_crypt::SelectBackend: an explicit --password-store wins; otherwise the desktop decides. */
export function selectBackend(passwordStore: string, env: NodeJS.ProcessEnv): LinuxBackend {
  const explicit: Record<string, LinuxBackend> = {
    kwallet: 'kwallet', kwallet5: 'kwallet5', kwallet6: 'kwallet6', 'gnome-libsecret': 'gnome_libsecret', basic: 'basic_text',
  };
  const chosen = explicit[passwordStore];
  if (chosen) return chosen;
  switch (desktopEnvironment(env)) {
    case 'KDE4': return 'kwallet';
    case 'KDE5': return 'kwallet5';
    case 'KDE6': return 'kwallet6';
    case 'CINNAMON': case 'DEEPIN': case 'GNOME': case 'PANTHEON': case 'UKUI': case 'UNITY': case 'XFCE':
      return 'gnome_libsecret';
    default: return 'basic_text'; // KDE3, LXQt, and any other or no desktop (a CI machine)
  }
}

/** base::nix::GetDesktopEnvironment, from XDG_CURRENT_DESKTOP first, then DESKTOP_SESSION. */
export function desktopEnvironment(env: NodeJS.ProcessEnv): string {
  const kde = (): string => ({ '5': 'KDE5', '6': 'KDE6' } as Record<string, string>)[env['KDE_SESSION_VERSION'] ?? ''] ?? 'KDE4';
  for (const name of (env['XDG_CURRENT_DESKTOP'] ?? '').split(':')) {
    const known: Record<string, string> = {
      Unity: env['DESKTOP_SESSION']?.includes('gnome-fallback') ? 'GNOME' : 'UNITY',
      Deepin: 'DEEPIN', GNOME: 'GNOME', 'X-Cinnamon': 'CINNAMON', KDE: kde(), Pantheon: 'PANTHEON', XFCE: 'XFCE', UKUI: 'UKUI', LXQt: 'LXQT',
    };
    if (known[name]) return known[name];
  }
  const session = env['DESKTOP_SESSION'] ?? '';
  if (session === 'gnome' || session === 'mate') return 'GNOME';
  if (session === 'kde4' || session === 'kde-plasma') return 'KDE4';
  if (session === 'kde') return env['KDE_SESSION_VERSION'] ? 'KDE4' : 'KDE3';
  if (session.includes('xfce') || session === 'xubuntu') return 'XFCE';
  if (env['GNOME_DESKTOP_SESSION_ID']) return 'GNOME';
  if (env['KDE_FULL_SESSION']) return env['KDE_SESSION_VERSION'] ? 'KDE4' : 'KDE3';
  return 'OTHER';
}

const SALT = 'saltysalt';
const IV = Buffer.alloc(16, ' ');
/** PBKDF2-HMAC-SHA1("peanuts", "saltysalt", 1 iteration): the key every Linux Chromium shares. */
export const V10_KEY = pbkdf2Sync('peanuts', SALT, 1, 16, 'sha1');

/** A key derived from a keyring secret the way OSCrypt and its Freedesktop key provider do. */
export function keyFromSecret(secret: string): Buffer {
  return pbkdf2Sync(secret, SALT, 1, 16, 'sha1');
}

/** AES-128-CBC with an IV of 16 spaces, behind a 3-letter version prefix ("v10" / "v11"). */
export function sealWith(prefix: 'v10' | 'v11', key: Buffer, plainText: string): Buffer {
  const cipher = createCipheriv('aes-128-cbc', key, IV);
  return Buffer.concat([Buffer.from(prefix, 'latin1'), cipher.update(plainText, 'utf8'), cipher.final()]);
}

/** The plain text, or null when the key does not open it (bad padding). */
export function openWith(key: Buffer, body: Buffer): string | null {
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, IV);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * The desktop keyring's "<App> Safe Storage" item, kept in a file outside the app's data (like the real one):
 * a random secret created on first use, returned only while the keyring answers.
 */
export class FakeKeyring {
  private readonly file: string;
  readonly state: KeyringState;

  constructor(dir: string, state: KeyringState) {
    this.file = path.join(dir, 'secret-service.json');
    this.state = state;
  }

  /** The item's secret, created if missing; null when the keyring does not answer. */
  secret(itemName: string): string | null {
    if (this.state !== 'unlocked') return null;
    const items = this.read();
    if (!items[itemName]) {
      items[itemName] = randomBytes(16).toString('base64');
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(items, null, 2), { mode: 0o600 });
    }
    return items[itemName] ?? null;
  }

  private read(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }
}
