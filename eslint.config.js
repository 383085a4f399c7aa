// Type-aware lint for every workspace package. A publisher is all promises: floating ones are errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/test/fixtures/outside-project/**',
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '**/.cache/**',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Export names explicitly: no `export *`.' },
      ],
      'no-console': 'error',
    },
  },
  {
    // Tests, the CLI, examples and build scripts talk to a terminal; library sources never do.
    files: [
      '**/*.test.ts',
      '**/test/**',
      'benchmarks/**',
      'docs/examples/**',
      '**/scripts/**',
      '*.config.ts',
      'vitest.*.ts',
    ],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    // Plain JS has no types to lint with, except the local-Kafka scripts: checked JS (checkJs in
    // scripts/kafka/tsconfig.json), linted like TypeScript.
    files: ['**/*.js', '**/*.mjs'],
    ignores: ['scripts/kafka/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain-JS fixtures and scripts run on Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
      },
    },
  },
);
