import { z } from 'astro/zod';
import { AUDIENCES, redirectFrom, text, unique, type SchemaHelpers } from './shared.ts';

/** `src/content/offerings/<slug>.md`: a product or service in the shared catalogue. */
export const offeringSchema = <I extends z.ZodType, R extends z.ZodType>({ image, reference }: SchemaHelpers<I, R>) =>
  z
    .strictObject({
      /** What is offered, ≤ 120 characters. */
      title: text(120),
      /** The social-economy company that sells it (its slug). */
      company: reference('companies'),
      /** A product or a service. */
      type: z.enum(['product', 'service'], { error: 'brug product eller service' }),
      /** The category's id from `categories.yaml`. */
      category: reference('categories'),
      /** One or two sentences for lists and search results, ≤ 200 characters. */
      summary: text(200),
      /** Who it suits. */
      audiences: z
        .array(z.enum(AUDIENCES, { error: 'brug businesses, public-sector eller private' }))
        .min(1, { error: 'angiv mindst én målgruppe: businesses, public-sector eller private' })
        .superRefine(unique('Målgruppen')),
      /** Where it can be delivered, e.g. "Kalundborg Kommune". */
      deliveryArea: text(120),
      /** Free-text price, e.g. "fra 85 kr. pr. kuvert". */
      price: text(120).optional(),
      /** Reuse, repair or upcycling. */
      circular: z.boolean({ error: 'skriv true eller false' }).default(false),
      /** A photo: JPEG, PNG, WebP or AVIF next to the entry. */
      image: image().optional(),
      /** What the photo shows. Required with `image`. */
      imageAlt: text(200).optional(),
      /** Old slugs that should redirect here. */
      redirectFrom,
    })
    .superRefine((o, ctx) => {
      if (o.image !== undefined && !o.imageAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['imageAlt'],
          message: 'feltet mangler: beskriv billedet i imageAlt, når image er sat',
        });
      }
    });
