import type { SocketFactory, SocketHandlers } from '../socket.ts';

/** A socket the test plays the server for: it sees what the client sent and decides what happens. */
export interface ScriptedSocket {
  readonly url: string;
  /** Frames the client sent, parsed. */
  readonly sent: Array<Record<string, unknown>>;
  readonly closedByClient: boolean;
  open(): void;
  /** Sends a frame to the client: an object is sent as JSON, a string as is. */
  push(frame: unknown): void;
  /** The server or the network ends the connection (1006 unless given). */
  drop(code?: number): void;
  /** The connection or the HTTP upgrade fails before opening. */
  refuse(): void;
}

export interface ScriptedSockets {
  readonly factory: SocketFactory;
  readonly sockets: readonly ScriptedSocket[];
  /** The newest socket; throws when none was created. */
  last(): ScriptedSocket;
}

export function createScriptedSockets(): ScriptedSockets {
  const sockets: ScriptedSocket[] = [];
  const factory: SocketFactory = (url: string, handlers: SocketHandlers) => {
    let state: 'connecting' | 'open' | 'closed' = 'connecting';
    const sent: Array<Record<string, unknown>> = [];
    const end = (opened: boolean, code: number): void => {
      if (state === 'closed') return;
      state = 'closed';
      handlers.onClose({ opened, code });
    };
    const socket: ScriptedSocket = {
      url,
      sent,
      closedByClient: false,
      open: () => {
        state = 'open';
        handlers.onOpen();
      },
      push: (frame) => {
        if (state === 'open') handlers.onMessage(typeof frame === 'string' ? frame : JSON.stringify(frame));
      },
      drop: (code = 1006) => end(true, code),
      refuse: () => end(false, 1006),
    };
    sockets.push(socket);
    return {
      send: (text) => {
        if (state === 'open') sent.push(JSON.parse(text) as Record<string, unknown>);
      },
      close: () => {
        (socket as { closedByClient: boolean }).closedByClient = true;
        end(state === 'open', 1000);
      },
    };
  };
  return {
    factory,
    sockets,
    last: () => {
      const socket = sockets.at(-1);
      if (socket === undefined) throw new Error('no socket was opened');
      return socket;
    },
  };
}
