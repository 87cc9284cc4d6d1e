// The checks pack:check runs on a packaged app. Each returns a report section: lines to print and the
// problems found (a problem fails the run). Plain functions over files, so each can run on its own.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findViolations, summarizeByFolder, type PackagedManifest } from './asar-policy.mts';
import { integrityProblem, openAsar } from './asar.mts';
import { formatBytes, plural, table } from './format.mts';
import { readFuses } from './fuses.mts';
import { ICNS_TYPES, readIcns, readIco } from './icon-containers.mts';
import { parsePlist, type PlistValue } from './plist.mts';
import { readPngSize } from './png.mts';

export type Section = { title: string; lines: string[]; problems: string[] };

/**
 * Budget for app.asar. The app is fully bundled and was about 0.9 MiB when this was set, so 4 MiB leaves
 * room to grow several times over while still failing on the usual accidents: node_modules copied in
 * (the four runtime npm packages alone made an 8.2 MiB archive), source maps, screenshots or fixtures.
 */
export const ASAR_BUDGET_BYTES = 4 * 1024 * 1024;

const LISTED_FILES = 25;

export type ArchiveFacts = { headerSha256: string; bytes: number; desktopName: string | null };

/** Contents, rules, per-file integrity records and the size budget of one app.asar. */
export function checkArchive(asarPath: string): { section: Section; facts: ArchiveFacts } {
  const section: Section = { title: `app.asar (${asarPath})`, lines: [], problems: [] };
  const asar = openAsar(asarPath);
  try {
    const packed = asar.files.filter((f) => !f.unpacked);
    const readText = (name: string): string => {
      const file = packed.find((f) => f.path === name);
      return file ? asar.read(file).toString('utf8') : '';
    };
    let manifest: PackagedManifest = {};
    try {
      manifest = JSON.parse(readText('package.json') || '{}') as PackagedManifest;
    } catch {
      section.problems.push('package.json in the archive is not valid JSON');
    }
    section.problems.push(
      ...findViolations({
        paths: packed.map((f) => f.path),
        unpackedPaths: asar.files.filter((f) => f.unpacked).map((f) => f.path),
        manifest,
        rendererHtml: readText('out/renderer/index.html'),
      }),
    );

    const summary = summarizeByFolder(asar.files);
    const totalBytes = asar.files.reduce((sum, f) => sum + f.size, 0);
    section.lines.push('files by top folder:');
    section.lines.push(
      ...table([
        ...summary.map((g) => [g.folder, plural(g.files, 'file'), formatBytes(g.bytes)]),
        ['total', plural(asar.files.length, 'file'), formatBytes(totalBytes)],
      ]),
    );
    const largest = [...asar.files].sort((a, b) => b.size - a.size).slice(0, LISTED_FILES);
    section.lines.push(asar.files.length > LISTED_FILES ? `the ${LISTED_FILES} largest files:` : 'files:');
    section.lines.push(...table(largest.map((f) => [f.path, formatBytes(f.size)]), '    '));

    let verified = 0;
    for (const file of packed) {
      const problem = integrityProblem(file, asar.read(file));
      if (problem) section.problems.push(`${file.path} ${problem}`);
      else verified++;
    }
    section.lines.push(`integrity records: ${verified}/${packed.length} files match their SHA-256 file and block hashes`);
    section.lines.push(`header SHA-256: ${asar.headerSha256}`);

    const bytes = statSync(asarPath).size;
    const used = Math.round((bytes / ASAR_BUDGET_BYTES) * 100);
    section.lines.push(`size: ${formatBytes(bytes)}; budget ${formatBytes(ASAR_BUDGET_BYTES)}, ${used}% used`);
    if (bytes > ASAR_BUDGET_BYTES) {
      section.problems.push(`app.asar is ${formatBytes(bytes)}, over the ${formatBytes(ASAR_BUDGET_BYTES)} budget`);
    }
    const desktopName = typeof manifest.desktopName === 'string' ? manifest.desktopName : null;
    return { section, facts: { headerSha256: asar.headerSha256, bytes, desktopName } };
  } finally {
    asar.close();
  }
}

