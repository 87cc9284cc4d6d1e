import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const LOG_FILE_NAME = 'main.log';
/** One file's bound; with KEEP_ROTATED older files the folder never holds more than 3 MiB of logs. */
export const LOG_FILE_MAX_BYTES = 1024 * 1024;
export const LOG_FILES_KEPT_ROTATED = 2;

export interface LogFileOptions {
  readonly dir: string;
  readonly maxBytes?: number;
  /** How many rotated files (main.log.1 … main.log.N) are kept beside the current one. */
  readonly keepRotated?: number;
}

/**
 * The log file in the data folder's logs/ subfolder: appended line by line (synchronously, so the lines
 * before a crash are on disk), rotated to main.log.1, main.log.2 … when the next line would pass the bound,
 * the oldest dropped. A disk that refuses a write turns the file off; logging never takes the app down.
 */
export class RotatingLogFile {
  readonly dir: string;
  readonly path: string;
  private readonly maxBytes: number;
  private readonly keepRotated: number;
  private size: number;
  private broken = false;

  constructor(options: LogFileOptions) {
    this.dir = options.dir;
    this.path = path.join(options.dir, LOG_FILE_NAME);
    this.maxBytes = options.maxBytes ?? LOG_FILE_MAX_BYTES;
    this.keepRotated = options.keepRotated ?? LOG_FILES_KEPT_ROTATED;
    mkdirSync(this.dir, { recursive: true });
    this.size = fileSize(this.path);
  }

  write(line: string): void {
    if (this.broken) return;
    const text = `${line}\n`;
    const bytes = Buffer.byteLength(text);
    try {
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      // A single line longer than the bound is cut rather than breaking it.
      const kept = bytes > this.maxBytes ? `${text.slice(0, Math.floor(this.maxBytes / 4) - 2)}…\n` : text;
      appendFileSync(this.path, kept, { mode: 0o600 });
      this.size += Buffer.byteLength(kept);
    } catch {
      this.broken = true;
    }
  }

  private rotate(): void {
    rmSync(this.rotated(this.keepRotated), { force: true });
    for (let index = this.keepRotated - 1; index >= 1; index--) {
      const from = this.rotated(index);
      if (existsSync(from)) renameSync(from, this.rotated(index + 1));
    }
    if (this.keepRotated > 0) renameSync(this.path, this.rotated(1));
    else rmSync(this.path, { force: true });
    this.size = 0;
  }

  private rotated(index: number): string {
    return `${this.path}.${index}`;
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
