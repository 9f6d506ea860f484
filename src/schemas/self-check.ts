import { z } from 'astro/zod';
import { pillars, slug, text, unique, uniqueRefs, type SchemaHelpers } from './shared.ts';

/** One answer to a self-check question and the points it gives (the jury's scale, 0–5). */
const answer = z.strictObject({
  /** What the company answers, e.g. "Ja, vi har én eller flere". */
  label: text(160),
  /** Points for this answer: a whole number from 0 to 5. */
  points: z
    .number({ error: 'skriv pointene som et helt tal fra 0 til 5' })
    .int({ error: 'pointene skal være et helt tal fra 0 til 5' })
    .min(0, { error: 'pointene skal være mindst 0' })
    .max(5, { error: 'pointene kan højst være 5 (juryens skala er 0-5)' }),
});

/**
 * One item of `src/content/self-check-questions.yaml`: a question of the self-check on
 * /for-virksomheder/selvtjek/, counted towards one CSR prize criterion. The page shows the
 * questions in the file's order.
 */
export const selfCheckQuestionSchema = <I extends z.ZodType, R extends z.ZodType>({ reference }: SchemaHelpers<I, R>) =>
  z.strictObject({
    /** The question's slug. */
    id: slug,
    /** The prize criterion (id in prize-criteria.yaml) the answer counts towards. */
    criterion: reference('prize-criteria'),
    /** The question, e.g. "Har I medarbejdere ansat på særlige vilkår?". */
    question: text(200),
    /** An optional line under the question that explains it. */
    help: text(300).optional(),
    /** The answers to choose from, each with its points (0–5). */
    answers: z
      .array(answer)
      .min(2, { error: 'skriv mindst to svarmuligheder' })
      .max(6, { error: 'højst seks svarmuligheder, så spørgsmålet kan overskues' })
      .superRefine((list, ctx) =>
        unique<string>('Svaret')(
          list.map((a) => a.label),
          ctx,
        ),
      ),
  });

/**
 * One item of `src/content/self-check-stages.yaml`: a stage a company can be at (strategy
 * pejlemærke 5), reached from a weighted total of `from` points (0–100), with its next steps.
 */
export const selfCheckStageSchema = <I extends z.ZodType, R extends z.ZodType>({ reference }: SchemaHelpers<I, R>) =>
  z.strictObject({
    /** The stage's slug. */
    id: slug,
    /** Short name, e.g. "På vej". */
    title: text(60),
    /** The lowest weighted total (0–100) that puts a company at this stage; the first stage starts at 0. */
    from: z
      .number({ error: 'skriv pointgrænsen som et helt tal fra 0 til 100' })
      .int({ error: 'pointgrænsen skal være et helt tal' })
      .min(0, { error: 'pointgrænsen skal være mindst 0' })
      .max(100, { error: 'pointgrænsen kan højst være 100' }),
    /** Where a company at this stage is, in one or two sentences. */
    description: text(400),
    /** What to do next, one line each. */
    nextSteps: z.array(text(300)).min(1, { error: 'skriv mindst ét næste skridt' }),
    /** Schemes (ids in src/content/schemes/) that fit a company at this stage. */
    schemes: z.array(reference('schemes')).superRefine(uniqueRefs('Ordningen')).optional(),
    /** Stories serving these pejlemærker (1–5) are shown as peers' experience; without it, the newest stories. */
    pillars: pillars.superRefine(unique('Pejlemærket')).optional(),
  });