/** Every fuse read back from the packaged binary, against the required states. */
export async function checkFuses(binaryPath: string, label: string): Promise<Section> {
  const section: Section = { title: `fuses in ${label}`, lines: [], problems: [] };
  let rows;
  try {
    rows = await readFuses(binaryPath);
  } catch (error) {
    section.problems.push(`cannot read fuses from ${binaryPath}: ${error instanceof Error ? error.message : String(error)}`);
    return section;
  }
  section.lines.push(
    ...table(
      rows.map((r) => [r.name, r.state, r.required === null ? '(not set: Electron default)' : r.ok ? `required ${r.required}: ok` : `required ${r.required}: WRONG`]),
    ),
  );
  for (const r of rows) if (!r.ok) section.problems.push(`fuse ${r.name} is ${r.state}, must be ${r.required}`);
  return section;
}

/** Total bytes of the files under dir. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : entry.isFile() ? statSync(full).size : 0;
  }
  return total;
}

/** Where pack:check tells electron-builder the release feed is, so the written app-update.yml is known exactly. */
export const PACK_CHECK_FEED = { owner: 'pack-check-owner', repo: 'kraken-balances' } as const;

/**
 * resources/app-update.yml, which electron-updater reads in an installed build: the GitHub Releases feed
 * of build/electron-builder.yml's publish section, and the download cache folder the README names.
 */
export function checkUpdateConfig(file: string, packageName: string): Section {
  const section: Section = { title: 'auto-update feed (resources/app-update.yml)', lines: [], problems: [] };
  if (!existsSync(file)) {
    section.problems.push('app-update.yml is missing: the installed app would never update itself (publish section of build/electron-builder.yml)');
    return section;
  }
  // electron-builder writes flat `key: value` lines.
  const fields = new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => /^(\w+): ?(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]?.replace(/^'(.*)'$/, '$1')]),
  );
  section.lines.push(...[...fields].map(([key, value]) => `${key}: ${value}`));
  const expected: Record<string, string> = { provider: 'github', ...PACK_CHECK_FEED, updaterCacheDirName: `${packageName}-updater` };
  for (const [key, value] of Object.entries(expected)) {
    if (fields.get(key) !== value) section.problems.push(`app-update.yml ${key} is ${fields.get(key) ?? 'missing'}, must be ${value}`);
  }
  return section;
}

/** The unpacked Linux app: executable name, resources holding only app.asar (and the update feed's app-update.yml), Electron licence kept. */
export function checkLinuxLayout(appOutDir: string, executableName: string, standInBytes: number): Section {
  const section: Section = { title: `Linux app folder (${appOutDir})`, lines: [], problems: [] };
  if (!existsSync(path.join(appOutDir, executableName))) section.problems.push(`executable ${executableName} is missing`);
  if (!existsSync(path.join(appOutDir, 'LICENSE.electron.txt'))) section.problems.push('LICENSE.electron.txt (Electron licence) is missing');
  const resources = readdirSync(path.join(appOutDir, 'resources')).sort();
  section.lines.push(`resources/: ${resources.join(', ')}`);
  // app-update.yml is data (the update feed), never code: OnlyLoadAppFromAsar loads the app from app.asar alone.
  if (resources.join() !== 'app-update.yml,app.asar') {
    section.problems.push(`resources/ must hold only app.asar and app-update.yml (so OnlyLoadAppFromAsar has nothing else to ignore), found: ${resources.join(', ')}`);
  }
  const total = folderBytes(appOutDir);
  section.lines.push(
    `unpacked app size: ${formatBytes(total)}, of which ${formatBytes(standInBytes)} is the Electron stand-in; a real build adds the Electron runtime itself`,
  );
  return section;
}

type DesktopEntryReport = { entry: string; icons: Array<{ file: string; size: number }>; executableName: string };

/**
 * The .desktop entry and icon set the AppImage and deb would install (computed by electron-builder in the
 * afterPack hook): names, Finance category, and a StartupWMClass that matches the desktopName Electron
 * derives the window's class from, so docks group the window with its launcher.
 */
