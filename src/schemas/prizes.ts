import { z } from 'astro/zod';
import { day, text, uniqueRefs, type SchemaHelpers } from './shared.ts';

/**
 * `src/content/prizes/<year>.md`: one year of the CSR prize. The rules that need other files
 * (scores cover exactly the criteria, winners among nominees, year equals file name) are
 * cross-file rules in `src/lib/validation/rules/`.
 */
export const prizeSchema = <I extends z.ZodType, R extends z.ZodType>({ reference }: SchemaHelpers<I, R>) =>
  z.strictObject({
    /** The prize year; equals the file name. */
    year: z.number({ error: 'skriv årstallet som et tal, fx 2025' }).int().min(2000).max(2100),
    /** Day of the ceremony. */
    ceremony: day.optional(),
    /**
     * When nominations are open for this year (optional). A year with a window may have no
     * nominees yet; `opens` ≤ `deadline` ≤ `ceremony` is a cross-file rule (prize-years).
     */
    nomination: z.strictObject({ opens: day, deadline: day }).optional(),
    /** What the winner gets this year, one or two sentences (optional). */
    award: text(300).optional(),
    /**
     * Every nominated company with a score 0–5 for each criterion. Empty or absent only while
     * the year has a `nomination` window and the jury has not nominated yet (rule prize-years).
     */
    nominees: z
      .array(
        z.strictObject({
          company: reference('companies'),
          scores: z
            .record(
              z.string(),
              z
                .number({ error: 'pointtallet skal være et helt tal fra 0 til 5' })
                .int({ error: 'pointtallet skal være et helt tal fra 0 til 5' })
                .min(0, { error: 'pointtallet skal være fra 0 til 5' })
                .max(5, { error: 'pointtallet skal være fra 0 til 5' }),
            )
            .meta({ cms: 'scores' }),
        }),
      )
      .default([]),
    /** The winners (company slugs), each among the nominees; empty until the jury has decided. */
    winners: z.array(reference('companies')).superRefine(uniqueRefs('Vinderen')).default([]),
    /** The jury members, e.g. "Anne Holm, formand for Unge- og Beskæftigelsesudvalget". */
    jury: z.array(text(200)).optional(),
    /** A story about the year's prize (slug). */
    story: reference('stories').optional(),
  });
