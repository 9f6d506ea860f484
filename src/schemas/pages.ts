import { z } from 'astro/zod';
import { redirectFrom, text } from './shared.ts';

/** The contacts in the site config a page can show (`site.contacts`). */
export const PAGE_CONTACTS = ['procurement', 'employerService', 'press'] as const;

/** `src/content/pages/<slug>.md`: a free text page at `/<slug>/`. */
export const pageSchema = () =>
  z.strictObject({
    /** The page's heading. */
    title: text(120),
    /** One or two sentences for search results and share cards. */
    summary: text(300),
    /** A contact from the site config shown at the end of the page, e.g. `procurement` on `/indkoeb/`. */
    contact: z.enum(PAGE_CONTACTS, { error: `brug en af: ${PAGE_CONTACTS.join(', ')}` }).optional(),
    /** Old slugs that redirect here. */
    redirectFrom,
  });
