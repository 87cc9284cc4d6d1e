import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererPlugins } from './scripts/renderer-plugins.ts';

// One build config for the three processes. Main and preload are bundled whole (no node_modules at run
// time), the preload as a single CommonJS file because sandboxed preloads cannot load ES modules or npm code.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: rendererPlugins(),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      reportCompressedSize: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
