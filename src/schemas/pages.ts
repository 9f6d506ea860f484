import { z } from 'astro/zod';
import { redirectFrom, text } from './shared.ts';

/** `src/content/pages/<slug>.md`: a free text page at `/<slug>/`. */
export const pageSchema = () =>
  z.strictObject({
    /** The page's heading. */
    title: text(120),
    /** One or two sentences for search results and share cards. */
    summary: text(300),
    /** Old slugs that redirect here. */
    redirectFrom,
  });
