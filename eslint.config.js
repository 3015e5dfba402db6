// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The domain stays pure: no I/O, no clock, no environment (STYLE.md §1). */
const pureDomain = {
  files: ['src/**/domain/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'domain/ is pure: no Node APIs.' },
          {
            group: ['kysely', 'pg', 'better-sqlite3', 'fastify', 'exceljs', 'docx', 'pdfmake'],
            message: 'domain/ is pure: no adapters.',
          },
          {
            group: ['**/db/**', '**/http/**', '**/platform/**'],
            message: 'domain/ may not import adapters.',
          },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
        message: 'domain/ gets "today" as an argument.',
      },
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'domain/ gets "today" as an argument.',
      },
      { selector: "MemberExpression[object.name='process']", message: 'domain/ may not read process.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  pureDomain,
);
