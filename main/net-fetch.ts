import { net } from 'electron';

/**
 * Kraken traffic goes through Chromium's network stack, like the user's browser: the system proxy (PAC
 * and proxy authentication included) and the OS certificate store (a company's TLS-inspecting proxy CA).
 * Node's own http/fetch would ignore both. net.fetch is read at each call (it exists only after 'ready').
 */
export const electronFetch: typeof fetch = (input, init) => net.fetch(input instanceof URL ? input.href : input, init);
