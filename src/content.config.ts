/**
 * Wires each collection's loader to its schema. The table of collections lives in
 * `src/schemas/index.ts`; the rules Astro does not enforce run in the checker that the
 * build starts with (see `src/integrations/content-guard.ts`).
 */
import { defineCollection, reference } from 'astro:content';
import { existsSync } from 'node:fs';
import { file, glob, type Loader } from 'astro/loaders';
import {
  COLLECTIONS,
  CONTENT_DIR,
  categorySchema,
  companySchema,
  eventSchema,
  offeringSchema,
  pageSchema,
  partnershipSchema,
  prizeCriterionSchema,
  prizeSchema,
  schemeSchema,
  storySchema,
  textSchema,
  selfCheckQuestionSchema,
  selfCheckStageSchema,
} from './schemas/index.ts';

/** One file per entry; the id is the file name exactly (the checker rejects names that are not slugs). */
const folder = ({ folder, extensions }: { folder: string; extensions: readonly string[] }) =>
  glob({
    pattern: extensions.length > 1 ? `*.{${extensions.join(',')}}` : `*.${extensions[0]}`,
    base: `./${CONTENT_DIR}/${folder}`,
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  });

/** One YAML file holding a list of entries. */
const list = ({ file: name }: { file: string }) => file(`${CONTENT_DIR}/${name}`);

/**
 * A YAML list a fork may leave out (the self-check): without the file the collection is empty
 * and the build stays quiet, where Astro's `file()` loader would log "File not found".
 */
const optionalList = (definition: { file: string }): Loader => {
  const inner = list(definition);
  return {
    name: 'optional-file-loader',
    load: async (context) => {
      if (!existsSync(new URL(`${CONTENT_DIR}/${definition.file}`, context.config.root))) {
        context.store.clear();
        return;
      }
      await inner.load(context);
    },
  };
};

export const collections = {
  companies: defineCollection({
    loader: folder(COLLECTIONS.companies),
    schema: ({ image }) => companySchema({ image, reference }),
  }),
  offerings: defineCollection({
    loader: folder(COLLECTIONS.offerings),
    schema: ({ image }) => offeringSchema({ image, reference }),
  }),
  categories: defineCollection({ loader: list(COLLECTIONS.categories), schema: categorySchema() }),
  stories: defineCollection({
    loader: folder(COLLECTIONS.stories),
    schema: ({ image }) => storySchema({ image, reference }),
  }),
  prizes: defineCollection({
    loader: folder(COLLECTIONS.prizes),
    schema: ({ image }) => prizeSchema({ image, reference }),
  }),
  'prize-criteria': defineCollection({ loader: list(COLLECTIONS['prize-criteria']), schema: prizeCriterionSchema() }),
  partnerships: defineCollection({
    loader: folder(COLLECTIONS.partnerships),
    schema: ({ image }) => partnershipSchema({ image, reference }),
  }),
  schemes: defineCollection({ loader: folder(COLLECTIONS.schemes), schema: schemeSchema() }),
  events: defineCollection({ loader: folder(COLLECTIONS.events), schema: eventSchema() }),
  pages: defineCollection({ loader: folder(COLLECTIONS.pages), schema: pageSchema() }),
  texts: defineCollection({ loader: folder(COLLECTIONS.texts), schema: textSchema() }),
  'self-check-questions': defineCollection({
    loader: optionalList(COLLECTIONS['self-check-questions']),
    schema: ({ image }) => selfCheckQuestionSchema({ image, reference }),
  }),
  'self-check-stages': defineCollection({
    loader: optionalList(COLLECTIONS['self-check-stages']),
    schema: ({ image }) => selfCheckStageSchema({ image, reference }),
  }),
};
