// `npm run pack:check` (after electron-vite build): packages the app with build/electron-builder.yml on
// Electron stand-ins, no network needed, and verifies the result (scripts/pack/pack-check.mts says what).
//   node scripts/pack-check.mjs --keep   keep the packaged apps in the temp folder for a look
import path from 'node:path';
import { packCheck } from './pack/pack-check.mts';

process.exitCode = await packCheck(path.resolve(import.meta.dirname, '..'), { keep: process.argv.includes('--keep') });
