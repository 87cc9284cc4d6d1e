import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What Electron takes from the path it is started with (`electron <path>`). */
export interface AppPackage {
  /** The main-process script to run. */
  entry: string;
  /** app.getAppPath(): the app folder, or a bare script's own folder (Electron's default_app/main.ts). */
  dir: string;
  name: string;
  version: string;
}

/**
 * Like Electron's default app: a folder is read through its package.json (main, productName or name,
 * version); a bare script runs as it is, and then name and version are Electron's own.
 */
export function resolveAppPath(appPath: string): AppPackage {
  const resolved = path.resolve(appPath);
  const packageJson = path.join(resolved, 'package.json');
  if (statSync(resolved).isDirectory() && existsSync(packageJson)) {
    const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as { main?: string; name?: string; productName?: string; version?: string };
    return {
      entry: createRequire(packageJson).resolve(path.join(resolved, pkg.main ?? 'index.js')),
      dir: resolved,
      name: pkg.productName ?? pkg.name ?? 'Electron',
      version: pkg.version ?? electronVersion(packageJson),
    };
  }
  const entry = createRequire(resolved).resolve(resolved);
  return { entry, dir: path.dirname(entry), name: 'Electron', version: electronVersion(resolved) };
}

/** The version of the Electron the app depends on (what `app.getVersion()` answers for a bare script). */
function electronVersion(from: string): string {
  try {
    const pkg = createRequire(from)('electron/package.json') as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}
