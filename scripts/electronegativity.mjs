// `npm run check:security`: runs Doyensec's Electronegativity over the app's own source (main, preload,
// renderer, ipc and package.json; tests excluded, they never ship) and fails on every finding that
// scripts/electronegativity-exceptions.json does not justify. Offline and about a second: the tool's
// two network lookups (translations, Electron release notes) are answered "offline" on the spot, and
// the release-notes check is skipped (see the exceptions file for why).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['main', 'preload', 'renderer', 'ipc', 'package.json'];
const EXCEPTIONS_FILE = path.join(root, 'scripts/electronegativity-exceptions.json');

/** Electronegativity fetches with `got`; every such request fails at once, so nothing leaves the machine. */
function keepOffline() {
  const offline = () => Promise.reject(new Error('electronegativity runs offline here'));
  offline.head = offline;
  const load = Module._load;
  Module._load = function loadOffline(request, parent, isMain) {
    if (request === 'got' && parent?.filename?.includes(`${path.sep}electronegativity${path.sep}`)) return offline;
    return load.call(this, request, parent, isMain);
  };
}

/** A copy of the shipped source only, so e2e's Electron stand-in and the tests are not reported. */
function stageSource() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  for (const entry of SCANNED) {
    cpSync(path.join(root, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => !/\.test\.tsx?$/.test(source) && !source.includes(`${path.sep}node_modules`),
    });
  }
  return dir;
}

async function scan(dir, excludedChecks) {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity');
  /* eslint-disable no-console -- the tool narrates its offline fallback with console.log; muted during the scan */
  const log = console.log;
  console.log = () => {};
  try {
    return await run({ input: dir, isRelative: true, customScan: [], excludeFromScan: excludedChecks, parserPlugins: [] }, false);
  } finally {
    console.log = log;
  }
  /* eslint-enable no-console */
}

const exceptions = JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8'));
keepOffline();
const started = Date.now();
const dir = stageSource();
let result;
try {
  result = await scan(dir, exceptions.skippedChecks.map((skip) => skip.check));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const unparsed = result.errors.filter((error) => !error.tolerable);
const justification = (issue) => exceptions.findings.find((entry) => entry.check === issue.id && entry.file === issue.file.split(path.sep).join('/'));
const unjustified = result.issues.filter((issue) => !justification(issue));
const stale = exceptions.findings.filter((entry) => !result.issues.some((issue) => justification(issue) === entry));

for (const issue of result.issues.filter(justification)) {
  console.info(`justified  ${issue.id}  ${issue.file}:${issue.location.line}  (${justification(issue).reason})`);
}
for (const entry of stale) console.warn(`stale exception (no such finding any more, remove it): ${entry.check} ${entry.file}`);
for (const error of unparsed) console.error(`NOT SCANNED  ${error.file}: ${error.message}`);
for (const issue of unjustified) {
  console.error(`FINDING  ${issue.id}  ${issue.file}:${issue.location.line}:${issue.location.column}  ${issue.severity.name}/${issue.confidence.name}`);
  console.error(`         ${issue.description}  ${issue.shortenedURL}`);
}
const summary = `electronegativity: ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ` +
  `${unjustified.length} unjustified, ${unparsed.length} files not parsed, ${Date.now() - started} ms`;
if (unjustified.length > 0 || unparsed.length > 0) {
  console.error(`${summary}\nFix each finding, or justify it in ${path.relative(root, EXCEPTIONS_FILE)} with a reason.`);
  process.exit(1);
}
console.info(summary);
