import { describe, expect, it } from 'vitest';
import { findViolations, rendererReferences, summarizeByFolder, type PolicyInput } from './asar-policy.mts';

const html = '<script type="module" src="./assets/index-a1.js"></script><link rel="stylesheet" href="./assets/index-b2.css">';

function input(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    paths: [
      'package.json',
      'out/main/index.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'out/renderer/assets/index-a1.js',
      'out/renderer/assets/index-b2.css',
    ],
    unpackedPaths: [],
    manifest: { main: 'out/main/index.js' },
    rendererHtml: html,
    ...overrides,
  };
}

describe('findViolations', () => {
  it('accepts the built app and package.json', () => {
    expect(findViolations(input())).toEqual([]);
  });

  it('names each file that does not belong, with the reason', () => {
    const paths = [
      ...input().paths,
      'node_modules/zod/index.js',
      'node_modules/zod/package.json',
      'node_modules/@tanstack/react-virtual/dist/index.js',
      'out/main/node_modules/big.js/big.js',
      'out/main/index.js.map',
      'out/main/kraken.ts',
      'out/main/client.test.js',
      'main/index.ts',
      'bench/signing.bench.ts',
      'README.md',
    ];
    expect(findViolations(input({ paths, unpackedPaths: ['out/main/native.node'] }))).toEqual([
      'out/main/index.js.map is a source map',
      'out/main/kraken.ts is TypeScript source',
      'out/main/client.test.js is a test file',
      'main/index.ts is outside out/ (only the built app and package.json belong in the archive)',
      'bench/signing.bench.ts is outside out/ (only the built app and package.json belong in the archive)',
      'README.md is outside out/ (only the built app and package.json belong in the archive)',
      'node_modules/zod (2 files) is an npm package copied in; everything must be bundled into out/ by electron-vite',
      'node_modules/@tanstack/react-virtual (1 file) is an npm package copied in; everything must be bundled into out/ by electron-vite',
      'out/main/node_modules/big.js (1 file) is an npm package copied in; everything must be bundled into out/ by electron-vite',
      'out/main/native.node is unpacked next to the archive (nothing needs to be)',
    ]);
  });

  it('requires the three entry points and a main that exists', () => {
    const problems = findViolations(input({ paths: ['package.json', 'out/renderer/index.html', 'out/renderer/assets/index-a1.js', 'out/renderer/assets/index-b2.css'] }));
    expect(problems).toEqual([
      'out/main/index.js is missing',
      'out/preload/index.js is missing',
      'package.json "main" (out/main/index.js) is not in the archive',
    ]);
  });

  it('flags runtime dependencies in the packaged package.json', () => {
    const problems = findViolations(input({ manifest: { main: 'out/main/index.js', dependencies: { zod: '^4' }, devDependencies: {} } }));
    expect(problems).toEqual(['the packaged package.json lists dependencies (zod); the app must need none at run time']);
  });

  it('flags a script or stylesheet the renderer loads but the archive lacks', () => {
    const paths = input().paths.filter((p) => !p.endsWith('.css'));
    expect(findViolations(input({ paths }))).toEqual(['out/renderer/index.html loads out/renderer/assets/index-b2.css, which is not in the archive']);
  });
});

describe('rendererReferences', () => {
  it('resolves relative references and ignores URLs, data and fragments', () => {
    const page = `${html}<img src="data:image/png;base64,AAA"><a href="https://example.org">x</a><a href="#top">t</a><img src="img/logo.svg?v=1">`;
    expect(rendererReferences(page)).toEqual(['out/renderer/assets/index-a1.js', 'out/renderer/assets/index-b2.css', 'out/renderer/img/logo.svg']);
  });
});

describe('summarizeByFolder', () => {
  it('groups the bundles per process and root files apart, largest first', () => {
    const files = [
      { path: 'out/main/index.js', size: 700 },
      { path: 'out/renderer/index.html', size: 5 },
      { path: 'out/renderer/assets/a.js', size: 200 },
      { path: 'package.json', size: 3 },
    ];
    expect(summarizeByFolder(files)).toEqual([
      { folder: 'out/main', files: 1, bytes: 700 },
      { folder: 'out/renderer', files: 2, bytes: 205 },
      { folder: '(root)', files: 1, bytes: 3 },
    ]);
  });
});
