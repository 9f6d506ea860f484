/**
 * Rules that need more than one file, one module each, in one table (as withastro/docs lists
 * its link checks): a new rule is a file here and a line below, with its own unit test in
 * test/unit/rules.test.ts.
 */
import type { Problem } from '../problem.ts';
import { catalogueCompanies } from './catalogue-companies.ts';
import { prizeCriteria } from './prize-criteria.ts';
import { prizeYears } from './prize-years.ts';
import { references } from './references.ts';
import { selfCheck } from './self-check.ts';
import { textKeys } from './text-keys.ts';
import type { CrossFileRule, RuleContext } from './types.ts';
import { urls } from './urls.ts';

export type { CheckedEntry, CrossFileRule, Entries, RuleContext } from './types.ts';

export const CROSS_FILE_RULES: readonly CrossFileRule[] = [
  references,
  catalogueCompanies,
  prizeCriteria,
  prizeYears,
  urls,
  textKeys,
  selfCheck,
];

/** Every cross-file rule over the parsed entries. */
export function crossFileRules(entries: RuleContext['entries'], ids: RuleContext['ids']): Problem[] {
  return CROSS_FILE_RULES.flatMap((rule) => rule.check({ entries, ids }));
}
