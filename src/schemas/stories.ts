import { z } from 'astro/zod';
import { day, esrs, pastDay, pillars, redirectFrom, text, unique, uniqueRefs, type SchemaHelpers } from './shared.ts';

/** A person who is named, quoted or pictured in a story, with documented consent. */
const person = z
  .strictObject({
    /** The name as written in the story. */
    name: text(120),
    /** The day written consent was given; not in the future. */
    consent: pastDay,
    /** Where the signed consent is filed in the municipality's records, e.g. SAM-2026-014. */
    consentRef: text(60),
    /** The person is under 18. */
    minor: z.boolean().optional(),
    /** Where the guardian's signed consent is filed. Required when `minor: true`. */
    guardianConsentRef: text(60).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.minor && !p.guardianConsentRef) {
      ctx.addIssue({
        code: 'custom',
        path: ['guardianConsentRef'],
        message: 'feltet mangler: en mindreårig skal have forældres/værges samtykke. Skriv journalnummeret',
      });
    }
  });

/** `src/content/stories/<slug>.md(x)`: a success story. */
export const storySchema = <I extends z.ZodType, R extends z.ZodType>({ image, reference }: SchemaHelpers<I, R>) =>
  z
    .strictObject({
      /** Headline, ≤ 120 characters. */
      title: text(120),
      /** The summary media and share cards use, ≤ 300 characters. */
      lede: text(300),
      /** Day of publication. */
      published: day,
      /** Day of the last real change; not before `published`. */
      updated: day.optional(),
      /** The companies the story is about (slugs). */
      companies: z
        .array(reference('companies'))
        .min(1, { error: 'nævn mindst én virksomhed' })
        .superRefine(uniqueRefs('Virksomheden')),
      /** Which of the strategy's pejlemærker (1–5) the story serves. */
      pillars: pillars.min(1, { error: 'angiv mindst ét pejlemærke (1-5)' }).superRefine(unique('Pejlemærket')),
      /** Social topics of ESRS the story documents. */
      esrs: z.array(esrs).superRefine(unique('Emnet')).optional(),
      /** The main photo: JPEG, PNG, WebP or AVIF next to the entry. */
      image: image(),
      /** What the photo shows. */
      imageAlt: text(200),
      /** Who took the photo, e.g. "Foto: Jens Jensen". */
      imageCredit: text(120),
      /** How the media may use the photo, if not as the site config's `pressPhotoLicense` says. */
      imageLicense: text(200).optional(),
      /** Everyone identifiable in text or photo. */
      people: z.array(person).optional(),
      /** Day consent was withdrawn: the story is then unpublished. */
      consentWithdrawn: day.optional(),
      /** Old slugs that redirect to this story. */
      redirectFrom,
      /** Drafts build in preview, never in production. */
      draft: z.boolean({ error: 'skriv true eller false' }).default(false),
    })
    .superRefine((s, ctx) => {
      if (s.updated && s.updated.getTime() < s.published.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: 'updated ligger før published. Ret en af datoerne',
        });
      }
    });
