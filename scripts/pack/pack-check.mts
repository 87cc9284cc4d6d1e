// pack:check: package the built app with the project's electron-builder config, on Electron stand-ins
// (no download), for Linux (`dir` target) and macOS (an unsigned .app), then verify what came out.
// What a Linux machine cannot verify is printed as such, not skipped silently.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  checkArchive,
  checkDesktopEntry,
  checkEntitlements,
  checkFuses,
  checkIcons,
  checkLinuxLayout,
  checkMacBundle,
  checkUpdateConfig,
  folderBytes,
  PACK_CHECK_FEED,
  type Section,
} from './app-checks.mts';
import { createLinuxElectronStandIn, createMacElectronStandIn } from './electron-stand-in.mts';
import { runElectronBuilder, type BuilderRun } from './run-builder.mts';

const LINUX_EXECUTABLE = 'kraken-balances';

const NOT_VERIFIABLE_HERE = [
  'Windows: electron-builder writes the same header hash into the .exe as an INTEGRITY resource and flips the',
  '  fuses there; that needs a real Electron .exe, so it happens (and fails loudly if broken) in `npm run dist`',
  '  on the Windows CI runner. The NSIS, DMG, AppImage and deb files themselves need tools electron-builder',
  '  downloads, so they are built in CI only (the desktop entry and icons they install are checked above).',
  'Linux at run time: Electron validates asar integrity on macOS and Windows only; on Linux the fuse is set but',
  '  inert, while OnlyLoadAppFromAsar is enforced (resources/ holds nothing but app.asar and app-update.yml, checked above).',
  'Auto-update: the latest*.yml files and the draft release are made by the tag build in CI (electron-builder on',
  '  the real installers); the update flow itself is the e2e spec e2e/updates.spec.ts against a local feed.',
  'macOS signing, hardened runtime and notarisation happen only on a Mac with a certificate (CSC_LINK).',
];

function print(section: Section): void {
  console.info(`\n${section.title}`);
  for (const line of section.lines) console.info(`  ${line}`);
  for (const problem of section.problems) console.info(`  PROBLEM: ${problem}`);
}

function builderFailed(label: string, run: BuilderRun): Section {
  return { title: `electron-builder (${label})`, lines: run.output.trim().split('\n').slice(-40), problems: [`electron-builder failed for ${label}`] };
}

function downloadsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
}

export async function packCheck(root: string, options: { keep: boolean }): Promise<number> {
  const started = performance.now();
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; productName: string; version: string };
  if (!existsSync(path.join(root, 'out', 'main', 'index.js'))) {
    console.error('out/ is not built; run `npm run pack:check`, which builds first, or `npx electron-vite build`.');
    return 1;
  }
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const work = mkdtempSync(path.join(os.tmpdir(), 'kraken-balances-pack-check-'));
  const cache = path.join(work, 'download-cache');
  const sections: Section[] = [];
  console.info(`pack:check: ${pkg.productName} ${pkg.version}, electron-builder with build/electron-builder.yml, Electron stand-ins, ${arch}`);
  try {
    const linuxElectron = path.join(work, 'electron-linux');
    const desktopEntryReport = path.join(work, 'linux-desktop-entry.json');
    createLinuxElectronStandIn(linuxElectron);
    const linux = runElectronBuilder({
      root,
      platform: 'linux',
      arch,
      electronDist: linuxElectron,
      outputDir: path.join(work, 'linux'),
      downloadCacheDir: cache,
      // The feed's owner and repo come from the git remote in CI; fixed here so app-update.yml is checked exactly.
      overrides: { afterPack: path.join(root, 'scripts', 'pack', 'desktop-entry-hook.mjs'), 'publish.owner': PACK_CHECK_FEED.owner, 'publish.repo': PACK_CHECK_FEED.repo },
      env: { PACK_CHECK_DESKTOP_ENTRY: desktopEntryReport },
    });
    console.info(`linux dir build: ${linux.seconds.toFixed(1)} s`);
    let linuxHeader = '';
    if (!linux.ok) sections.push(builderFailed('linux dir', linux));
    else {
      const appOutDir = path.join(work, 'linux', arch === 'x64' ? 'linux-unpacked' : 'linux-arm64-unpacked');
      const archive = checkArchive(path.join(appOutDir, 'resources', 'app.asar'));
      linuxHeader = archive.facts.headerSha256;
      sections.push(archive.section);
      sections.push(checkLinuxLayout(appOutDir, LINUX_EXECUTABLE, folderBytes(linuxElectron)));
      sections.push(checkUpdateConfig(path.join(appOutDir, 'resources', 'app-update.yml'), pkg.name));
      sections.push(await checkFuses(path.join(appOutDir, LINUX_EXECUTABLE), `the Linux executable (${LINUX_EXECUTABLE})`));
      sections.push(checkDesktopEntry(desktopEntryReport, pkg.productName, root, archive.facts.desktopName));
    }

    const macElectron = path.join(work, 'electron-mac');
    createMacElectronStandIn(macElectron);
    const mac = runElectronBuilder({ root, platform: 'mac', arch, electronDist: macElectron, outputDir: path.join(work, 'mac'), downloadCacheDir: cache });
    console.info(`macOS dir build: ${mac.seconds.toFixed(1)} s`);
    if (!mac.ok) sections.push(builderFailed('mac dir', mac));
    else {
      const appPath = path.join(work, 'mac', arch === 'x64' ? 'mac' : 'mac-arm64', `${pkg.productName}.app`);
      const bundle = checkMacBundle(appPath, pkg.productName, root);
      const macArchive = checkArchive(path.join(appPath, 'Contents', 'Resources', 'app.asar'));
      if (macArchive.facts.headerSha256 === linuxHeader) {
        bundle.lines.push('its app.asar has the same header hash as the Linux archive (checked above)');
      } else {
        bundle.lines.push('its app.asar differs from the Linux one:', ...macArchive.section.lines);
        bundle.problems.push(...macArchive.section.problems);
      }
      sections.push(bundle);
      sections.push(
        await checkFuses(path.join(appPath, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), 'the macOS Electron Framework'),
      );
    }
    sections.push(checkEntitlements(root));
    sections.push(checkIcons(root));

    const fetched = downloadsIn(cache);
    sections.push({
      title: 'network',
      lines: fetched.length === 0 ? ['nothing was downloaded (electron-builder and Electron download caches stayed empty)'] : [],
      problems: fetched.length === 0 ? [] : [`electron-builder downloaded: ${fetched.join(', ')}`],
    });
  } catch (error) {
    // An expected file missing (say, electron-builder changed its output layout) ends the run as a problem.
    sections.push({ title: 'pack:check', lines: [], problems: [`stopped early: ${error instanceof Error ? error.message : String(error)}`] });
  } finally {
    if (options.keep) console.info(`\nkept the packaged apps in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }

  for (const section of sections) print(section);
  console.info('\nnot verified by pack:check:');
  for (const line of NOT_VERIFIABLE_HERE) console.info(`  ${line}`);

  const problems = sections.flatMap((s) => s.problems);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // Everything goes to stdout, so the verdict stays last in CI logs; the exit code carries the failure.
  if (problems.length > 0) {
    console.info(`\npack:check FAILED with ${problems.length} problem${problems.length === 1 ? '' : 's'} (${seconds} s):`);
    for (const problem of problems) console.info(`  - ${problem}`);
    return 1;
  }
  console.info(`\npack:check passed (${seconds} s)`);
  return 0;
}
