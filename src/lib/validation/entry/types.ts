/**
 * The checker's rules for one entry (a Markdown/MDX file, or one item of a YAML list): each a
 * small module with a name, what it guards, and when it runs, listed in one table in `index.ts`.
 */
import type { CollectionDefinition, CollectionName } from '../../../schemas/index.ts';
import type { Problem } from '../problem.ts';

export interface EntryInput {
  collection: CollectionName;
  definition: CollectionDefinition;
  /** Path of the file from the site root, as problems name it. */
  file: string;
  /** Absolute path of the file (images are found relative to it). */
  absolute: string;
  root: string;
  contentDir: string;
  /** Field prefix for an item of a YAML list, e.g. `[2]`. */
  prefix: PropertyKey[];
  /** Front matter or item as the checker reads YAML (dates stay text). */
  data: unknown;
  /** The same as Astro's YAML reader gives it, where it differs in kind. */
  buildData: unknown;
  /** The body of a Markdown or MDX file; YAML items have none. */
  body?: { text: string; line: number; mdx: boolean };
  /**
   * Judges an image the entry uses, as {@link import('../images.ts').checkImageFile} does: the
   * checker passes one that notes which images a file's outcome depends on (see memo.ts).
   */
  checkImage?: (absolutePath: string, shownAs: string) => Promise<string[]>;
}

/**
 * When a rule runs: `body` and `data` rules always; `clean-body` only when no body rule found a
 * problem (no second render of a refused body); `clean-data` only on data the schema accepted,
 * which it receives parsed.
 */
export type Stage = 'body' | 'data' | 'clean-body' | 'clean-data';

export interface EntryRule {
  /** Kebab-case name, as in the table and the tests. */
  name: string;
  /** What an editor would get wrong without it. */
  description: string;
  stage: Stage;
  /**
   * @param reported what earlier rules of this entry reported (a rule may leave a field alone
   * that already has a problem)
   * @param parsed the schema's output, for `clean-data` rules
   */
  check(
    input: EntryInput,
    reported: readonly Problem[],
    parsed: Record<string, unknown> | undefined,
  ): Problem[] | Promise<Problem[]>;
}

/** An exception while checking one file becomes a line naming it, so it never hides the others. */
export function unexpected(shown: string, error: unknown): Problem {
  const reason = error instanceof RangeError ? 'filen er for indviklet (for dyb eller for stor)' : String(error);
  return {
    file: shown,
    field: 'fil',
    message: `kunne ikke læses: ${reason.slice(0, 200)}. Tjek at filen er almindelig tekst som i eksemplerne i CONTRIBUTING.md`,
  };
}
