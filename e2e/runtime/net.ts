import type { Net } from 'electron';

type NetApi = Pick<Net, 'isOnline' | 'fetch'> & { readonly online: boolean };

/** Node's fetch failures as the net:: errors Chromium's network stack reports through net.fetch. */
const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_CONNECTION_TIMED_OUT',
  UND_ERR_CONNECT_TIMEOUT: 'net::ERR_CONNECTION_TIMED_OUT',
  UND_ERR_SOCKET: 'net::ERR_CONNECTION_CLOSED',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'net::ERR_CERT_AUTHORITY_INVALID',
  SELF_SIGNED_CERT_IN_CHAIN: 'net::ERR_CERT_AUTHORITY_INVALID',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'net::ERR_CERT_AUTHORITY_INVALID',
  CERT_HAS_EXPIRED: 'net::ERR_CERT_DATE_INVALID',
  ERR_TLS_CERT_ALTNAME_INVALID: 'net::ERR_CERT_COMMON_NAME_INVALID',
};

/**
 * Electron's net module over Node's fetch. It reaches the network directly: no system proxy, PAC or proxy
 * authentication, Node's CA bundle rather than the OS certificate store, Node's User-Agent (all listed in
 * electron.ts). Failures reject with Electron's `net::ERR_…` errors; an abort rejects with the signal's
 * reason as in Electron. isOnline() is a switch (ELECTRON_RUNTIME_ONLINE, or the AppHandle's setOnline);
 * while offline, fetch fails with net::ERR_INTERNET_DISCONNECTED as Chromium does.
 */
export function createNet(online: boolean, isReady: () => boolean): NetApi & { setOnline(online: boolean): void } {
  let state = online;
  return {
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
      if (!state) throw new Error('net::ERR_INTERNET_DISCONNECTED');
      try {
        return await fetch(input, init);
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
