import { z } from 'astro/zod';
import { httpsUrl, inclusionPractice, redirectFrom, text, unique } from './shared.ts';

/** `src/content/schemes/<slug>.md`: an employment scheme explained for employers. */
export const schemeSchema = () =>
  z.strictObject({
    /** Name of the scheme, e.g. "Fleksjob". */
    title: text(120),
    /** One or two sentences. */
    summary: text(300),
    /** Who the scheme is for. */
    forWhom: text(300),
    /** The law or official page behind it (https). */
    legalBasis: httpsUrl.optional(),
    /** Sort order on the guidance page (low first). */
    order: z.number({ error: 'skriv rækkefølgen som et helt tal' }).int(),
    /** The company inclusion practices this page explains; company pages link here for them. */
    inclusion: z.array(inclusionPractice).superRefine(unique('Praksissen')).optional(),
    /** Old slugs that redirect here. */
    redirectFrom,
  });
