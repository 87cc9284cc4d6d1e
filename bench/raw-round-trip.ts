import { connect, type Socket } from 'node:net';

/**
 * The cheapest possible HTTP exchange with the fake: one kept-alive TCP socket, a fixed GET, and
 * just enough parsing to find the end of the answer. Neither client can beat this; it shows how
 * much of a refresh is kernel and event loop rather than library code.
 */
export async function openRawRoundTrip(baseUrl: string): Promise<{ roundTrip(): Promise<string>; close(): void }> {
  const { hostname, port } = new URL(baseUrl);
  let buffered = '';
  let waiting: { resolve(body: string): void; reject(error: Error): void } | null = null;
  const onData = (chunk: string): void => {
    buffered += chunk;
    const headEnd = buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const length = Number(/content-length: *(\d+)/i.exec(buffered.slice(0, headEnd))?.[1] ?? '0');
    if (buffered.length - headEnd - 4 < length) return;
    const body = buffered.slice(headEnd + 4, headEnd + 4 + length);
    buffered = buffered.slice(headEnd + 4 + length);
    const pending = waiting;
    waiting = null;
    pending?.resolve(body);
  };
  const open = async (): Promise<Socket> => {
    const opened = connect(Number(port), hostname);
    opened.setNoDelay(true);
    await new Promise<void>((resolve, reject) => opened.once('connect', resolve).once('error', reject));
    opened.setEncoding('latin1');
    opened.on('data', onData);
    opened.on('close', () => {
      buffered = '';
      const pending = waiting;
      waiting = null;
      pending?.reject(new Error('raw round trip: the fake closed the connection mid-exchange'));
    });
    return opened;
  };
  let socket = await open();
  const request = `GET /0/public/Time HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`;
  return {
    roundTrip: async () => {
      // The fake, like any Node server, closes a connection idle for 5 s, which it is while the bench
      // measures the other variants: then one exchange fails and goes again on a new connection (once
      // per round, not per call).
      for (let attempt = 0; ; attempt += 1) {
        if (socket.readyState !== 'open') socket = await open();
        try {
          return await new Promise<string>((resolve, reject) => {
            waiting = { resolve, reject };
            socket.write(request);
          });
        } catch (error) {
          if (attempt > 0) throw error;
          socket.destroy();
        }
      }
    },
    close: () => socket.destroy(),
  };
}
