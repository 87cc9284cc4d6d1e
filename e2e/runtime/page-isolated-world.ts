import type { BridgeEnd, PageCodec } from './page-bridge.ts';
import type { WorldRequest } from './page-world-channel.ts';
import type { Encoded } from './structured-clone.ts';

/** Names shared by the page scripts and web-contents.ts. */
export interface PageWorldNames {
  /** The CDP binding into Node; it exists in the isolated world only. */
  binding: string;
  /** The isolated world's function Node calls to deliver replies, events and permission answers. */
  deliver: string;
  handshake: string;
  toMain: string;
  toIsolated: string;
}

export interface PageLib extends PageCodec {
  openWorldChannel(node: EventTarget, sendType: string, receiveType: string, handle: (message: unknown) => unknown): WorldRequest;
  createBridgeEnd(codec: PageCodec, other: () => WorldRequest): BridgeEnd;
  createIpcRenderer(codec: PageCodec, node: NodeLink, listeners: Record<string, Listener[]>): object;
}

/** The preload world's way to Node: fire and forget, or ask and await the delivery that answers. */
interface NodeLink {
  send(payload: Record<string, unknown>): void;
  request(payload: Record<string, unknown>): Promise<Delivery>;
}

/** What Node delivers into the isolated world. */
type Delivery =
  | { kind: 'reply'; id: number; error?: string; result?: Encoded }
  | { kind: 'message'; channel: string; args: Encoded }
  | { kind: 'permission'; id: number; granted: boolean };

type Listener = (...args: unknown[]) => void;

/**
 * Runs in the page's isolated world at document start, in every frame: the private line to the main world,
 * the runtime's own requests (permissions) and, for a window with a preload, the `require('electron')` the
 * preload gets: ipcRenderer over the CDP binding (values checked and copied like Electron's structured
 * clone) and contextBridge (values copied, functions proxied into the main world). Returns that require for
 * the top frame, where Electron runs preloads, and null elsewhere.
 *
 * Self-contained: injected into pages as source text (see page-scripts.ts).
 */
export function installIsolatedWorld(names: PageWorldNames, lib: PageLib, withPreload: boolean): ((name: string) => unknown) | null {
  const scope = globalThis as unknown as Record<string, unknown>;
  const binding = scope[names.binding] as (payload: string) => void;
  const calls = Object.create(null) as Record<number, (delivery: Delivery) => void>;
  const listeners = Object.create(null) as Record<string, Listener[]>;
  let nextCall = 1;
  const toNode = (payload: Record<string, unknown>): void =>
    binding(JSON.stringify({ ...payload, frame: { url: location.href, top: window === window.top, name: window.name } }));
  const awaitNode = (payload: Record<string, unknown>): Promise<Delivery> =>
    new Promise((resolve) => {
      const id = nextCall++;
      calls[id] = resolve;
      toNode({ ...payload, id });
    });

  // The main world learns the element in the handshake, before any page script runs (page-main-world.ts).
  const node = document.createElement('span');
  let toMain: WorldRequest | null = null;
  const bridge = lib.createBridgeEnd(lib, () => toMain as WorldRequest);
  const internals = {
    requestPermission: async (permission: string, details: Record<string, unknown>): Promise<boolean> => {
      const answer = await awaitNode({ kind: 'permission', permission, details });
      return answer.kind === 'permission' && answer.granted;
    },
  };
  toMain = lib.openWorldChannel(node, names.toMain, names.toIsolated, (message) => {
    const request = message as { op: string };
    return request.op === 'internals' ? bridge.encode(internals) : bridge.handle(request);
  });
  document.dispatchEvent(new MouseEvent(names.handshake, { relatedTarget: node }));

  const ipcRenderer = lib.createIpcRenderer(lib, { send: toNode, request: awaitNode }, listeners);
  scope[names.deliver] = (text: string): void => {
    const delivery = JSON.parse(text) as Delivery;
    if (delivery.kind === 'message') {
      const args = lib.decodeClone(delivery.args) as unknown[];
      for (const listener of [...(listeners[delivery.channel] ?? [])]) listener({ sender: ipcRenderer, ports: [] }, ...args);
      return;
    }
    const call = calls[delivery.id];
    Reflect.deleteProperty(calls, delivery.id);
    call?.(delivery);
  };

  if (!withPreload || window !== window.top) return null;
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown): void {
      (toMain as WorldRequest)({ op: 'expose', key: String(key), value: bridge.encode(api) });
    },
  };
  return (name: string): unknown => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${name} (the test runtime's sandboxed preload may only require 'electron')`);
  };
}

/**
 * The preload's ipcRenderer (an EventEmitter in Electron): invoke and send copy their arguments as Electron's
 * structured clone does, throwing "An object could not be cloned." for what it refuses (invoke as a
 * rejection); an invoke error arrives as Electron words it. Self-contained: injected as source text.
 */
export function createIpcRenderer(codec: PageCodec, node: NodeLink, listeners: Record<string, Listener[]>): object {
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const encoded = codec.encodeClone(args); // throws "An object could not be cloned." like Electron
      const reply = (await node.request({ kind: 'invoke', channel: String(channel), args: encoded })) as Extract<Delivery, { kind: 'reply' }>;
      if (reply.error !== undefined) throw new Error(`Error invoking remote method '${channel}': ${reply.error}`);
      return codec.decodeClone(reply.result as Encoded);
    },
    send(channel: string, ...args: unknown[]): void {
      node.send({ kind: 'send', channel: String(channel), args: codec.encodeClone(args) });
    },
    sendSync(): never {
      throw new Error('ipcRenderer.sendSync is not emulated by the test runtime');
    },
    on(channel: string, listener: Listener) {
      (listeners[channel] ??= []).push(listener);
      return ipcRenderer;
    },
    addListener(channel: string, listener: Listener) {
      return ipcRenderer.on(channel, listener);
    },
    once(channel: string, listener: Listener) {
      const once: Listener = (...args) => {
        ipcRenderer.removeListener(channel, once);
        listener(...args);
      };
      return ipcRenderer.on(channel, once);
    },
    removeListener(channel: string, listener: Listener) {
      const list = listeners[channel] ?? [];
      const index = list.lastIndexOf(listener);
      if (index >= 0) list.splice(index, 1);
      return ipcRenderer;
    },
    off(channel: string, listener: Listener) {
      return ipcRenderer.removeListener(channel, listener);
    },
    removeAllListeners(channel?: string) {
      for (const key of channel === undefined ? Object.keys(listeners) : [channel]) Reflect.deleteProperty(listeners, key);
      return ipcRenderer;
    },
    listenerCount(channel: string): number {
      return listeners[channel]?.length ?? 0;
    },
  };
  return ipcRenderer;
}
