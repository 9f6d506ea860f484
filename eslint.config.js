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
    'test/.tmp-edited/',
    'preview/',
    'screenshots/',
    // Only static files (the logo); nothing to lint.
    'public/',
    // Fixture sites are test data, written to look like editors' content.
    'test/fixtures/',
  ]),
  js.configs.recommended,
  // Not the type-checked presets: they triple the run time, cannot type .astro files, and
  // without a fresh `astro sync` every astro:content type is `any` (hundreds of no-unsafe-*).
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  // jsx-a11y's rules on the markup of .astro files (eslint-plugin-astro wraps eslint-plugin-jsx-a11y-x).
  astro.configs['flat/jsx-a11y-strict'],
  // Last: turn off every stylistic rule that Prettier owns.
  eslintConfigPrettier,
);
