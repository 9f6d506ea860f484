/**
 * The checker's rules for one entry, one describe per module in src/lib/validation/entry/, on
 * inputs made here (the walker that finds and reads files is tested in check-content.test.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY_RULES, runEntryRules, type EntryInput } from '../../src/lib/validation/entry/index.ts';
import { COLLECTIONS } from '../../src/schemas/index.ts';
import { projectRoot } from '../helpers.ts';

const root = path.join(projectRoot, 'test', 'fixtures', 'valid');
const contentDir = path.join(root, 'src', 'content');
const story = {
  title: 'Værkstedet vokser',
  lede: 'En kort indledning.',
  published: '2026-03-14',
  companies: ['groent-vaerksted'],
  pillars: [1],
  image: './images/vaerkstedet.jpg',
  imageAlt: 'En lyseblå flade',
  imageCredit: 'Foto: Test',
  people: [{ name: 'Anna Holm', consent: '2026-03-01', consentRef: 'SAM-2026-014' }],
};
const storyInput = (
  data: Record<string, unknown> = story,
  body = 'Anna fortæller.',
  buildData?: unknown,
): EntryInput => ({
  collection: 'stories',
  definition: COLLECTIONS.stories,
  file: 'src/content/stories/x.md',
  absolute: path.join(contentDir, 'stories', 'x.md'),
  root,
  contentDir,
  prefix: [],
  data,
  buildData: buildData ?? data,
  body: { text: body, line: 14, mdx: false },
});
const offering = {
  title: 'Cykelreparation',
  company: 'groent-vaerksted',
  type: 'service',
  category: 'genbrug',
  summary: 'Vi reparerer cykler.',
  audiences: ['businesses'],
  deliveryArea: 'Høng og Gørlev',
};
const offeringInput = (deliversTo: unknown): EntryInput => {
  const data = { ...offering, deliversTo };
  return {
    collection: 'offerings',
    definition: COLLECTIONS.offerings,
    file: 'src/content/offerings/x.md',
    absolute: path.join(contentDir, 'offerings', 'x.md'),
    root,
    contentDir,
    prefix: [],
    data,
    buildData: data,
    body: { text: 'Tekst.', line: 12, mdx: false },
  };
};
const rule = (name: string) => {
  const found = ENTRY_RULES.find((r) => r.name === name);
  if (!found) throw new Error(`ingen regel ${name}`);
  return found;
};
const check = async (name: string, input: EntryInput) =>
  (await rule(name).check(input, [], name.endsWith('images') ? (runEntryRules(input).data ?? {}) : undefined)).map(
    (p) => `${p.field}: ${p.message}`,
  );

describe('the table', () => {
  it('lists each rule once, with a stage and a description', () => {
    expect(ENTRY_RULES.map((r) => `${r.name}:${r.stage}`)).toEqual([
      'body-safety:body',
      'story-body:body',
      'characters:data',
      'schema:data',
      'build-reading:data',
      'delivery-towns:data',
      'front-matter-images:clean-data',
      'body-images:clean-body',
      'minor-first-name:clean-data',
    ]);
    for (const r of ENTRY_RULES) expect(r.description.length, r.name).toBeGreaterThan(20);
  });
});

describe('each rule', () => {
  it('body-safety: a script in the body, with its line', async () => {
    expect(await check('body-safety', storyInput(story, 'Tekst\n\n<script>alert(1)</script>'))).toEqual([
      expect.stringMatching(/^body: linje 16: <script> er ikke tilladt/),
    ]);
    expect(await check('body-safety', storyInput())).toEqual([]);
  });
  it('story-body: a story without text', async () => {
    expect(await check('story-body', storyInput(story, '  \n'))).toEqual([
      expect.stringMatching(/^body: historien har ingen tekst/),
    ]);
  });
  it('characters: a control character in a value, with its field', async () => {
    expect(await check('characters', storyInput({ ...story, title: 'Værkstedet\u0001 vokser' }))).toEqual([
      expect.stringMatching(/^title: /),
    ]);
  });
  it('schema: a missing field, under its name', async () => {
    const withoutCredit: Record<string, unknown> = { ...story };
    delete withoutCredit['imageCredit'];
    expect(await check('schema', storyInput(withoutCredit))).toEqual([expect.stringMatching(/^imageCredit: /)]);
  });
  it('build-reading: a date where the build wants text is told to quote it', async () => {
    const build = { ...story, people: [{ ...story.people[0], consentRef: new Date('2026-03-01') }] };
    expect(
      await check(
        'build-reading',
        storyInput({ ...story, people: [{ ...story.people[0], consentRef: '2026-03-01' }] }, 'x', build),
      ),
    ).toEqual([
      'people[0].consentRef: værdien skal være tekst, men uden anførselstegn læses den som et tal, en dato eller sand/falsk. Skriv værdien i anførselstegn: consentRef: "2026-03-01"',
    ]);
  });
  it('front-matter-images: a photo that does not exist', async () => {
    expect(await check('front-matter-images', storyInput({ ...story, image: './images/findes-ikke.jpg' }))).toEqual([
      expect.stringMatching(/^image: /),
    ]);
    expect(await check('front-matter-images', storyInput())).toEqual([]);
  });
  it('body-images: a body image that does not exist', async () => {
    expect(await check('body-images', storyInput(story, '![Foto](./images/findes-ikke.jpg)'))).toEqual([
      expect.stringMatching(/^body: billedet \.\/images\/findes-ikke\.jpg: /),
    ]);
  });
});

describe('minor-first-name', () => {
  const minor = (name: string, extra: Record<string, unknown> = {}) => ({
    ...story,
    ...extra,
    people: [
      { name: 'Søren Brix', consent: '2026-03-01', consentRef: 'SAM-2026-014' },
      { name, consent: '2026-03-01', consentRef: 'SAM-2026-015', minor: true, guardianConsentRef: 'SAM-2026-016' },
    ],
  });
  const minorCheck = async (data: Record<string, unknown>, body = 'Emil fortæller.') => {
    const input = storyInput(data, body);
    const parsed = runEntryRules(input).data;
    expect(parsed, 'the schema accepts the sample').toBeDefined();
    return (await rule('minor-first-name').check(input, [], parsed)).map((p) => `${p.field}: ${p.message}`);
  };

  it('passes a minor named by first name, also a hyphenated one, at sentence starts and before lower-case words', async () => {
    expect(
      await minorCheck(
        minor('Emil'),
        'Emil er 15 år.\n\n»Det er sjovt,« siger Emil. Han kommer igen.\n\nSøren Brix og Emil. I dag Emil Og Søren.',
      ),
    ).toEqual([]);
    expect(await minorCheck(minor('Anne-Sofie'), 'Anne-Sofie går i 8. klasse, og Anne-Sofie Og Emil ...')).toEqual([]);
    // Heading, then a new line that starts with a capital: not a surname.
    expect(await minorCheck(minor('Emil'), '## Emil\nHver lørdag ...')).toEqual([]);
    // A story without a minor is never looked at.
    expect(await minorCheck(story, 'Anna Holm fortæller.')).toEqual([]);
  });

  it("refuses a minor's full name in people", async () => {
    expect(await minorCheck(minor('Emil Rask Nørgaard'))).toEqual([
      'people[1].name: Emil Rask Nørgaard er under 18 år og må kun nævnes ved fornavn. Skriv kun fornavnet (fx "Emil"), også i historiens tekst',
    ]);
  });

  it('refuses the first name followed by a surname in title, lede, photo text and body, with the line', async () => {
    expect(
      await minorCheck(
        minor('Ali', {
          title: 'Ali Hassan fandt sin plads',
          lede: '15-årige Ali Hassan-Berg var i praktik.',
          imageAlt: 'Ali ved cyklen',
          imageCredit: 'Foto: Ali Hassan',
        }),
        'Første linje.\n\nDa Ali\u00a0Hassan kom, sagde Ali: »Hej.«',
      ),
    ).toEqual([
      'title: »Ali Hassan«: Ali er under 18 år og må kun nævnes ved fornavn. Fjern efternavnet',
      'lede: »Ali Hassan-Berg«: Ali er under 18 år og må kun nævnes ved fornavn. Fjern efternavnet',
      'imageCredit: »Ali Hassan«: Ali er under 18 år og må kun nævnes ved fornavn. Fjern efternavnet',
      'body: linje 16: »Ali Hassan«: Ali er under 18 år og må kun nævnes ved fornavn. Fjern efternavnet',
    ]);
  });

  it('does not take an adult with the same first name for the minor, nor a longer word for the name', async () => {
    const data = {
      ...minor('Emil'),
      people: [
        { name: 'Emil Hansen', consent: '2026-03-01', consentRef: 'SAM-2026-014' },
        { name: 'Emil', consent: '2026-03-01', consentRef: 'SAM-2026-015', minor: true, guardianConsentRef: 'X-1' },
      ],
    };
    expect(await minorCheck(data, 'Værkstedsleder Emil Hansen og Emilie Berg viser Emil rundt.')).toEqual([]);
    expect(await minorCheck(data, 'Emil Rask kom.')).toEqual([
      'body: linje 14: »Emil Rask«: Emil er under 18 år og må kun nævnes ved fornavn. Fjern efternavnet',
    ]);
  });
});

describe('deliversTo on an offering', () => {
  const both = async (deliversTo: unknown) => [
    ...(await check('schema', offeringInput(deliversTo))),
    ...(await check('delivery-towns', offeringInput(deliversTo))),
  ];
  it('accepts the whole municipality, or towns from the site config', async () => {
    expect(await both({ municipality: true })).toEqual([]);
    expect(await both({ towns: ['Høng', 'Jerslev Sjælland'] })).toEqual([]);
  });
  it('delivery-towns: a town not in the site config, with the closest and the valid ones', async () => {
    const problems = await check('delivery-towns', offeringInput({ towns: ['Høng', 'Hong', 'Jerslev', 'Paris'] }));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^deliversTo\.towns\[1\]: "Hong" er ikke en af kommunens byer\. Mente du "Høng"\?/);
    expect(problems[1]).toMatch(/^deliversTo\.towns\[2\]: .*Mente du "Jerslev Sjælland"\?/);
    expect(problems[2]).toMatch(
      /^deliversTo\.towns\[3\]: "Paris" er ikke en af kommunens byer\. Brug en af: Kalundborg, Høng/,
    );
    expect(problems[2]).not.toContain('Mente du');
  });
  it('schema: neither municipality nor towns', async () => {
    expect(await both({})).toEqual([expect.stringMatching(/^deliversTo: angiv hvor der leveres: municipality: true/)]);
  });
  it('schema: both municipality and towns, saying which to choose', async () => {
    expect(await both({ municipality: true, towns: ['Høng'] })).toEqual([
      expect.stringMatching(/^deliversTo: skriv enten municipality: true .* eller towns: .*ikke begge/),
    ]);
  });
  it('schema: municipality: false, an empty list, a town twice, an unknown key', async () => {
    expect(await both({ municipality: false })).toEqual([
      expect.stringMatching(/^deliversTo\.municipality: skriv municipality: true, eller fjern linjen/),
    ]);
    expect(await both({ towns: [] })).toEqual([expect.stringMatching(/^deliversTo\.towns: listen er tom/)]);
    expect(await both({ towns: ['Høng', 'Høng'] })).toEqual([
      expect.stringMatching(/^deliversTo\.towns\[1\]: Byen "Høng" står der to gange/),
    ]);
    expect(await both({ town: ['Høng'] })).toEqual([
      expect.stringMatching(/^deliversTo\.town: ukendt felt/),
      expect.stringMatching(/^deliversTo: angiv hvor der leveres/),
    ]);
  });
});

describe('runEntryRules', () => {
  it('gives the parsed entry when the data rules pass, and runs the image rules in the background', async () => {
    const result = runEntryRules(storyInput());
    expect(result.problems).toEqual([]);
    expect(result.data?.['title']).toBe('Værkstedet vokser');
    expect(await result.later).toEqual([]);
  });
  it('does not look at images of an entry the schema refused, nor render a refused body again', async () => {
    const result = runEntryRules(
      storyInput(
        { ...story, image: './images/findes-ikke.jpg', pillars: [9] },
        '<script>x</script>\n\n![F](./images/findes-ikke.jpg)',
      ),
    );
    expect(result.data).toBeUndefined();
    expect(result.problems.map((p) => p.field).sort()).toEqual(['body', 'pillars[0]']);
    expect(await result.later).toEqual([]);
  });
});
