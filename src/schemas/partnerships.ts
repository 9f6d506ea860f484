import { z } from 'astro/zod';
import { day, pillars, redirectFrom, text, unique, uniqueRefs, type SchemaHelpers } from './shared.ts';

/** `src/content/partnerships/<slug>.md`: a partnership or network between companies. */
export const partnershipSchema = <I extends z.ZodType, R extends z.ZodType>({ reference }: SchemaHelpers<I, R>) =>
  z.strictObject({
    /** Name of the partnership. */
    title: text(120),
    /** What it is for, ≤ 200 characters. */
    summary: text(200),
    /** At least two member companies (slugs). This is the one place membership is written. */
    members: z
      .array(reference('companies'))
      .min(2, { error: 'et partnerskab skal have mindst to medlemmer' })
      .superRefine(uniqueRefs('Medlemmet')),
    /** The day it began. */
    since: day,
    /** Still running or ended. */
    status: z.enum(['active', 'ended'], { error: 'brug active eller ended' }),
    /** The pejlemærker it serves. */
    pillars: pillars.superRefine(unique('Pejlemærket')).optional(),
    /** Old slugs that redirect here. */
    redirectFrom,
  });
