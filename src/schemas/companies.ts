import { z } from 'astro/zod';
import {
  COMPANY_KINDS,
  cvr,
  email,
  httpsUrl,
  inclusionPractice,
  pastDay,
  pastYear,
  phone,
  postalCode,
  redirectFrom,
  text,
  unique,
  type SchemaHelpers,
} from './shared.ts';

/** `src/content/companies/<slug>.md`: a company in the directory. */
export const companySchema = <I extends z.ZodType, R extends z.ZodType>({ image }: SchemaHelpers<I, R>) =>
  z
    .strictObject({
      /** The company's name as it should be shown, 2–120 characters. */
      name: z
        .string()
        .trim()
        .min(2, { error: 'navnet skal have mindst 2 tegn' })
        .max(120, { error: 'navnet er for langt: højst 120 tegn' }),
      /** Social-economy, ordinary private or public. */
      kind: z.enum(COMPANY_KINDS, { error: 'brug social-economy, private eller public' }),
      /** CVR number; required unless the company is public. */
      cvr: cvr.optional(),
      /** One or two sentences for lists, share cards and search results. */
      summary: text(200),
      /** Where the company is. */
      address: z.strictObject({
        street: text(120),
        postalCode,
        city: text(60),
      }),
      /** At least one way to get in touch. */
      contact: z
        .strictObject({
          website: httpsUrl.optional(),
          email: email.optional(),
          phone: phone.optional(),
        })
        .refine((c) => Boolean(c.website || c.email || c.phone), {
          error: 'skriv mindst én måde at komme i kontakt på: website, email eller phone',
        }),
      /** Documentation a buyer can check. */
      registrations: z
        .strictObject({
          /** Registered as Registreret Socialøkonomisk Virksomhed since this date. */
          rsv: pastDay.optional(),
          /** Year the municipal mark for socially responsible companies was granted. */
          socialMark: pastYear.optional(),
        })
        .optional(),
      /** How the company practises inclusion. */
      inclusion: z.array(inclusionPractice).superRefine(unique('Praksissen')).optional(),
      /** Number of employees. */
      employees: z.number().int().min(0, { error: 'antal medarbejdere kan ikke være negativt' }).optional(),
      /** Year founded; not in the future. */
      founded: pastYear.optional(),
      /** The company's logo: a JPEG, PNG, WebP or AVIF file next to the entry. */
      logo: image().optional(),
      /** What the logo shows, for screen readers. Required with `logo`. */
      logoAlt: text(200).optional(),
      /** Old slugs that should redirect to this company. */
      redirectFrom,
    })
    .superRefine((c, ctx) => {
      if (c.kind !== 'public' && c.cvr === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['cvr'],
          message: 'feltet mangler: private og socialøkonomiske virksomheder skal have et CVR-nummer',
        });
      }
      if (c.logo !== undefined && !c.logoAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['logoAlt'],
          message: 'feltet mangler: beskriv logoet i logoAlt, når logo er sat',
        });
      }
    });
