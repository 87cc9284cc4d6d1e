// Vite plugin for the renderer build: puts V8's explicit compile hint at the top of the chunks the window
// loads at start (the entry and what it imports statically). With the hint, Chromium 136+ (Electron 36+)
// compiles every function of those chunks on the background thread that streams the script in, instead of
// compiling each one on the main thread the first time it is called, which is mostly during the first
// render: about 600 functions, a fifth of the time from the app's first line of JS to the rows painted
// (bench/render-rows.ts). Engines without the hint read a comment. Chunks loaded later (import()) are left
// lazy: most of their functions may never run.
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export function compileHints(): Plugin {
  return {
    name: 'kraken:compile-hints',
    apply: 'build',
    // After minification (which drops comments), on the code as written to disk. No source maps are
    // emitted for the renderer; with them, this extra first line would need the map shifted by one line.
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
      const initial = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
      for (const chunk of chunks) if (initial.has(chunk.fileName)) for (const imported of chunk.imports) initial.add(imported);
      for (const chunk of chunks) {
        if (initial.has(chunk.fileName) && !chunk.code.startsWith(COMPILE_HINT)) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
      }
    },
  };
}
