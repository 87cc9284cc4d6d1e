// The renderer's Vite plugins, one list for the app's build (electron.vite.config.ts) and the benches' own
// builds of the same renderer (bench/render-rows.ts, bench/render-rows-profile.ts), so a bench measures
// the page the app ships.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, PluginOption } from 'vite';

/**
 * Loads `entry` (a path from the renderer's root) as its own small module script in index.html's head,
 * ahead of the bundle, so it runs while the bundle is still loading (Vite would otherwise fold every module
 * script of the page into one bundle). The build emits it as a separate chunk; the dev server serves it
 * from source.
 */
function scriptAheadOfBundle(entry: string, name: string): Plugin {
  let building = false;
  let file = '';
  return {
    name: 'script-ahead-of-bundle',
    configResolved(config) {
      building = config.command === 'build';
      file = resolve(config.root, entry);
    },
    buildStart() {
      if (building) this.emitFile({ type: 'chunk', id: file, name });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.name === name);
        if (building && chunk === undefined) throw new Error(`scriptAheadOfBundle: no chunk named ${name}`);
        const src = chunk === undefined ? `/${entry}` : `./${chunk.fileName}`;
        // Before the page's first script, so it is requested first, yet after the CSP <meta>, which must
        // precede every script it covers.
        const at = html.indexOf('<script');
        if (at === -1 || at < html.indexOf('Content-Security-Policy')) throw new Error('scriptAheadOfBundle: index.html needs its CSP ahead of a script');
        return `${html.slice(0, at)}<script type="module" crossorigin async src="${src}"></script>\n    ${html.slice(at)}`;
      },
    },
  };
}

export function rendererPlugins(): PluginOption[] {
  return [react(), scriptAheadOfBundle('src/intl-warmup.ts', 'intl-warmup')];
}
