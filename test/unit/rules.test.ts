/**
 * The checker's cross-file rules, one describe per module in src/lib/validation/rules/, on typed
 * entries made here: each rule passes good entries and names file and field for a bad one.
 */
import { describe, expect, it } from 'vitest';
import { Ref } from '../../src/lib/validation/markers.ts';
import { CROSS_FILE_RULES, type CheckedEntry, type Entries } from '../../src/lib/validation/rules/index.ts';
import type { CollectionName } from '../../src/schemas/index.ts';

const entry = (
  collection: CollectionName,
  id: string,
  data: Record<string, unknown>,
  fieldPrefix: PropertyKey[] = [],
): CheckedEntry => ({
  collection,
  id,
  file: fieldPrefix.length ? `src/content/${collection}.yaml` : `src/content/${collection}/${id}.md`,
  fieldPrefix,
  data,
});
const company = (id: string, kind = 'social-economy') => entry('companies', id, { name: id, kind });
const ref = (collection: CollectionName, id: string) => new Ref(collection, id);

function run(name: string, list: CheckedEntry[]) {
  const rule = CROSS_FILE_RULES.find((r) => r.name === name);
  if (!rule) throw new Error(`ingen regel ${name}`);
  const entries: Entries = new Map();
  for (const e of list) entries.set(e.collection, [...(entries.get(e.collection) ?? []), e]);
  const ids = new Map([...entries].map(([c, l]) => [c, new Set(l.map((e) => e.id))]));
  return rule.check({ entries, ids }).map((p) => `${p.file}: ${p.field}: ${p.message}`);
}

describe('the table', () => {
  it('lists each rule once, with a description', () => {
    expect(CROSS_FILE_RULES.map((r) => r.name)).toEqual([
      'references',
      'catalogue-companies',
      'prize-criteria',
      'prize-years',
      'urls',
      'text-keys',
      'self-check',
    ]);
    for (const rule of CROSS_FILE_RULES) expect(rule.description.length, rule.name).toBeGreaterThan(20);
  });
});

describe('references', () => {
  const offering = (companyId: string) =>
    entry('offerings', 'cykler', { company: ref('companies', companyId), category: ref('categories', 'genbrug') });
  it('passes a reference that resolves', () => {
    expect(
      run('references', [
        company('groent-vaerksted'),
        entry('categories', 'genbrug', { id: 'genbrug' }, [0]),
        offering('groent-vaerksted'),
      ]),
    ).toEqual([]);
  });
  it('names file, field and the missing id, and suggests the near one', () => {
    expect(
      run('references', [
        company('groent-vaerksted'),
        entry('categories', 'genbrug', { id: 'genbrug' }, [0]),
        offering('groent-verksted'),
      ]),
    ).toEqual([
      'src/content/offerings/cykler.md: company: "groent-verksted" findes ikke i companies (src/content/companies/<id>.md). Mente du "groent-vaerksted"?',
    ]);
  });
});

describe('catalogue-companies', () => {
  it('refuses an offering sold by a private company, and passes a social-economy one', () => {
    const offering = entry('offerings', 'smedning', { company: ref('companies', 'smedie') });
    expect(run('catalogue-companies', [company('smedie', 'private'), offering])).toEqual([
      expect.stringMatching(
        /^src\/content\/offerings\/smedning\.md: company: "smedie" er ikke en socialøkonomisk virksomhed \(kind: private\)/,
      ),
    ]);
    expect(run('catalogue-companies', [company('smedie'), offering])).toEqual([]);
  });
});

describe('prize-criteria', () => {
  const criterion = (id: string, weight: number, i: number) => entry('prize-criteria', id, { id, weight }, [i]);
  it('refuses weights that do not sum to 100, and passes those that do', () => {
    expect(run('prize-criteria', [criterion('a', 60, 0), criterion('b', 30, 1)])).toEqual([
      expect.stringMatching(/weight: vægtene summerer til 90/),
    ]);
    expect(run('prize-criteria', [criterion('a', 60, 0), criterion('b', 40, 1)])).toEqual([]);
  });
  it('asks for criteria once there is a prize year', () => {
    expect(run('prize-criteria', [entry('prizes', '2025', { year: 2025 })])).toEqual([
      expect.stringMatching(/kriterierne for CSR-prisen mangler/),
    ]);
  });
});

