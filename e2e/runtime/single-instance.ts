import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Electron's single-instance lock, per userData folder: the first instance listens on a local socket;
 * a later one finds it taken, sends its argv and working directory there ('second-instance'), and quits.
 */
export class SingleInstanceLock {
  private server: net.Server | null = null;
  private readonly socketPath: string;

  constructor(userDataDir: string) {
    const id = createHash('sha256').update(path.resolve(userDataDir)).digest('hex').slice(0, 16);
    this.socketPath = path.join(os.tmpdir(), `electron-runtime-${id}.sock`);
  }

  /** True when this process now holds the lock. */
  acquire(onSecondInstance: (argv: string[], cwd: string) => void): boolean {
    if (this.notifyHolder()) return false;
    rmSync(this.socketPath, { force: true });
    this.server = net.createServer((socket) => {
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => {
        const message = JSON.parse(data) as { argv: string[]; cwd: string };
        onSecondInstance(message.argv, message.cwd);
      });
    });
    this.server.listen(this.socketPath);
    return true;
  }

  release(): void {
    this.server?.close();
    this.server = null;
  }

  /** Synchronous like Electron's: a child node checks whether a holder answers on the socket. */
  private notifyHolder(): boolean {
    const script = `const s=require('net').connect(process.argv[1]);s.on('connect',()=>s.end(process.argv[2],()=>process.exit(0)));s.on('error',()=>process.exit(1));`;
    const payload = JSON.stringify({ argv: process.argv, cwd: process.cwd() });
    const result = spawnNode(['-e', script, this.socketPath, payload]);
    return result === 0;
  }
}

function spawnNode(args: string[]): number | null {
  return spawnSync(process.execPath, args, { stdio: 'ignore', timeout: 5000 }).status;
}
