// A local update feed on 127.0.0.1, served the way GitHub Releases serves electron-builder's files: the
// channel file latest-linux.yml and the AppImage it names, with its size and sha512. The "AppImage" is a
// small shell script, so installing it (electron-updater moves it over $APPIMAGE and starts it) is real and
// harmless: when started it writes a marker file beside itself.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedMode =
  /** latest-linux.yml offers `version`, and the file matches its sha512. */
  | 'update'
  /** The feed offers the version the app already runs. */
  | 'current'
  /** The file served differs from what latest-linux.yml promises. */
  | 'corrupt'
  /** Every connection is dropped. */
  | 'down';

export interface UpdateFeed {
  readonly url: string;
  readonly version: string;
  /** The bytes of the new "AppImage". */
  readonly file: Buffer;
  readonly fileName: string;
  mode: FeedMode;
  /** Paths requested so far. */
  readonly requests: string[];
  close(): Promise<void>;
}

export const NEW_VERSION_MARKER = 'new-version-started';

export async function startUpdateFeed(options: { version: string; currentVersion: string; releaseNotes: string; mode: FeedMode }): Promise<UpdateFeed> {
  const fileName = `kraken-balances-${options.version}-linux-x86_64.AppImage`;
  const file = Buffer.from(`#!/bin/sh\n# Kraken Balances ${options.version} (stand-in)\necho "$APPIMAGE_SILENT_INSTALL" > "$(dirname "$0")/${NEW_VERSION_MARKER}"\n`);
  const sha512 = createHash('sha512').update(file).digest('base64');
  const requests: string[] = [];
  const feed = { mode: options.mode } as { mode: FeedMode };

  const channelFile = (): string => {
    const version = feed.mode === 'current' ? options.currentVersion : options.version;
    const entry = { url: fileName, sha512, size: file.length };
    // JSON is YAML, as electron-updater reads it.
    return JSON.stringify({ version, files: [entry], path: fileName, sha512, releaseDate: '2026-01-05T09:00:00.000Z', releaseNotes: options.releaseNotes });
  };

  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    if (feed.mode === 'down') {
      request.socket.destroy();
      return;
    }
    const path = (request.url ?? '').split('?')[0];
    if (path === '/latest-linux.yml') {
      response.writeHead(200, { 'content-type': 'text/yaml' }).end(channelFile());
    } else if (path === `/${fileName}`) {
      const body = feed.mode === 'corrupt' ? Buffer.concat([file, Buffer.from('# tampered\n')]) : file;
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    version: options.version,
    file,
    fileName,
    get mode() {
      return feed.mode;
    },
    set mode(mode: FeedMode) {
      feed.mode = mode;
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
