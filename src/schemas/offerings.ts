import { z } from 'astro/zod';
import { AUDIENCES, redirectFrom, text, unique, type SchemaHelpers } from './shared.ts';

/**
 * Where an offering is delivered, for the catalogue's "Leverer til" filter: the whole
 * municipality, or some of its towns (names from `towns` in src/site.config.ts; the checker's
 * `delivery-towns` rule compares them, as the schema cannot see the site config).
 */
export const deliversToSchema = z
  .strictObject({
    /** Delivers in the whole municipality. */
    municipality: z
      .literal(true, { error: 'skriv municipality: true, eller fjern linjen og skriv towns i stedet' })
      .optional(),
    /** Delivers in these towns of the municipality. */
    towns: z
      .array(text(60), { error: 'skriv byerne som en liste, fx towns: [Høng, Gørlev]' })
      .min(1, { error: 'listen er tom: skriv mindst én by, fx towns: [Høng], eller brug municipality: true' })
      .superRefine(unique('Byen'))
      .meta({ cms: 'towns' })
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (d.municipality && d.towns) {
      ctx.addIssue({
        code: 'custom',
        message:
          'skriv enten municipality: true (leverer i hele kommunen) eller towns: [...] (kun de byer), ikke begge. Leverer I i hele kommunen, så slet towns',
      });
    } else if (!d.municipality && !d.towns) {
      ctx.addIssue({
        code: 'custom',
        message:
          'angiv hvor der leveres: municipality: true (hele kommunen) eller towns: [Høng, Gørlev] (byer fra towns i src/site.config.ts)',
      });
    }
  });

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
      /** Where it is delivered, structured, for the catalogue's town filter. Optional. */
      deliversTo: deliversToSchema.optional(),
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
