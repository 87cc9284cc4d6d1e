import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../e2e/fake-kraken/cli.ts', import.meta.url));

export interface FakeProcess {
  readonly url: string;
  /** The fake's WebSocket v2 endpoints (public and private), for live-mode benches. */
  readonly wsPublicUrl: string;
  readonly wsPrivateUrl: string;
  stop(): Promise<void>;
}

/**
 * The fake runs in its own process so that process.cpuUsage() in the bench counts only the client
 * side (signing, HTTP client, parsing, valuation), not the server's work.
 */
export async function startFakeProcess(args: readonly string[] = []): Promise<FakeProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--no-warnings', CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.stdout === null) throw new Error('fake kraken: no stdout');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const { url, wsPublicUrl, wsPrivateUrl } = JSON.parse(line) as { url: string; wsPublicUrl: string; wsPrivateUrl: string };
  return {
    url,
    wsPublicUrl,
    wsPrivateUrl,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