export function checkDesktopEntry(reportPath: string, productName: string, root: string, packagedDesktopName: string | null): Section {
  const section: Section = { title: 'Linux desktop entry and icons (as the AppImage and deb install them)', lines: [], problems: [] };
  if (!existsSync(reportPath)) {
    section.problems.push('the afterPack hook (scripts/pack/desktop-entry-hook.mjs) wrote no desktop entry');
    return section;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as DesktopEntryReport;
  const lines = report.entry.trim().split('\n');
  section.lines.push(...lines);
  const field = (key: string): string => {
    const line = lines.find((l) => l.startsWith(`${key}=`));
    return line ? line.slice(key.length + 1) : '';
  };
  const expectField = (key: string, ok: boolean, wanted: string): void => {
    if (!ok) section.problems.push(`desktop entry ${key}=${field(key)}; expected ${wanted}`);
  };
  expectField('Name', field('Name') === productName, productName);
  expectField('Type', field('Type') === 'Application', 'Application');
  expectField('Exec', field('Exec').includes(report.executableName), `the ${report.executableName} executable`);
  expectField('Icon', field('Icon') === report.executableName, report.executableName);
  expectField('Categories', field('Categories').split(';').includes('Finance'), 'a list with Finance');
  expectField('Comment', field('Comment') !== '', 'a description');
  const wmClass = (packagedDesktopName ?? '').replace(/\.desktop$/, '');
  expectField('StartupWMClass', wmClass !== '' && field('StartupWMClass') === wmClass, `${wmClass || '(no desktopName in the packaged package.json)'}, from desktopName`);
  if (packagedDesktopName !== `${report.executableName}.desktop`) {
    section.problems.push(`the packaged desktopName (${String(packagedDesktopName)}) should be ${report.executableName}.desktop, the entry's file name`);
  }
  const iconsDir = path.join(root, 'build', 'icons');
  const foreign = report.icons.filter((icon) => path.dirname(path.resolve(icon.file)) !== iconsDir);
  if (foreign.length > 0) section.problems.push(`icons not from build/icons: ${foreign.map((i) => i.file).join(', ')}`);
  section.lines.push(`icons: ${report.icons.map((i) => i.size).join(', ')} px from build/icons`);
  return section;
}

function dict(value: PlistValue | undefined): Record<string, PlistValue> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** The macOS bundle: identity, Finance category, icon, renamed helpers, and the asar integrity hash. */
export function checkMacBundle(appPath: string, productName: string, root: string): Section {
  const section: Section = { title: `macOS app bundle (${appPath})`, lines: [], problems: [] };
  const contents = path.join(appPath, 'Contents');
  const plist = dict(parsePlist(readFileSync(path.join(contents, 'Info.plist'), 'utf8')));
  const bundleId = String(plist['CFBundleIdentifier'] ?? '');
  section.lines.push(`CFBundleIdentifier ${bundleId}, LSApplicationCategoryType ${String(plist['LSApplicationCategoryType'])}`);
  if (!bundleId || bundleId.startsWith('com.github.Electron') || bundleId.startsWith('com.electron.')) {
    section.problems.push(`CFBundleIdentifier is Electron's default (${bundleId}); set appId`);
  }
  if (plist['LSApplicationCategoryType'] !== 'public.app-category.finance') section.problems.push('macOS category is not public.app-category.finance');
  if (plist['CFBundleExecutable'] !== productName) section.problems.push(`CFBundleExecutable is ${String(plist['CFBundleExecutable'])}, not ${productName}`);

  const icon = path.join(contents, 'Resources', String(plist['CFBundleIconFile'] ?? ''));
  if (!existsSync(icon) || !readFileSync(icon).equals(readFileSync(path.join(root, 'build', 'icon.icns')))) {
    section.problems.push('the bundle icon is not build/icon.icns');
  }
  for (const helper of ['Helper', 'Helper (GPU)', 'Helper (Plugin)', 'Helper (Renderer)']) {
    const name = `${productName} ${helper}`;
    if (!existsSync(path.join(contents, 'Frameworks', `${name}.app`, 'Contents', 'MacOS', name))) section.problems.push(`helper app "${name}" is missing`);
  }

  const integrity = dict(dict(plist['ElectronAsarIntegrity'])['Resources/app.asar']);
  const asar = openAsar(path.join(contents, 'Resources', 'app.asar'));
  asar.close();
  if (integrity['algorithm'] !== 'SHA256' || integrity['hash'] !== asar.headerSha256) {
    section.problems.push(
      `Info.plist ElectronAsarIntegrity (${String(integrity['algorithm'])} ${String(integrity['hash'])}) does not match the archive header (${asar.headerSha256})`,
    );
  } else {
    section.lines.push(`Info.plist ElectronAsarIntegrity for Resources/app.asar matches the archive header SHA-256 ${asar.headerSha256}`);
  }
  return section;
}

/** build/entitlements.mac.plist: a valid plist granting V8's JIT and nothing broader. */
export function checkEntitlements(root: string): Section {
  const section: Section = { title: 'macOS hardened-runtime entitlements (build/entitlements.mac.plist)', lines: [], problems: [] };
  try {
    const entitlements = dict(parsePlist(readFileSync(path.join(root, 'build', 'entitlements.mac.plist'), 'utf8')));
    const granted = Object.entries(entitlements).filter(([, v]) => v === true).map(([k]) => k);
    section.lines.push(`grants: ${granted.join(', ') || 'nothing'}`);
    if (entitlements['com.apple.security.cs.allow-jit'] !== true) section.problems.push('allow-jit is missing; V8 cannot run under the hardened runtime without it');
  } catch (error) {
    section.problems.push(`build/entitlements.mac.plist is not a valid plist: ${error instanceof Error ? error.message : String(error)}`);
  }
  return section;
}

/** The committed icons: every Linux size present and true to its name, .ico and .icns complete. */
export function checkIcons(root: string): Section {
  const section: Section = { title: 'icons (build/)', lines: [], problems: [] };
  const iconsDir = path.join(root, 'build', 'icons');
  const sizes: number[] = [];
  for (const name of existsSync(iconsDir) ? readdirSync(iconsDir) : []) {
    const match = /^(\d+)x(\d+)\.png$/.exec(name);
    if (!match) continue;
    const { width, height } = readPngSize(readFileSync(path.join(iconsDir, name)));
    if (width !== Number(match[1]) || height !== Number(match[2])) section.problems.push(`build/icons/${name} is really ${width}×${height}`);
    sizes.push(width);
  }
  sizes.sort((a, b) => a - b);
  for (const needed of [16, 32, 48, 64, 128, 256, 512, 1024]) {
    if (!sizes.includes(needed)) section.problems.push(`build/icons/${needed}x${needed}.png is missing`);
  }
  section.lines.push(`Linux set: ${sizes.join(', ')} px`);
  try {
    const ico = readIco(readFileSync(path.join(root, 'build', 'icon.ico')));
    section.lines.push(`icon.ico: ${ico.map((e) => `${e.width} ${e.format}`).join(', ')}`);
    if (!ico.some((e) => e.width === 256)) section.problems.push('icon.ico has no 256 px image (electron-builder requires one)');
  } catch (error) {
    section.problems.push(`build/icon.ico: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const icns = readIcns(readFileSync(path.join(root, 'build', 'icon.icns')));
    section.lines.push(`icon.icns: ${icns.map((e) => `${e.type} ${e.width}`).join(', ')}`);
    for (const { type, pixels } of ICNS_TYPES) {
      const entry = icns.find((e) => e.type === type);
      if (!entry || entry.width !== pixels || entry.height !== pixels) section.problems.push(`icon.icns lacks a ${pixels} px ${type} image`);
    }
  } catch (error) {
    section.problems.push(`build/icon.icns: ${error instanceof Error ? error.message : String(error)}`);
  }
  return section;
}
