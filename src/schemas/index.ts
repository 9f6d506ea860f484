/**
 * The content model in one table: where each collection's files are and which schema checks
 * them. `src/content.config.ts`, the checker and the scaffolder all read this, so a collection
 * is described once.
 */
import type { z } from 'astro/zod';
import { categorySchema } from './categories.ts';
import { companySchema } from './companies.ts';
import { eventSchema } from './events.ts';
import { offeringSchema } from './offerings.ts';
import { pageSchema } from './pages.ts';
import { partnershipSchema } from './partnerships.ts';
import { prizeCriterionSchema } from './prize-criteria.ts';
import { prizeSchema } from './prizes.ts';
import { schemeSchema } from './schemes.ts';
import type { CollectionName, SchemaHelpers } from './shared.ts';
import { selfCheckQuestionSchema, selfCheckStageSchema } from './self-check.ts';
import { storySchema } from './stories.ts';
import { textSchema } from './texts.ts';

/** Where the editors' files live, relative to the project root. */
export const CONTENT_DIR = 'src/content';

interface FolderCollection {
  /** One Markdown file per entry in `src/content/<folder>/`. */
  type: 'folder';
  folder: string;
  extensions: readonly ('md' | 'mdx')[];
  schema: <I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) => z.ZodType;
}

interface FileCollection {
  /** One YAML file holding a list of entries with an `id` each. */
  type: 'file';
  file: string;
  schema: <I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) => z.ZodType;
}

export type CollectionDefinition = FolderCollection | FileCollection;

export const COLLECTIONS = {
  companies: { type: 'folder', folder: 'companies', extensions: ['md'], schema: companySchema },
  offerings: { type: 'folder', folder: 'offerings', extensions: ['md'], schema: offeringSchema },
  categories: { type: 'file', file: 'categories.yaml', schema: categorySchema },
  stories: { type: 'folder', folder: 'stories', extensions: ['md', 'mdx'], schema: storySchema },
  prizes: { type: 'folder', folder: 'prizes', extensions: ['md'], schema: prizeSchema },
  'prize-criteria': { type: 'file', file: 'prize-criteria.yaml', schema: prizeCriterionSchema },
  partnerships: { type: 'folder', folder: 'partnerships', extensions: ['md'], schema: partnershipSchema },
  schemes: { type: 'folder', folder: 'schemes', extensions: ['md'], schema: schemeSchema },
  events: { type: 'folder', folder: 'events', extensions: ['md'], schema: eventSchema },
  pages: { type: 'folder', folder: 'pages', extensions: ['md'], schema: pageSchema },
  texts: { type: 'folder', folder: 'texts', extensions: ['md'], schema: textSchema },
  'self-check-questions': { type: 'file', file: 'self-check-questions.yaml', schema: selfCheckQuestionSchema },
  'self-check-stages': { type: 'file', file: 'self-check-stages.yaml', schema: selfCheckStageSchema },
} as const satisfies Record<CollectionName, CollectionDefinition>;

export {
  companySchema,
  offeringSchema,
  categorySchema,
  storySchema,
  prizeSchema,
  prizeCriterionSchema,
  partnershipSchema,
  schemeSchema,
  eventSchema,
  pageSchema,
  textSchema,
  selfCheckQuestionSchema,
  selfCheckStageSchema,
};
export { TEXT_KEYS, type TextKey } from './texts.ts';
export * from './shared.ts';
