import type { PageLib, PageWorldNames } from './page-isolated-world.ts';
import type { WorldRequest } from './page-world-channel.ts';
import type { Encoded } from './structured-clone.ts';

interface Internals {
  requestPermission(permission: string, details: Record<string, unknown>): Promise<boolean>;
}

/**
 * Runs in the page's main world at document start, before the page's own scripts, in every frame: takes the
 * private element from the isolated world's handshake (once: a later, forged handshake is ignored), defines
 * what the preload exposes with contextBridge.exposeInMainWorld (read-only, like Electron), and routes the
 * page's permission requests to the app's session handler before Chromium answers them.
 *
 * Self-contained: injected into pages as source text (see page-scripts.ts).
 */
export function installMainWorld(names: PageWorldNames, lib: PageLib): void {
  const apply = Reflect.apply;
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  const stopImmediatePropagation = Event.prototype.stopImmediatePropagation;
  const relatedTargetOf = Object.getOwnPropertyDescriptor(MouseEvent.prototype, 'relatedTarget')?.get as () => EventTarget;
  const defineProperty = Object.defineProperty;
  let toIsolated: WorldRequest | null = null;
  let internals: Internals | null = null;
  const bridge = lib.createBridgeEnd(lib, () => toIsolated as WorldRequest);

  const onRequest = (message: unknown): unknown => {
    const request = message as { op: string; key?: string; value?: Encoded };
    if (request.op !== 'expose') return bridge.handle(request);
    const key = request.key as string;
    if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
    defineProperty(window, key, { value: bridge.decode(request.value as Encoded), enumerable: true, writable: false, configurable: false });
    return null;
  };
  const onHandshake = (event: Event): void => {
    apply(removeEventListener, document, [names.handshake, onHandshake, true]);
    apply(stopImmediatePropagation, event, []);
    toIsolated = lib.openWorldChannel(apply(relatedTargetOf, event, []), names.toIsolated, names.toMain, onRequest);
    internals = bridge.decode(toIsolated({ op: 'internals' }) as Encoded) as Internals;
  };
  apply(addEventListener, document, [names.handshake, onHandshake, true]);
  routePermissionRequests(() => internals);
}

/**
 * Electron asks session.setPermissionRequestHandler for every permission a page requests; Chromium under
 * Playwright has no such hook, so the request APIs are wrapped here: each call asks the handler (through
 * the isolated world and Node), Node sets Chromium's permission to the answer, then the real API runs and
 * Chromium grants or refuses as it decided.
 *
 * Self-contained: injected into pages as source text (see page-scripts.ts).
 */
export function routePermissionRequests(internals: () => Internals | null): void {
  const apply = Reflect.apply;
  const ask = (permission: string, extra: Record<string, unknown> = {}): Promise<boolean> => {
    const ready = internals();
    const details = { requestingUrl: location.href, isMainFrame: window === window.top, ...extra };
    return ready ? ready.requestPermission(permission, details) : Promise.resolve(false);
  };
  const wrap = <T extends object>(target: T | undefined, method: string, permission: (args: unknown[]) => [string, Record<string, unknown>?]): void => {
    const original = target ? (target as Record<string, unknown>)[method] : undefined;
    if (typeof original !== 'function') return;
    (target as Record<string, unknown>)[method] = function askFirst(this: unknown, ...args: unknown[]): unknown {
      const [name, extra] = permission(args);
      return ask(name, extra).then(() => apply(original, this, args));
    };
  };
  const mediaTypes = (constraints: unknown): Record<string, unknown> => {
    const wanted = (constraints ?? {}) as { video?: unknown; audio?: unknown };
    return { mediaTypes: [...(wanted.video ? ['video'] : []), ...(wanted.audio ? ['audio'] : [])] };
  };
  wrap(globalThis.Notification, 'requestPermission', () => ['notifications']);
  wrap(globalThis.MediaDevices?.prototype, 'getUserMedia', (args) => ['media', mediaTypes(args[0])]);
  wrap(globalThis.Clipboard?.prototype, 'readText', () => ['clipboard-read']);
  wrap(globalThis.Clipboard?.prototype, 'read', () => ['clipboard-read']);
  wrap(globalThis.Navigator?.prototype, 'requestMIDIAccess', (args) => [(args[0] as { sysex?: boolean } | undefined)?.sysex ? 'midiSysex' : 'midi']);
  // Geolocation answers through callbacks and watchPosition must return its id at once: ask, then start it.
  const geolocation = globalThis.Geolocation?.prototype as unknown as Record<string, unknown> | undefined;
  for (const method of ['getCurrentPosition', 'watchPosition']) {
    const original = geolocation?.[method];
    if (!geolocation || typeof original !== 'function') continue;
    const ids = new Map<number, number>();
    let nextId = 1;
    geolocation[method] = function askFirst(this: unknown, ...args: unknown[]): number | undefined {
      const id = nextId++;
      void ask('geolocation').then(() => ids.set(id, apply(original, this, args) as number));
      if (method === 'watchPosition') return id;
      return undefined;
    };
    if (method === 'watchPosition') {
      const clearWatch = geolocation['clearWatch'] as (id: number) => void;
      geolocation['clearWatch'] = function clear(this: unknown, id: number): void {
        const real = ids.get(id);
        if (real !== undefined) apply(clearWatch, this, [real]);
      };
    }
  }
}
