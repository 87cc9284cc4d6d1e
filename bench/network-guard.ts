import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

export interface NetworkGuard {
  /** Remote addresses of every TCP connection the process opened while guarded. */
  readonly connections: readonly string[];
  /** Addresses outside 127.0.0.0/8; non-empty means something tried to leave the machine. */
  readonly outside: readonly string[];
}

/**
 * Watches every client TCP socket (node:net publishes them on 'net.client.socket', whichever HTTP
 * stack opened them) and destroys any that connects outside loopback, so the bench cannot reach
 * the internet even if a URL is misconfigured.
 */
export function guardLoopbackOnly(): NetworkGuard {
  const connections: string[] = [];
  const outside: string[] = [];
  subscribe('net.client.socket', (message) => {
    const socket = (message as { socket: Socket }).socket;
    socket.once('connect', () => {
      const address = socket.remoteAddress ?? 'unknown';
      connections.push(address);
      if (!address.startsWith('127.') && address !== '::1' && address !== '::ffff:127.0.0.1') {
        outside.push(address);
        socket.destroy(new Error(`bench: refused connection to ${address}`));
      }
    });
  });
  return { connections, outside };
}
