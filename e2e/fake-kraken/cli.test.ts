import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

describe('fake Kraken as a separate process', () => {
  it('prints its URL as JSON, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--no-warnings', CLI, '--no-rate-limit'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const { url, wsPublicUrl, wsPrivateUrl } = JSON.parse(line) as { url: string; wsPublicUrl: string; wsPrivateUrl: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect([wsPublicUrl, wsPrivateUrl]).toEqual([`${url.replace('http:', 'ws:')}/ws/v2`, `${url.replace('http:', 'ws:')}/ws-auth/v2`]);
      const time = (await (await fetch(`${url}/0/public/Time`)).json()) as { error: string[] };
      expect(time.error).toEqual([]);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
