// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The one ESLint configuration of the monorepo: every workspace's `npm run lint` finds it. */
export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '.relais/**', '**/public/build/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Type-aware rules: each file is checked with the tsconfig.json of its workspace.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Configuration is parsed once by loadConfig() in core/src/config; pass the parsed config down instead of reading process.env.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Plain JavaScript (the browser scripts, this file) belongs to no tsconfig: no type-aware rules.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The embeddable widget is browser JavaScript, served as is.
    files: ['**/public/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        fetch: 'readonly',
        WebSocket: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        HTMLScriptElement: 'readonly',
        HTMLTextAreaElement: 'readonly',
        RequestInit: 'readonly',
      },
    },
  },
  {
    // The config module is the single place allowed to read the environment.
    files: ['core/src/config/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
