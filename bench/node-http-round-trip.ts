import { Agent, request } from 'node:http';

/**
 * The cheapest exchange through Node's own HTTP client: the same GET as the raw floor, on one
 * kept-alive agent, body collected, nothing else. Our client sends through node:http, so this is
 * the part of a refresh that belongs to the HTTP stack rather than to our code.
 */
export function openNodeHttpRoundTrip(baseUrl: string): { roundTrip(): Promise<string>; close(): void } {
  const { hostname, port } = new URL(baseUrl);
  // Idle sockets closed after 4 s, before the fake's 5 s keep-alive timeout, as our own transport does.
  const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 4_000 });
  const options = { hostname, port: Number(port), path: '/0/public/Time', agent };
  return {
    roundTrip: () =>
      new Promise<string>((resolve, reject) => {
        const outgoing = request(options, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          response.on('error', reject);
        });
        outgoing.on('error', reject);
        outgoing.end();
      }),
    close: () => agent.destroy(),
  };
}
