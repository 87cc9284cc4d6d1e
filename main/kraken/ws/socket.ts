// The seam between the stream logic and a real WebSocket, so unit tests drive the connection manager with
// scripted sockets on a fake clock, and the app uses `ws` with certificates always checked.
import WebSocket from 'ws';
import { strictTls } from '../strict-tls.ts';

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

/** The part of the WHATWG WebSocket the factory uses (`ws` implements it). */
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

/** Kraken's frames are small (a ticker or balances update); a huge one is refused rather than buffered. */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/**
 * A Kraken stream client with TLS that no environment can weaken (strict-tls.ts): the WHATWG WebSocket
 * built into Node and Electron's main (undici) follows NODE_TLS_REJECT_UNAUTHORIZED=0 and has no option
 * against it, so the streams use `ws` (a well-kept client, the one the fake Kraken serves with), given
 * Node's bundled roots and rejectUnauthorized.
 */
export class StrictTlsWebSocket extends WebSocket {
  constructor(url: string) {
    super(url, { ...strictTls(), maxPayload: MAX_FRAME_BYTES });
  }
}

/**
 * Sockets for the stream logic. A refused or blocked upgrade surfaces as a close without open (the WHATWG
 * API hides the HTTP status).
 */
export function createWebSocketFactory(WebSocketImpl: WebSocketConstructor = StrictTlsWebSocket): SocketFactory {
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
