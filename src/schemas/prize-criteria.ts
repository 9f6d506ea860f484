import { z } from 'astro/zod';
import { slug, text } from './shared.ts';

/** One item of `src/content/prize-criteria.yaml`. Weights of all criteria sum to 100. */
export const prizeCriterionSchema = () =>
  z.strictObject({
    /** The criterion's slug, used as key in each nominee's `scores`. */
    id: slug,
    /** Short name. */
    title: text(120),
    /** What the jury looks at. */
    description: text(600),
    /** Weight in percent (integer); all weights sum to 100. */
    weight: z
      .number({ error: 'skriv vægten som et helt tal' })
      .int({ error: 'vægten skal være et helt tal' })
      .min(1, { error: 'vægten skal være mindst 1' })
      .max(100),
  });
