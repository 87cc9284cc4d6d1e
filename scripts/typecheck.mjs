// `npm run typecheck`: type-checks each tsconfig (Node side, the process-free layer, renderer, e2e) with tsc.
// The four are independent, so they run side by side, as many at once as the machine has cores: run one
// after another they took over a minute of CI. Each one's output is printed whole once it ends, so errors
// never interleave; the exit code is non-zero when any of them fails.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Largest first, so the lanes end together.
const PROJECTS = ['e2e/tsconfig.json', 'tsconfig.json', 'renderer/tsconfig.json', 'shared/tsconfig.json'];
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

/** Runs tsc on one project; resolves with its exit code once its output is printed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      if (code !== 0) process.stdout.write(`tsc -p ${project} failed:\n${output}`);
      resolve(code ?? 1);
    });
  });
}

const queue = [...PROJECTS];
const worker = async () => {
  let failures = 0;
  for (let project = queue.shift(); project !== undefined; project = queue.shift()) if ((await check(project)) !== 0) failures += 1;
  return failures;
};
const lanes = Math.max(1, Math.min(os.availableParallelism(), PROJECTS.length));
const failures = (await Promise.all(Array.from({ length: lanes }, worker))).reduce((sum, count) => sum + count, 0);
process.exitCode = failures > 0 ? 1 : 0;
