// Salvaging a damaged 1 MiB accounts file: the time main spends at start-up reading back every complete
// account (salvageVaultFile, the code the app runs). Run: node bench/salvage.ts [--runs N]
//
// Target: ≤ 100 ms per 1 MiB file for the damage files really show (the reported case, 1 MiB of '{';
// a file garbled in the middle; a file cut off). Crafted worst cases are measured and printed too, with
// the work per character the search did (main/persistence/json-objects.test.ts holds that bounded).
// CPU time of this process, median of the runs, so a loaded machine skews the figures less than wall time.
import { findJsonObjects, type SearchWork } from '../main/persistence/json-objects.ts';
import { salvageVaultFile, type StoredAccount } from '../main/vault/vault-file.ts';
import { numberArg } from './args.ts';

const RUNS = numberArg('--runs', 5);
const MiB = 1024 * 1024;
const TARGET_MS = 100;

function account(n: number): StoredAccount {
  return {
    id: `0b6c8a52-7d0e-4a5e-9c1f-${String(n).padStart(12, '0')}`,
    label: `Account ${n}`,
    fingerprint: `kraken:${n.toString(16).padStart(64, '0')}`,
    addedAt: '2026-01-05T00:00:00.000Z',
    hasOtp: false,
    demo: false,
    lastCheck: { at: '2026-01-05T00:00:00.000Z', ok: true },
    sealed: Buffer.alloc(180, n % 251).toString('base64'),
  };
}

/** An accounts file as electron-store writes it (tab-indented), grown to `bytes`. */
function accountsFile(bytes: number): string {
  const one = JSON.stringify(account(0), null, '\t').length + 4;
  const accounts = Array.from({ length: Math.ceil(bytes / one) }, (_, n) => account(n));
  return JSON.stringify({ accounts }, null, '\t');
}

const intact = accountsFile(MiB);
const realistic: Record<string, string> = {
  '1 MiB of "{" (the reported case)': '{'.repeat(MiB),
  'accounts file garbled in the middle (a sync tool wrote zeros)': `${intact.slice(0, MiB / 2)}${'\u0000'.repeat(4096)}${intact.slice(MiB / 2 + 4096)}`,
  'accounts file with a closing quote eaten in every tenth account': intact.replace(/"label": "Account (\d*0)"/g, '"label": "Account $1'),
  'accounts file cut off': intact.slice(0, MiB - 100),
};
const crafted: Record<string, string> = {
  'objects nested 200,000 deep, never closed': '{"a":'.repeat(MiB / 5),
  'objects nested 100,000 deep, closed': `${'{"a":'.repeat(MiB / 10)}1${'}'.repeat(MiB / 10)}`,
  '{" repeated': '{"'.repeat(MiB / 2),
};

function cpuMs(run: () => void): number {
  const times: number[] = [];
  for (let n = 0; n < RUNS; n += 1) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

function workPerCharacter(text: string): number {
  const work: SearchWork = { steps: 0 };
  findJsonObjects(text, (_value): _value is unknown => false, work);
  return work.steps / text.length;
}

console.info(`salvage of a damaged accounts file: CPU ms, median of ${RUNS} runs (target ≤ ${TARGET_MS} ms for real damage)`);
let allMet = true;
for (const [name, text] of Object.entries(realistic)) {
  const ms = cpuMs(() => salvageVaultFile(text));
  const met = ms <= TARGET_MS;
  allMet &&= met;
  const recovered = (salvageVaultFile(text)['accounts'] as unknown[]).length;
  console.info(`  ${name}: ${ms.toFixed(1)} ms, ${recovered} accounts recovered, ${workPerCharacter(text).toFixed(2)} reads/char: ${met ? 'met' : 'NOT MET'}`);
}
console.info('crafted worst cases (no target; linear, see reads/char):');
for (const [name, text] of Object.entries(crafted)) {
  console.info(`  ${name}: ${cpuMs(() => salvageVaultFile(text)).toFixed(1)} ms, ${workPerCharacter(text).toFixed(2)} reads/char`);
}
console.info(`target ≤ ${TARGET_MS} ms per 1 MiB damaged file: ${allMet ? 'met' : 'not met'}`);
