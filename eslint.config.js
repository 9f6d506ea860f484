// @ts-check
import js from '@eslint/js';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    '.astro/',
    'test/.tmp/',
    'screenshots/',
    // Only static files (the logo); nothing to lint.
    'public/',
    // Fixture sites are test data, written to look like editors' content.
    'test/fixtures/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  // jsx-a11y's rules on the markup of .astro files (eslint-plugin-astro wraps eslint-plugin-jsx-a11y-x).
  astro.configs['flat/jsx-a11y-strict'],
  // Last: turn off every stylistic rule that Prettier owns.
  eslintConfigPrettier,
);
