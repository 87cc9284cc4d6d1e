// Reads an asar archive (Electron's app bundle format) without @electron/asar: the header is a Chromium
// "pickle" holding one JSON string that describes every file; file contents follow it back to back.
//   bytes 0..3   uint32 4 (size of the next field)      bytes 4..7   uint32 header pickle size
//   bytes 8..11  uint32 pickle payload size             bytes 12..15 uint32 JSON length, then the JSON
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

export type AsarIntegrity = { algorithm: string; hash: string; blockSize: number; blocks: string[] };

export type AsarFile = {
  /** Forward-slash path inside the archive, e.g. "out/main/index.js". */
  path: string;
  size: number;
  offset: number;
  unpacked: boolean;
  integrity: AsarIntegrity | null;
};

export type Asar = {
  files: AsarFile[];
  /** The header JSON exactly as stored; its SHA-256 is what Electron's asar integrity check compares. */
  header: string;
  headerSha256: string;
  /** Reads one file's bytes (packed files only). */
  read: (file: AsarFile) => Buffer;
  close: () => void;
};

type HeaderNode = {
  files?: Record<string, HeaderNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
  link?: string;
  integrity?: AsarIntegrity;
};

function readExactly(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  const got = readSync(fd, buffer, 0, length, position);
  if (got !== length) throw new Error(`asar is truncated (wanted ${length} bytes at ${position}, got ${got})`);
  return buffer;
}

export function openAsar(archivePath: string): Asar {
  const fd = openSync(archivePath, 'r');
  try {
    const sizes = readExactly(fd, 16, 0);
    if (sizes.readUInt32LE(0) !== 4) throw new Error(`${archivePath} is not an asar archive`);
    const headerPickleSize = sizes.readUInt32LE(4);
    const jsonLength = sizes.readUInt32LE(12);
    const header = readExactly(fd, jsonLength, 16).toString('utf8');
    const dataStart = 8 + headerPickleSize;
    const files: AsarFile[] = [];
    const walk = (node: HeaderNode, prefix: string): void => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const path = prefix + name;
        if (child.files) walk(child, `${path}/`);
        else if (child.link === undefined) {
          files.push({
            path,
            size: child.size ?? 0,
            offset: Number(child.offset ?? 0),
            unpacked: child.unpacked === true,
            integrity: child.integrity ?? null,
          });
        }
      }
    };
    walk(JSON.parse(header) as HeaderNode, '');
    return {
      files,
      header,
      headerSha256: createHash('sha256').update(header).digest('hex'),
      read: (file) => {
        if (file.unpacked) throw new Error(`${file.path} is stored outside the archive (unpacked)`);
        return readExactly(fd, file.size, dataStart + file.offset);
      },
      close: () => closeSync(fd),
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Checks a file's stored integrity record against its bytes, the way Electron does on every read from
 * the archive when the embedded-asar-integrity fuse is on: the whole-file hash and each block's hash.
 * Returns what is wrong, or null.
 */
export function integrityProblem(file: AsarFile, bytes: Buffer): string | null {
  const record = file.integrity;
  if (!record) return 'has no integrity record';
  if (record.algorithm !== 'SHA256') return `uses integrity algorithm ${record.algorithm}`;
  const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
  if (sha256(bytes) !== record.hash) return 'content does not match its integrity hash';
  const blockCount = Math.max(1, Math.ceil(bytes.length / record.blockSize));
  if (record.blocks.length !== blockCount) return `has ${record.blocks.length} block hashes, expected ${blockCount}`;
  for (let i = 0; i < blockCount; i++) {
    if (sha256(bytes.subarray(i * record.blockSize, (i + 1) * record.blockSize)) !== record.blocks[i]) {
      return `block ${i} does not match its integrity hash`;
    }
  }
  return null;
}
