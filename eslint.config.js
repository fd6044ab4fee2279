import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'coverage/',
      'test-artifacts/',
      'packages/*/dist/',
      'packages/client/src/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `any` needs a reason: write `// eslint-disable-next-line @typescript-eslint/no-explicit-any -- why`.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Not `consistent-type-imports`: Nest's DI reads constructor types from decorator metadata,
      // so a class used only as a parameter type must stay a value import.
      'no-console': 'error',
    },
  },
  {
    // Scripts that talk to a terminal.
    files: ['src/state/migrate.ts', 'src/state/backup/restore.ts', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
