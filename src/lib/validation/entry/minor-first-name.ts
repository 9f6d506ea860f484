/**
 * The contract (docs/content-model.md): a minor (`minor: true`) is named by first name only in
 * the story. The name in `people` must be one given name, and nowhere in the story's text may
 * that name be followed by what could be a surname.
 */
import type { Problem } from '../problem.ts';
import type { EntryRule } from './types.ts';

/** One given name: letters, with hyphens or apostrophes inside ("Anne-Sofie", "D'Angelo"), no spaces. */
const ONE_NAME = /^\p{L}+(?:[-'’]\p{L}+)*$/u;

/** The fields of a story whose text a reader sees next to the body. */
const TEXT_FIELDS = ['title', 'lede', 'imageAlt', 'imageCredit'] as const;

/**
 * Capitalised words that often follow a name inside a sentence without being a surname
 * ("Emil I dag …" is unlikely, but "Spørg Emil Om …" in a heading is not): kept short, since
 * a surname among them would be missed.
 */
const NOT_SURNAMES = new Set(['Og', 'I', 'På', 'Om', 'Til', 'Med', 'Fra', 'Det', 'Den', 'De', 'Der', 'Han', 'Hun']);

interface Person {
  name?: unknown;
  minor?: unknown;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where `first` is followed, on the same line, by a capitalised word: the full phrase, e.g.
 * "Emil Rask". `allowed` are full names of other (adult) people in the story that begin with
 * the same word, which are not the minor.
 */
export function surnameAfter(
  text: string,
  first: string,
  allowed: readonly string[],
): { phrase: string; index: number }[] {
  const found: { phrase: string; index: number }[] = [];
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}-])${escape(first)}(?:[ \\t\\u00a0]+)(\\p{Lu}[\\p{L}'’]*(?:-\\p{L}+)*)`,
    'gu',
  );
  for (const m of text.matchAll(re)) {
    const next = m[1] ?? '';
    if (NOT_SURNAMES.has(next)) continue;
    const phrase = `${first} ${next}`;
    const rest = text.slice(m.index);
    if (allowed.some((name) => rest.replace(/[ \t\u00a0]+/g, ' ').startsWith(name))) continue;
    found.push({ phrase, index: m.index });
  }
  return found;
}

export const minorFirstName: EntryRule = {
  name: 'minor-first-name',
  description: 'A minor (minor: true) is named by one first name only, in people and in the whole story.',
  stage: 'clean-data',
  check({ collection, file, body }, _reported, parsed) {
    if (collection !== 'stories' || !parsed) return [];
    const people = Array.isArray(parsed['people']) ? (parsed['people'] as Person[]) : [];
    const problems: Problem[] = [];
    people.forEach((person, i) => {
      if (person.minor !== true || typeof person.name !== 'string') return;
      const name = person.name.trim();
      if (!ONE_NAME.test(name)) {
        problems.push({
          file,
          field: `people[${i}].name`,
          message: `${name} er under 18 år og må kun nævnes ved fornavn. Skriv kun fornavnet (fx "${name.split(/\s+/)[0]}"), også i historiens tekst`,
        });
        return;
      }
      const adults = people
        .filter((p) => p.minor !== true && typeof p.name === 'string' && p.name.startsWith(`${name} `))
        .map((p) => String(p.name));
      for (const field of TEXT_FIELDS) {
        const value = parsed[field];
        if (typeof value !== 'string') continue;
        for (const { phrase } of surnameAfter(value, name, adults))
          problems.push({
            file,
            field,
            message: `»${phrase}«: ${name} er under 18 år og må kun nævnes ved fornavn. Fjern efternavnet`,
          });
      }
      if (body)
        for (const { phrase, index } of surnameAfter(body.text, name, adults)) {
          const line = body.line + (body.text.slice(0, index).match(/\n/g)?.length ?? 0);
          problems.push({
            file,
            field: 'body',
            message: `linje ${line}: »${phrase}«: ${name} er under 18 år og må kun nævnes ved fornavn. Fjern efternavnet`,
          });
        }
    });
    return problems;
  },
};
