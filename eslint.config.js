import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import local from './eslint-plugin-local/code-layering.js';
import { layering } from './eslint-plugin-local/layers.js';

// Node built-ins the renderer must never reach: it runs sandboxed and talks to the back end
// only through the typed API in main/api/contract.ts.
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'worker_threads',
  'electron',
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'build/', 'release/', 'coverage/', 'tests/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The renderer must not import Node code; ask the back end through the API.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'The renderer must not import Node code; ask the back end through the API.',
            },
            {
              regex: '^(\\.\\./)+main/(?!api/contract(\\.js)?$|api/api-client(\\.js)?$|format/)',
              message:
                'The renderer may import only main/api/contract, main/api/api-client and main/format from main/; everything else there runs in Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { local },
    // Imports between the layers of main/ (eslint-plugin-local/layers.js, docs/architecture.md).
    rules: { 'local/code-layering': ['error', layering] },
  },
  prettier,
);