describe('prize-years', () => {
  const criteria = [entry('prize-criteria', 'a', { id: 'a', weight: 100 }, [0])];
  const prize = (data: Record<string, unknown>) => entry('prizes', '2025', { year: 2025, ...data });
  it('passes a nominee scored on every criterion who wins', () => {
    expect(
      run('prize-years', [
        ...criteria,
        prize({ nominees: [{ company: ref('companies', 'x'), scores: { a: 4 } }], winners: [ref('companies', 'x')] }),
      ]),
    ).toEqual([]);
  });
  it('refuses a year unlike the file name, a double nomination, a missing and an extra score, and a winner who was not nominated', () => {
    const problems = run('prize-years', [
      ...criteria,
      prize({
        year: 2024,
        nominees: [
          { company: ref('companies', 'x'), scores: {} },
          { company: ref('companies', 'x'), scores: { a: 3, b: 2 } },
        ],
        winners: [ref('companies', 'y')],
      }),
    ]);
    expect(problems.map((p) => p.split(': ')[1])).toEqual([
      'year',
      'nominees[0].scores',
      'nominees[1].company',
      'nominees[1].scores.b',
      'winners[0]',
    ]);
  });
});

describe('prize-years: the nomination window', () => {
  const prize = (data: Record<string, unknown>) => entry('prizes', '2027', { year: 2027, winners: [], ...data });
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it('passes a year with a window and no nominees yet, and one whose deadline is the day it opens', () => {
    expect(
      run('prize-years', [
        prize({ nomination: { opens: day('2027-03-01'), deadline: day('2027-09-30') }, ceremony: day('2028-01-27') }),
      ]),
    ).toEqual([]);
    expect(
      run('prize-years', [prize({ nomination: { opens: day('2027-09-30'), deadline: day('2027-09-30') } })]),
    ).toEqual([]);
  });
  it('refuses a year with neither nominees nor a window, and says how to fix it', () => {
    expect(run('prize-years', [prize({ nominees: [] })])).toEqual([
      expect.stringMatching(
        /^src\/content\/prizes\/2027\.md: nominees: der er ingen nominerede\. .*nomination: \{ opens: ÅÅÅÅ-MM-DD, deadline: ÅÅÅÅ-MM-DD \}/,
      ),
    ]);
    expect(run('prize-years', [prize({})])).toHaveLength(1);
  });
  it('refuses a deadline before the window opens, and a deadline after the ceremony', () => {
    expect(
      run('prize-years', [
        prize({ nomination: { opens: day('2027-09-01'), deadline: day('2027-03-01') }, ceremony: day('2027-02-01') }),
      ]),
    ).toEqual([
      'src/content/prizes/2027.md: nomination.deadline: fristen (2027-03-01) ligger før indstillingerne åbner (opens: 2027-09-01). Ret datoerne, så opens er samme dag som eller før deadline',
      'src/content/prizes/2027.md: nomination.deadline: fristen (2027-03-01) ligger efter prisoverrækkelsen (ceremony: 2027-02-01). Sæt fristen før overrækkelsen',
    ]);
  });
  it('refuses a winner in a year without nominees', () => {
    expect(
      run('prize-years', [
        prize({
          nomination: { opens: day('2027-03-01'), deadline: day('2027-09-30') },
          winners: [ref('companies', 'x')],
        }),
      ]),
    ).toEqual([expect.stringMatching(/winners\[0\]: "x" er ikke blandt de nominerede/)]);
  });
});

describe('urls', () => {
  it('refuses two files on one URL, an old slug that is the file itself, and a fixed route', () => {
    const problems = run('urls', [
      entry('stories', 'ny', {}),
      entry('stories', 'gammel', { redirectFrom: ['ny'] }),
      entry('stories', 'selv', { redirectFrom: ['selv'] }),
      entry('pages', 'katalog', {}),
    ]);
    expect(problems).toEqual([
      'src/content/pages/katalog.md: filnavn: adressen /katalog/ er optaget af webstedet selv. Vælg et andet navn',
      'src/content/stories/gammel.md: redirectFrom[0]: adressen /historier/ny/ bruges også af src/content/stories/ny.md (filnavn). Hver adresse må kun høre til én fil',
      'src/content/stories/selv.md: redirectFrom[0]: "selv" er filens eget navn og kan ikke også stå i redirectFrom. Fjern det',
    ]);
  });
  it('passes distinct slugs and old slugs', () => {
    expect(run('urls', [entry('stories', 'ny', { redirectFrom: ['gammel'] }), entry('companies', 'ny', {})])).toEqual(
      [],
    );
  });
});

