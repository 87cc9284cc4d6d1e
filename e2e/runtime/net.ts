import type { ClientRequestConstructorOptions, IncomingMessage, Net } from 'electron';
import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import { NET_ERRORS } from './net-errors.ts';
import { RuntimeClientRequest } from './net-request.ts';
import type { RuntimeProtocol } from './protocol.ts';

type NetApi = Pick<Net, 'isOnline' | 'fetch'> & {
  readonly online: boolean;
  request(options: ClientRequestConstructorOptions | string, callback?: (response: IncomingMessage) => void): RuntimeClientRequest;
};

/**
 * Electron's net module over Node's fetch. It reaches the network directly: no system proxy, PAC or proxy
 * authentication, Node's CA bundle rather than the OS certificate store, Node's User-Agent (all listed in
 * electron.ts); a scheme the app handles goes to its handler (protocol.ts). Failures reject with Electron's `net::ERR_…` errors; an abort rejects with the signal's
 * reason as in Electron. isOnline() is a switch (ELECTRON_RUNTIME_ONLINE, or the AppHandle's setOnline);
 * while offline, fetch fails with net::ERR_INTERNET_DISCONNECTED as Chromium does. net.request is
 * net-request.ts (electron-updater uses it), on the same switch.
 */
export function createNet(online: boolean, isReady: () => boolean, isSession: (value: unknown) => boolean, protocol: RuntimeProtocol): NetApi & { setOnline(online: boolean): void } {
  let state = online;
  return {
    request(options, callback) {
      if (!isReady()) throw new Error('net module can only be used after app is ready');
      const session = typeof options === 'object' ? options.session : undefined;
      if (session !== undefined && session !== null && !isSession(session)) throw new TypeError('`session` should be an instance of the Session class');
      const request = new RuntimeClientRequest(options, () => state);
      if (callback) request.once('response', callback as never);
      return request;
    },
    isOnline: () => state,
    get online() {
      return state;
    },
    setOnline(next: boolean) {
      state = next;
    },
    async fetch(input: string | Request, init?: RequestInit): Promise<Response> {
      // net.fetch is session.defaultSession.fetch, and the session exists only once the app is ready.
      if (!isReady()) throw new TypeError('Session can only be received when app is ready');
      // A scheme the app handles (protocol.handle) is answered by its handler, as Electron's net.fetch does.
      const url = typeof input === 'string' ? input : input.url;
      if (protocol.handles(url)) {
        const answer = await protocol.answer(new Request(input, init));
        if (!answer.ok) throw new Error(answer.error);
        return answer.response;
      }
      if (!state) throw new Error('net::ERR_INTERNET_DISCONNECTED');
      try {
        return await fetch(input, { ...init, dispatcher: chromiumLikeTls() } as RequestInit);
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') throw error;
        if (init?.signal?.aborted) throw init.signal.reason;
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const code = cause?.message === 'bad port' ? 'net::ERR_UNSAFE_PORT' : NET_ERRORS[cause?.code ?? ''];
        throw new Error(code ?? 'net::ERR_FAILED', { cause: error });
      }
    },
  };
}

let strictAgent: Agent | null = null;
/**
 * Chromium's network stack, which net.fetch is, never reads Node's TLS variables: NODE_TLS_REJECT_UNAUTHORIZED=0
 * does not turn its certificate checks off, nor does NODE_EXTRA_CA_CERTS add roots. Node's fetch would follow
 * both, so it is given certificate checks against Node's bundled roots explicitly. (Chromium trusts the OS
 * store instead; a root only the OS trusts is refused here: stricter, as the runtime must be.)
 */
function chromiumLikeTls(): Agent {
  return (strictAgent ??= new Agent({ connect: { rejectUnauthorized: true, ca: [...rootCertificates] } }));
}
