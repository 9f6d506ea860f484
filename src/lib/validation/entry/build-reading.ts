import { valueAt } from '../bounds.ts';
import { formatPath, type Problem } from '../problem.ts';
import { parseEntry, quoteMessage } from './schema.ts';
import type { EntryRule } from './types.ts';

/**
 * Where Astro's YAML reader (default schema) gives a value a schema refuses although the
 * checker's strict reading accepts it — an unquoted `consentRef: 2026-03-01` becomes a Date.
 * Reported with how to quote it, so the checker never passes what the build stops on.
 */
export const buildReading: EntryRule = {
  name: 'build-reading',
  description: 'What the build reads as a date, number or true/false where the schema wants text is quoted.',
  stage: 'data',
  check({ definition, data, buildData, prefix, file }, reported) {
    if (buildData === undefined) return [];
    const result = parseEntry(definition, buildData);
    if (result.success) return [];
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const issue of result.issues) {
      const strict = valueAt(data, issue.path);
      const build = valueAt(buildData, issue.path);
      if (typeof strict !== 'string' || typeof build === 'string') continue;
      const field = formatPath([...prefix, ...issue.path]);
      if (seen.has(field) || reported.some((p) => p.file === file && p.field === field)) continue;
      seen.add(field);
      problems.push({ file, field, message: quoteMessage(field, strict) });
    }
    return problems;
  },
};
