import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnlyModules = [
  'fs',
  'path',
  'child_process',
  'worker_threads',
  'os',
  'net',
  'http',
  'https',
  'process',
  'url',
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/.vitest/**', 'examples/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // dsl, report and core must also run in a browser and in VS Code's web
    // extension host: files, processes and the terminal belong to the edges.
    files: ['packages/{text,dsl,report,core}/src/**/*.ts', 'rules/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnlyModules.flatMap((name) => [
            { name, message: 'Node-only API: keep this package browser-safe.' },
            { name: `node:${name}`, message: 'Node-only API: keep this package browser-safe.' },
          ]),
          patterns: [
            { group: ['node:*'], message: 'Node-only API: keep this package browser-safe.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
  {
    // Benchmarks and repository scripts run on Node.
    files: ['bench/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
