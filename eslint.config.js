// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { castSaysWhy } from './scripts/eslint/cast-says-why.js';

/** Lint of the tool's own code (TypeScript, scripts, tests). Formatting is Prettier's job. */
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.astro/', 'releases/', '**/*.astro'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        Buffer: 'readonly',
        document: 'readonly',
        window: 'readonly',
        globalThis: 'readonly',
      },
    },
    plugins: { srida: { rules: { 'cast-says-why': castSaysWhy } } },
    rules: {
      'srida/cast-says-why': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
