// ESLint: typescript-eslint's strict and stylistic type-checked rules, React hooks, vitest's
// guards against focused and skipped tests, and the architecture's boundaries (see
// `architecture` below). Prettier owns the layout, so its conflicting rules are off.
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { architecture } from './scripts/eslint-architecture.js';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench-results/**', 'test/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { architecture },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` is the idiom of every screen; a void in a longer body still counts.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'architecture/feature-public-surface': 'error',
      'architecture/core-below-features': 'error',
      'architecture/electron-in-shell-only': 'error',
      'architecture/renderer-imports-types-only': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['test/**/*.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
      // Vitest's expect takes a second argument, the message shown when the assertion fails
      // (`expect(value, 'which row').toBe(...)`); the rule's default of one comes from Jest.
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
      // Helpers that assert, so a test made only of their calls still asserts.
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expectFail'] }],
      // A test states what it expects; `!` after a lookup it has just asserted is that statement.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The shell's tests take 'electron' as vitest mocks it, to reach the very fake object the
    // shell imported; the boundary is about product code, and no real electron runs here.
    files: ['test/unit/shell/**/*.ts'],
    rules: { 'architecture/electron-in-shell-only': 'off' },
  },
  {
    // Migrations are frozen in time: they see the schema as it was, not today's types (Kysely's
    // own advice), so they take Kysely<any>.
    files: ['src-main/core/db/migrations/**/*.ts', 'src-main/core/db/migrator.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
