// The seam between the stream logic and a real WebSocket, so unit tests drive the connection manager with
// scripted sockets on a fake clock, and the app uses the runtime's own client.

/** What the connection manager needs from one WebSocket. */
export interface StreamSocket {
  send(text: string): void;
  /** Close politely (1000); onClose still follows. */
  close(): void;
}

export interface SocketHandlers {
  onOpen(): void;
  /** A text frame; binary frames arrive decoded as UTF-8 (Kraken sends text only). */
  onMessage(text: string): void;
  /** Exactly once per socket. `opened` is false when the connection or the HTTP upgrade failed. */
  onClose(info: { readonly opened: boolean; readonly code: number }): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => StreamSocket;

/** The constructor part of the WHATWG WebSocket that the factory uses (global in Node 22+ and Electron's main). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { readonly code: number }) => void): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

const OPEN = 1;
const decoder = new TextDecoder();

/**
 * Sockets from the runtime's WHATWG WebSocket: Node's built-in client (undici) in the Electron main
 * process and in Node 22+, maintained with the runtime like Node's HTTP client the REST side uses.
 * A refused or blocked upgrade surfaces as a close without open (the WHATWG API hides the HTTP status).
 */
export function createWebSocketFactory(WebSocketImpl: WebSocketConstructor = globalThis.WebSocket as unknown as WebSocketConstructor): SocketFactory {
  return (url, handlers) => {
    let opened = false;
    let closed = false;
    let socket: WebSocketLike;
    try {
      socket = new WebSocketImpl(url);
    } catch {
      // A URL the client refuses (bad scheme): report it like a failed connection, on a later tick.
      queueMicrotask(() => handlers.onClose({ opened: false, code: 1006 }));
      return { send: () => undefined, close: () => undefined };
    }
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('open', () => {
      opened = true;
      handlers.onOpen();
    });
    socket.addEventListener('message', (event) => {
      const { data } = event;
      if (typeof data === 'string') handlers.onMessage(data);
      else if (data instanceof ArrayBuffer) handlers.onMessage(decoder.decode(data));
    });
    // 'error' is always followed by 'close', which carries what we need.
    socket.addEventListener('error', () => undefined);
    socket.addEventListener('close', (event) => {
      if (closed) return;
      closed = true;
      handlers.onClose({ opened, code: event.code });
    });
    return {
      send: (text) => {
        if (socket.readyState === OPEN) socket.send(text);
      },
      close: () => socket.close(1000),
    };
  };
}
