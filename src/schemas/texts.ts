import { z } from 'astro/zod';
import { text } from './shared.ts';

/**
 * The prose of the fixed pages, which a municipality rewrites in its fork: one file per page in
 * `src/content/texts/<key>.md`. Each file is optional; a page without its text still works and
 * leaves the prose out. The file name is the key, and only these keys mean something.
 */
export const TEXT_KEYS = {
  forside: 'forsiden (visionen under opgaverne)',
  'bliv-vist': '/bliv-vist/ (sådan bliver en virksomhed vist)',
  maerket: '/maerket/ (mærket for socialt ansvarlige virksomheder)',
  'csr-prisen-indstil': '/csr-prisen/indstil/ (sådan indstiller man til prisen)',
  selvtjek: '/for-virksomheder/selvtjek/ (indledningen til selvtjekket)',
  presse: '/presse/ (teksten til journalister)',
  'for-virksomheder': '/for-virksomheder/ (indledningen til vejledningen)',
} as const;

export type TextKey = keyof typeof TEXT_KEYS;

/** `src/content/texts/<key>.md`: the prose of one fixed page. */
export const textSchema = () =>
  z.strictObject({
    /** The page's heading (the page has a Danish default when the file is absent). */
    title: text(120),
    /** One or two sentences under the heading, for search results and share cards. */
    summary: text(300),
  });
