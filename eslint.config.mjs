import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// shared/ is the process-free layer main, the window and tests all import (Signal Desktop's ".std" files are
// the model): plain TypeScript with no Electron, no Node built-ins, no DOM and no code of another layer, so
// it runs unchanged in every process. shared/tsconfig.json refuses the same globals at type level.
const PROCESS_FREE = {
  files: ['shared/**/*.ts'],
  ignores: ['shared/**/*.test.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'shared/ runs in every process: Electron belongs in an edge module of main/.' }],
      patterns: [
        { group: ['electron/*', 'node:*', ...builtinModules], message: 'shared/ runs in the window too: no Node built-ins.' },
        { regex: '^(\\.\\./)+(main|renderer|preload|e2e|bench|scripts)(/|$)', message: 'shared/ depends on no other layer (only ipc/contract.ts types).' },
      ],
    }],
    'no-restricted-globals': ['error',
      ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'requestAnimationFrame'].map((name) => ({ name, message: 'shared/ runs in main too: no DOM.' })),
      ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate', 'setTimeout', 'setInterval'].map((name) => ({ name, message: 'shared/ runs in the window too: no Node, no timers (inject a clock).' })),
    ],
  },
};

// Files ≤ 300 lines and functions ≤ 80 (the developers' guide), so a newcomer reads any piece whole. Every
// source file but unit tests keeps the file limit (some test files still run longer); product code, not its
// tests or test support, keeps the function limit.
const SIZES = [
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'shared/**/*.ts', 'ipc/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'renderer/src/testing/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  PROCESS_FREE,
  ...SIZES,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The Electron main process talks to the user through the UI, not the console; keep console use deliberate.
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
);
