/**
 * The rules for one entry, one module each, in one table (as withastro/docs lists its link
 * checks); `check.ts` only finds, reads and parses the files and runs this table on each entry.
 * Cross-file rules are `../rules/`. Each rule has its own unit test in test/unit/entry-rules.test.ts.
 */
import type { Problem } from '../problem.ts';
import { bodyImages } from './body-images.ts';
import { bodySafety } from './body-safety.ts';
import { buildReading } from './build-reading.ts';
import { characters } from './characters.ts';
import { deliveryTowns } from './delivery-towns.ts';
import { frontMatterImages } from './front-matter-images.ts';
import { minorFirstName } from './minor-first-name.ts';
import { parseEntry, schema } from './schema.ts';
import { storyBody } from './story-body.ts';
import { unexpected, type EntryInput, type EntryRule } from './types.ts';

export type { EntryInput, EntryRule, Stage } from './types.ts';
export { unexpected } from './types.ts';

export const ENTRY_RULES: readonly EntryRule[] = [
  bodySafety,
  storyBody,
  characters,
  schema,
  buildReading,
  deliveryTowns,
  frontMatterImages,
  bodyImages,
  minorFirstName,
];

export interface EntryResult {
  /** What the body and data rules found. */
  problems: Problem[];
  /** The schema's output, when the data rules found nothing: the entry the cross-file rules see. */
  data: Record<string, unknown> | undefined;
  /** The rules that read files (images), run in the background; never rejects. */
  later: Promise<Problem[]>;
}

/** Runs the table on one entry, stage by stage. */
export function runEntryRules(input: EntryInput, rules: readonly EntryRule[] = ENTRY_RULES): EntryResult {
  const run = (rule: EntryRule, reported: readonly Problem[], parsed?: Record<string, unknown>) =>
    rule.check(input, reported, parsed) as Problem[];
  const bodyProblems: Problem[] = [];
  for (const rule of rules.filter((r) => r.stage === 'body')) bodyProblems.push(...run(rule, bodyProblems));
  const dataProblems: Problem[] = [];
  for (const rule of rules.filter((r) => r.stage === 'data')) dataProblems.push(...run(rule, dataProblems));
  const parsed = dataProblems.length === 0 ? parseEntry(input.definition, input.data) : undefined;
  const data = parsed?.success ? parsed.data : undefined;
  const later = Promise.all(
    rules
      .filter((r) => (r.stage === 'clean-body' && bodyProblems.length === 0) || (r.stage === 'clean-data' && data))
      .map((rule) => Promise.resolve(rule.check(input, [], data))),
  )
    .then((found) => found.flat())
    .catch((error: unknown) => [unexpected(input.file, error)]);
  return { problems: [...bodyProblems, ...dataProblems], data, later };
}
