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
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The Electron main process talks to the user through the UI, not the console; keep console use deliberate.
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
);
