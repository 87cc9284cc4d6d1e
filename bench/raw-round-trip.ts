import { connect, type Socket } from 'node:net';

/**
 * The cheapest possible HTTP exchange with the fake: one kept-alive TCP socket, a fixed GET, and
 * just enough parsing to find the end of the answer. Neither client can beat this; it shows how
 * much of a refresh is kernel and event loop rather than library code.
 */
export async function openRawRoundTrip(baseUrl: string): Promise<{ roundTrip(): Promise<string>; close(): void }> {
  const { hostname, port } = new URL(baseUrl);
  const socket: Socket = connect(Number(port), hostname);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let buffered = '';
  let waiting: ((body: string) => void) | null = null;
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    const headEnd = buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const length = Number(/content-length: *(\d+)/i.exec(buffered.slice(0, headEnd))?.[1] ?? '0');
    if (buffered.length - headEnd - 4 < length) return;
    const body = buffered.slice(headEnd + 4, headEnd + 4 + length);
    buffered = buffered.slice(headEnd + 4 + length);
    const resolve = waiting;
    waiting = null;
    resolve?.(body);
  });
  const request = `GET /0/public/Time HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`;
  return {
    roundTrip: () =>
      new Promise<string>((resolve) => {
        waiting = resolve;
        socket.write(request);
      }),
    close: () => socket.destroy(),
  };
}
