import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

// Certificates are always checked, whatever the environment says: an explicit rejectUnauthorized wins
// over NODE_TLS_REJECT_UNAUTHORIZED=0, and an explicit root set (Node's bundled Mozilla roots) leaves out
// any NODE_EXTRA_CA_CERTS. Either variable would otherwise let a user-level setting intercept Kraken
// traffic. Used by every Node-side TLS client the app has: the REST transport and the WebSocket streams.

let bundledRoots: SecureContext | null = null;

/**
 * TLS options for a Kraken connection: certificates checked against Node's bundled roots (or, in tests,
 * the given ones). One secure context per trust set: building one parses every root certificate.
 */
export function strictTls(ca?: string | readonly string[]): { readonly rejectUnauthorized: true; readonly secureContext: SecureContext } {
  const secureContext = ca !== undefined ? createSecureContext({ ca: typeof ca === 'string' ? ca : [...ca] }) : (bundledRoots ??= createSecureContext({ ca: [...rootCertificates] }));
  return { rejectUnauthorized: true, secureContext };
}
