import { valueAt } from '../bounds.ts';
import { checkerHelpers } from '../markers.ts';
import { schemaIssueFields, type Problem } from '../problem.ts';
import type { CollectionDefinition } from '../../../schemas/index.ts';
import type { EntryRule } from './types.ts';

/**
 * Each collection's schema, built once: zod compiles a schema on first use, and building one per
 * entry made that compile most of the checker's time at a thousand entries.
 */
const built = new WeakMap<CollectionDefinition, ReturnType<CollectionDefinition['schema']>>();
function schemaOf(definition: CollectionDefinition): ReturnType<CollectionDefinition['schema']> {
  let schema = built.get(definition);
  if (!schema) {
    schema = definition.schema(checkerHelpers);
    built.set(definition, schema);
  }
  return schema;
}

/** The collection's schema (the one Astro uses) over the entry, or its issues. */
export function parseEntry(
  definition: CollectionDefinition,
  data: unknown,
):
  | { success: true; data: Record<string, unknown> }
  | { success: false; issues: import('astro/zod').z.core.$ZodIssue[] } {
  const result = schemaOf(definition).safeParse(data);
  return result.success
    ? { success: true, data: result.data as Record<string, unknown> }
    : { success: false, issues: result.error.issues };
}

export const quoteMessage = (field: string, value: string): string => {
  const name = field.replace(/^.*[.\]]/, '');
  return `værdien skal være tekst, men uden anførselstegn læses den som et tal, en dato eller sand/falsk. Skriv værdien i anførselstegn: ${name}: "${value}"`;
};

export const schema: EntryRule = {
  name: 'schema',
  description: "Every field as the collection's schema says (shared with Astro), each issue under its field.",
  stage: 'data',
  check({ definition, data, prefix, file }) {
    const result = parseEntry(definition, data);
    if (result.success) return [];
    const problems: Problem[] = [];
    for (const issue of result.issues) {
      const value = valueAt(data, issue.path);
      const quote =
        issue.code === 'invalid_type' &&
        issue.expected === 'string' &&
        (typeof value === 'number' || typeof value === 'boolean');
      for (const { field, message } of schemaIssueFields([issue], prefix))
        problems.push({ file, field, message: quote ? quoteMessage(field, String(value)) : message });
    }
    return problems;
  },
};
