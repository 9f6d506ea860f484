/**
 * The checker's cross-file rules: each a small module with a name, what it guards, and a check
 * over every parsed entry. `index.ts` lists them in one table.
 */
import type { CollectionName } from '../../../schemas/shared.ts';
import { formatPath, type Problem } from '../problem.ts';

/** One entry as the checker parsed it. */
export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  /** Path from the project root. */
  file: string;
  /** Field prefix for entries of a YAML list, e.g. `[2]`. */
  fieldPrefix: PropertyKey[];
  data: Record<string, unknown>;
}

export type Entries = Map<CollectionName, CheckedEntry[]>;

export interface RuleContext {
  /** Entries that parsed, by collection. */
  entries: Entries;
  /**
   * Every id that has a file, valid or not: a reference to a file with its own problem is not
   * reported a second time. A collection missing here could not be read at all.
   */
  ids: Map<CollectionName, Set<string>>;
}

export interface CrossFileRule {
  /** Kebab-case name, as in the table and the tests. */
  name: string;
  /** What an editor would get wrong without it. */
  description: string;
  check(context: RuleContext): Problem[];
}

/** The field path of an entry, with the list prefix of a YAML entry (`[2].company`). */
export const field = (entry: CheckedEntry, path: PropertyKey[]): string => formatPath([...entry.fieldPrefix, ...path]);
