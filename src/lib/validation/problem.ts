/** One thing wrong with one file, in the form editors read: `path: field: message`. */
export interface Problem {
  /** Path from the project root, with forward slashes, e.g. `src/content/stories/x.md`. */
  file: string;
  /** The field, e.g. `people[0].consentRef`; `filnavn`, `fil`, `frontmatter` or `body` for the file itself. */
  field: string;
  /** What is wrong and how to fix it, in Danish. */
  message: string;
}

/** Turns a zod-style path into `people[0].consentRef`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(filen)';
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

/** Problems in file order, so a report reads top to bottom like the folder. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file, 'en') || a.field.localeCompare(b.field, 'en'));
}

interface SchemaIssue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** Schema issues as `{ field, message }`; an unknown key is reported under its own name. */
export function schemaIssueFields(
  issues: readonly SchemaIssue[],
  prefix: readonly PropertyKey[] = [],
): { field: string; message: string }[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({
          field: formatPath([...prefix, ...issue.path, key]),
          message: `ukendt felt. Tjek stavningen (se felterne i CONTRIBUTING.md), eller fjern det`,
        }))
      : [{ field: formatPath([...prefix, ...issue.path]), message: issue.message }],
  );
}