describe('text-keys', () => {
  it('refuses a page text whose name is no page, naming the valid names', () => {
    const problems = run('text-keys', [entry('texts', 'forside', {}), entry('texts', 'om-os', {})]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^src\/content\/texts\/om-os\.md: filnavn: "om-os" er ikke en side med egen tekst.*bliv-vist\.md/,
    );
  });
});

describe('self-check', () => {
  const criterion = (id: string, i: number) => entry('prize-criteria', id, { id, title: id, weight: 50 }, [i]);
  const question = (id: string, criterionId: string, i: number) =>
    entry('self-check-questions', id, { id, criterion: ref('prize-criteria', criterionId) }, [i]);
  const stage = (id: string, from: number, i: number) => entry('self-check-stages', id, { id, from }, [i]);
  const criteria = [criterion('ansaettelse', 0), criterion('samarbejde', 1)];
  const questions = [question('a', 'ansaettelse', 0), question('b', 'samarbejde', 1)];

  it('passes a whole self-check, and a site without one', () => {
    expect(run('self-check', [...criteria, ...questions, stage('start', 0, 0), stage('videre', 50, 1)])).toEqual([]);
    expect(run('self-check', criteria)).toEqual([]);
  });

  it('names a criterion without a question, since no company could then reach 100', () => {
    const problems = run('self-check', [...criteria, questions[0]!, stage('start', 0, 0)]);
    expect(problems).toEqual([
      'src/content/self-check-questions.yaml: (filen): kriteriet "samarbejde" (samarbejde) har intet spørgsmål, så det altid ville give 0 point, og ingen kunne nå 100. Tilføj et spørgsmål med criterion: samarbejde',
    ]);
  });

  it('asks for the stages when there are questions, and for questions when there are stages', () => {
    expect(run('self-check', [...criteria, ...questions])).toEqual([
      expect.stringMatching(
        /^src\/content\/self-check-stages\.yaml: \(filen\): selvtjekket har spørgsmål, men ingen trin/,
      ),
    ]);
    expect(run('self-check', [...criteria, stage('start', 0, 0)])).toEqual([
      expect.stringMatching(
        /^src\/content\/self-check-questions\.yaml: \(filen\): selvtjekket har trin, men ingen spørgsmål/,
      ),
    ]);
  });

  it('wants the first stage at 0 and each next one higher, naming the stage and its field', () => {
    const problems = run('self-check', [
      ...criteria,
      ...questions,
      stage('start', 10, 0),
      stage('videre', 50, 1),
      stage('samme', 50, 2),
      stage('lavere', 20, 3),
    ]);
    expect(problems).toEqual([
      'src/content/self-check-stages.yaml: [0].from: det første trin skal starte ved 0 point, men starter ved 10, så en virksomhed med færre point ville stå uden trin. Skriv from: 0',
      'src/content/self-check-stages.yaml: [2].from: trinet "samme" starter ved 50 point, men trinet før ("videre") starter ved 50. Skriv trinene i stigende rækkefølge med hver sin grænse, fx from: 51 eller mere',
      'src/content/self-check-stages.yaml: [3].from: trinet "lavere" starter ved 20 point, men trinet før ("samme") starter ved 50. Skriv trinene i stigende rækkefølge med hver sin grænse, fx from: 51 eller mere',
    ]);
  });

  it('leaves a question about an unknown criterion to the references rule, with a suggestion', () => {
    const problems = run('references', [...criteria, question('c', 'samarbejd', 2)]);
    expect(problems).toEqual([
      'src/content/self-check-questions.yaml: [2].criterion: "samarbejd" findes ikke i prize-criteria (src/content/prize-criteria.yaml). Mente du "samarbejde"?',
    ]);
  });
});
