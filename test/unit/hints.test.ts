/**
 * The Danish labels and hints (`src/schemas/hints.ts`) cover exactly the schemas' fields, with the
 * schemas' limits: the scaffolder's comments and the CMS read that table, so a field added to a
 * schema without a hint, or a limit changed in one place only, fails here.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, day, type CollectionName } from '../../src/schemas/index.ts';
import { COLLECTION_HINTS, FIELD_HINTS } from '../../src/schemas/hints.ts';
import { asSchema, fieldPaths, schemaOf, unwrap, type Schema } from '../schema-walk.ts';

const names = Object.keys(COLLECTIONS) as CollectionName[];

const check = (s: Schema, kind: string) => s._zod.def.checks?.find((c) => c._zod.def.check === kind)?._zod.def;

/** What a field's hint must say about its limits, from the schema. */
function requiredPhrases(field: Schema): (string | RegExp)[] {
  const def = field._zod.def;
  const phrases: (string | RegExp)[] = [];
  if (def.type === 'string') {
    const min = check(field, 'min_length')?.minimum ?? 0;
    const max = check(field, 'max_length')?.maximum;
    if (max !== undefined) phrases.push(min > 1 ? `${min}–${max} tegn` : `højst ${max} tegn`);
  }
  const numeric = def.type === 'record' && def.valueType ? unwrap(def.valueType) : field;
  if (numeric._zod.def.type === 'number') {
    const min = check(numeric, 'greater_than')?.value;
    const max = check(numeric, 'less_than')?.value;
    if (min !== undefined && max !== undefined) phrases.push(`${min}–${max}`);
  }
  if (def.type === 'array') {
    if ((check(field, 'min_length')?.minimum ?? 0) > 0) phrases.push(/mindst/i);
    if (check(field, 'max_length')) phrases.push(/højst/i);
  }
  return phrases;
}

/** Field keys that are also ordinary Danish words, and so may stand in a hint. */
const DANISH_WORDS = new Set(['logo', 'type', 'status', 'jury']);

describe('the Danish labels and hints of every field (src/schemas/hints.ts)', () => {
  it('the walk finds fields in nested objects, in lists of objects and behind transforms', () => {
    const planted = asSchema(
      z.object({
        a: z.array(z.object({ b: z.string().optional(), c: day })).optional(),
        d: z.object({ e: z.number() }).default({ e: 1 }),
      }),
    );
    expect([...fieldPaths(planted).keys()]).toEqual(['a', 'a.b', 'a.c', 'd', 'd.e']);
    expect([...fieldPaths(schemaOf('stories')).keys()]).toContain('people.guardianConsentRef');
    expect([...fieldPaths(schemaOf('prizes')).keys()]).toContain('nomination.deadline');
  });

  it('the limits rule reads the schemas: a planted limit the hint does not name is found', () => {
    expect(requiredPhrases(asSchema(z.string().trim().min(1).max(77)))).toEqual(['højst 77 tegn']);
    expect(requiredPhrases(asSchema(z.string().min(2).max(9)))).toEqual(['2–9 tegn']);
    expect(requiredPhrases(asSchema(z.number().int().min(0).max(5)))).toEqual(['0–5']);
    expect(requiredPhrases(asSchema(z.record(z.string(), z.number().min(1).max(3))))).toEqual(['1–3']);
    expect(requiredPhrases(asSchema(z.array(z.string()).min(2).max(6)))).toEqual([/mindst/i, /højst/i]);
  });

  it.each(names)('%s: a label and a hint for exactly the fields of the schema, and the body', (name) => {
    const expected = [...fieldPaths(schemaOf(name)).keys()];
    if (COLLECTIONS[name].type === 'folder') expected.push('body');
    expect(Object.keys(FIELD_HINTS[name]).sort()).toEqual(expected.sort());
  });

  it.each(names)('%s: each hint names the limits of its schema', (name) => {
    const missing = [...fieldPaths(schemaOf(name))].flatMap(([path, field]) => {
      const hint = FIELD_HINTS[name][path]?.hint ?? '';
      return requiredPhrases(field)
        .filter((phrase) => (typeof phrase === 'string' ? !hint.includes(phrase) : !phrase.test(hint)))
        .map((phrase) => `${path}: »${hint}« nævner ikke ${String(phrase)}`);
    });
    expect(missing).toEqual([]);
  });

  it.each(names)('%s: short labels, one-line hints as sentences, no field keys or true/false', (name) => {
    const keys = new Set(Object.keys(FIELD_HINTS[name]).flatMap((path) => path.split('.')));
    const collection = COLLECTION_HINTS[name];
    expect(collection.label && collection.singular && collection.description).toBeTruthy();
    expect(collection.description).toMatch(/^[\p{Lu}»].*\.$/u);
    const problems = Object.entries(FIELD_HINTS[name]).flatMap(([path, { label, hint }]) => {
      const found: string[] = [];
      if (!label || label.length > 60) found.push(`${path}: etiketten »${label}« skal være kort`);
      if (hint === undefined) return found;
      if (!/^[\p{Lu}»0-9].*[.?]$/su.test(hint)) found.push(`${path}: »${hint}« er ikke en sætning`);
      if (/[\n\r]/.test(hint)) found.push(`${path}: flere linjer`);
      for (const word of hint.match(/[A-Za-z]+/g) ?? [])
        if (/^(true|false)$/.test(word) || (keys.has(word) && !DANISH_WORDS.has(word)))
          found.push(`${path}: »${word}« i »${hint}«`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('the consent fields say what consent is, the record number, minors and withdrawal', () => {
    const story = FIELD_HINTS.stories;
    expect(story['people']?.hint).toMatch(/nævnes ved navn, citeres eller kan genkendes/);
    expect(story['people.consent']?.hint).toMatch(/skriftligt samtykke.*fremtiden/);
    expect(story['people.consentRef']?.hint).toMatch(/journal.*SAM-\d{4}-\d{3}/);
    expect(story['people.minor']?.hint).toMatch(/under 18.*forældres eller værges samtykke/);
    expect(story['people.guardianConsentRef']?.hint).toMatch(/udfyldes for en person under 18/);
    expect(story['consentWithdrawn']?.hint).toMatch(/afpubliceres/);
  });
});
