import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './runtime/electron.ts';
import { chooseRuntime, electronBinary, MAIN_ENTRY } from './runtime/launch.ts';

/** Says once which runtime the specs run on, and fails early when its pieces are missing. */
export default function globalSetup(): void {
  if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npm run build\` first`);
  const runtime = chooseRuntime();
  if (runtime === 'electron') {
    console.info(`e2e runtime: real Electron (${electronBinary()})`);
  } else {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`e2e runtime: test runtime needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
    console.info(`e2e runtime: in-repo Electron test runtime on Chromium (${CHROMIUM_PATH}); no Electron binary here`);
  }
}
