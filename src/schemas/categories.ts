import { z } from 'astro/zod';
import { slug, text } from './shared.ts';

/** One item of `src/content/categories.yaml`. */
export const categorySchema = () =>
  z.strictObject({
    /** The category's slug, used in `/katalog/kategori/<id>/`. */
    id: slug,
    /** The Danish name shown to visitors. */
    name: text(80),
    /** An optional sentence on what belongs here. */
    description: text(300).optional(),
  });
