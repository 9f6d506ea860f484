import { describe, expect, it } from 'vitest';
import {
  companySchema,
  copenhagenToInstant,
  eventSchema,
  isValidCvr,
  offeringSchema,
  prizeCriterionSchema,
  prizeSchema,
  storySchema,
  categorySchema,
  schemeSchema,
  partnershipSchema,
} from '../../src/schemas/index.ts';
import { checkerHelpers } from '../../src/lib/validation/markers.ts';
import { schemaIssueFields } from '../../src/lib/validation/problem.ts';

/** Field paths with problems, e.g. ['cvr', 'people[0].consentRef']. */
function problemFields(
  schema: {
    safeParse: (d: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  data: unknown,
) {
  const result = schema.safeParse(data);
  return result.success ? [] : schemaIssueFields(result.error!.issues).map((i) => i.field);
}

const company = {
  name: 'Grønt Værksted',
  kind: 'social-economy',
  cvr: '12345674',
  summary: 'Et værksted.',
  address: { street: 'Havnevej 1', postalCode: '4400', city: 'Kalundborg' },
  contact: { email: 'a@b.dk' },
};

describe('companies', () => {
  const schema = companySchema(checkerHelpers);
  it('accepts a complete company', () => expect(problemFields(schema, company)).toEqual([]));
  it('accepts a public workplace without CVR', () =>
    expect(problemFields(schema, { ...company, kind: 'public', cvr: undefined })).toEqual([]));
  it('refuses a CVR that fails modulus 11, so a typo is caught', () =>
    expect(problemFields(schema, { ...company, cvr: '12345678' })).toEqual(['cvr']));
  it('refuses a private company without CVR', () =>
    expect(problemFields(schema, { ...company, kind: 'private', cvr: undefined })).toEqual(['cvr']));
  it('refuses a three-digit postal code', () =>
    expect(problemFields(schema, { ...company, address: { ...company.address, postalCode: '440' } })).toEqual([
      'address.postalCode',
    ]));
  it('refuses a contact with no way to reach the company', () =>
    expect(problemFields(schema, { ...company, contact: {} })).toEqual(['contact']));
  it('refuses a non-Danish phone number', () =>
    expect(problemFields(schema, { ...company, contact: { phone: '123' } })).toEqual(['contact.phone']));
  it('refuses a website on plain http', () =>
    expect(problemFields(schema, { ...company, contact: { website: 'http://a.dk' } })).toEqual(['contact.website']));
  it('refuses a logo without alt text', () =>
    expect(problemFields(schema, { ...company, logo: './images/x.png' })).toEqual(['logoAlt']));
  it('refuses a founding year in the future', () =>
    expect(problemFields(schema, { ...company, founded: 2999 })).toEqual(['founded']));
  it('refuses a misspelt key instead of dropping it silently', () =>
    expect(problemFields(schema, { ...company, sumary: 'x' })).toEqual(['sumary']));
  it('refuses an unknown inclusion practice', () =>
    expect(problemFields(schema, { ...company, inclusion: ['flexjob', 'magic'] })).toEqual(['inclusion[1]']));
  it('says in Danish that a required field is missing', () => {
    const result = schema.safeParse({ ...company, summary: undefined });
    expect(result.error?.issues[0]?.message).toMatch(/feltet mangler/);
  });
});

describe('CVR modulus 11', () => {
  it.each(['12345674', '10000009'])('%s passes', (cvr) => expect(isValidCvr(cvr)).toBe(true));
  it.each(['12345675', '1234567', '02345674', 'abcdefgh'])('%s fails', (cvr) => expect(isValidCvr(cvr)).toBe(false));
});

const offering = {
  title: 'Frokost',
  company: 'groent-vaerksted',
  type: 'service',
  category: 'mad',
  summary: 'Frokost til møder.',
  audiences: ['businesses'],
  deliveryArea: 'Kalundborg Kommune',
};

describe('offerings', () => {
  const schema = offeringSchema(checkerHelpers);
  it('accepts an offering and defaults circular to false', () => {
    const result = schema.safeParse(offering);
    expect(result.success).toBe(true);
    expect((result.data as { circular: boolean }).circular).toBe(false);
  });
  it('refuses an empty audience list', () =>
    expect(problemFields(schema, { ...offering, audiences: [] })).toEqual(['audiences']));
  it('refuses a summary over 200 characters', () =>
    expect(problemFields(schema, { ...offering, summary: 'x'.repeat(201) })).toEqual(['summary']));
  it('refuses an image without alt text', () =>
    expect(problemFields(schema, { ...offering, image: './images/x.jpg' })).toEqual(['imageAlt']));
  it('refuses an image from the web', () =>
    expect(problemFields(schema, { ...offering, image: 'https://x.dk/a.jpg', imageAlt: 'a' })).toEqual(['image']));
});

const story = {
  title: 'Historie',
  lede: 'Indledning.',
  published: '2026-03-14',
  companies: ['groent-vaerksted'],
  pillars: [1],
  image: './images/a.jpg',
  imageAlt: 'Alt',
  imageCredit: 'Foto: X',
};

describe('stories', () => {
  const schema = storySchema(checkerHelpers);
  it('accepts a story', () => expect(problemFields(schema, story)).toEqual([]));
  it('keeps a date a day: 14 March stays 14 March in UTC', () => {
    const data = schema.parse(story) as { published: Date };
    expect(data.published.toISOString()).toBe('2026-03-14T00:00:00.000Z');
  });
  it('refuses 30 February instead of rolling over to March', () =>
    expect(problemFields(schema, { ...story, published: '2026-02-30' })).toEqual(['published']));
  it('refuses updated before published', () =>
    expect(problemFields(schema, { ...story, updated: '2026-03-01' })).toEqual(['updated']));
  it('refuses pejlemærke 6', () => expect(problemFields(schema, { ...story, pillars: [6] })).toEqual(['pillars[0]']));
  it('refuses a story without a company', () =>
    expect(problemFields(schema, { ...story, companies: [] })).toEqual(['companies']));
  it('refuses an image without credit', () =>
    expect(problemFields(schema, { ...story, imageCredit: undefined })).toEqual(['imageCredit']));
  it('refuses consent given in the future', () =>
    expect(
      problemFields(schema, { ...story, people: [{ name: 'A', consent: '2999-01-01', consentRef: 'SAM-1' }] }),
    ).toEqual(['people[0].consent']));
  it('refuses a person without a consent reference', () =>
    expect(problemFields(schema, { ...story, people: [{ name: 'A', consent: '2026-01-01' }] })).toEqual([
      'people[0].consentRef',
    ]));
  it('refuses a minor without guardian consent', () =>
    expect(
      problemFields(schema, {
        ...story,
        people: [{ name: 'A', consent: '2026-01-01', consentRef: 'SAM-1', minor: true }],
      }),
    ).toEqual(['people[0].guardianConsentRef']));
  it('refuses an unknown ESRS topic', () =>
    expect(problemFields(schema, { ...story, esrs: ['S5'] })).toEqual(['esrs[0]']));
  it('refuses an old slug that is not a slug', () =>
    expect(problemFields(schema, { ...story, redirectFrom: ['Gammel Side'] })).toEqual(['redirectFrom[0]']));
});

describe('events', () => {
  const schema = eventSchema();
  const event = {
    title: 'Møde',
    start: '2027-03-11T16:00',
    location: 'Rådhuset',
    kind: 'network',
    summary: 'Et møde.',
  };
  it('reads the start as Danish time: 16:00 in March is 15:00 UTC', () => {
    expect((schema.parse(event) as { start: Date }).start.toISOString()).toBe('2027-03-11T15:00:00.000Z');
  });
  it('reads summer time: 16:00 in July is 14:00 UTC', () => {
    expect((schema.parse({ ...event, start: '2027-07-01T16:00' }) as { start: Date }).start.toISOString()).toBe(
      '2027-07-01T14:00:00.000Z',
    );
  });
  it('refuses an end before the start', () =>
    expect(problemFields(schema, { ...event, end: '2027-03-11T15:00' })).toEqual(['end']));
  it('refuses a time with a zone, which would be read differently by the build', () =>
    expect(problemFields(schema, { ...event, start: '2027-03-11T16:00:00Z' })).toEqual(['start']));
  it('refuses an unknown kind', () => expect(problemFields(schema, { ...event, kind: 'party' })).toEqual(['kind']));
});

describe('copenhagenToInstant', () => {
  it('handles the night of the autumn clock change', () => {
    expect(copenhagenToInstant(2026, 10, 25, 12, 0).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });
});

describe('prizes, criteria, categories, schemes, partnerships', () => {
  it('refuses a score of 6', () =>
    expect(
      problemFields(prizeSchema(checkerHelpers), {
        year: 2025,
        nominees: [{ company: 'a', scores: { x: 6 } }],
        winners: [],
      }),
    ).toEqual(['nominees[0].scores.x']));
  it('reads a year with a nomination window and no nominees or winners as empty lists, and refuses a window without a deadline', () => {
    const parsed = prizeSchema(checkerHelpers).safeParse({
      year: 2027,
      nomination: { opens: '2027-03-01', deadline: '2027-09-30' },
      award: 'Et diplom.',
    });
    expect(parsed.success && [parsed.data.nominees, parsed.data.winners]).toEqual([[], []]);
    expect(problemFields(prizeSchema(checkerHelpers), { year: 2027, nomination: { opens: '2027-03-01' } })).toEqual([
      'nomination.deadline',
    ]);
  });
  it('refuses a weight that is not a whole number', () =>
    expect(problemFields(prizeCriterionSchema(), { id: 'a', title: 'A', description: 'B', weight: 12.5 })).toEqual([
      'weight',
    ]));
  it('refuses a category id with a capital letter', () =>
    expect(problemFields(categorySchema(), { id: 'Mad', name: 'Mad' })).toEqual(['id']));
  it('refuses a scheme whose legal basis is not https', () =>
    expect(
      problemFields(schemeSchema(), { title: 'A', summary: 'B', forWhom: 'C', order: 1, legalBasis: 'ftp://x' }),
    ).toEqual(['legalBasis']));
  it('refuses a partnership with one member', () =>
    expect(
      problemFields(partnershipSchema(checkerHelpers), {
        title: 'A',
        summary: 'B',
        members: ['a'],
        since: '2024-01-01',
        status: 'active',
      }),
    ).toEqual(['members']));
});

describe('event times and daylight saving time in Copenhagen', () => {
  const schema = eventSchema();
  const event = {
    title: 'Møde',
    start: '2027-03-11T16:00',
    location: 'Rådhuset',
    kind: 'network',
    summary: 'Et møde.',
  };
  const messages = (start: string) => {
    const result = schema.safeParse({ ...event, start });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('refuses a time in the spring gap and says what to write', () =>
    expect(messages('2027-03-28T02:30')).toEqual([expect.stringMatching(/^start: .*findes ikke i dansk tid.*T03:30/)]));
  it('refuses the autumn hour that occurs twice and says to write the offset', () =>
    expect(messages('2026-10-25T02:30')).toEqual([
      expect.stringMatching(/^start: .*to gange.*2026-10-25T02:30\+02:00.*\+01:00/),
    ]));
  it.each([
    ['2026-10-25T02:30+02:00', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25T02:30+01:00', '2026-10-25T01:30:00.000Z'],
    ['2027-03-10T16:00+01:00', '2027-03-10T15:00:00.000Z'],
    ['2027-07-01T16:00+02:00', '2027-07-01T14:00:00.000Z'],
    ['2027-03-28T03:30', '2027-03-28T01:30:00.000Z'],
  ])('accepts %s (Copenhagen’s own offset) as %s', (start, iso) =>
    expect((schema.parse({ ...event, start }) as { start: Date }).start.toISOString()).toBe(iso),
  );
  it.each(['2027-03-10T16:00+02:00', '2027-07-01T16:00+01:00', '2027-03-10T16:00Z', '2027-03-28T02:30+01:00'])(
    'refuses %s: not Copenhagen’s offset at that instant',
    (start) => expect(messages(start)).toEqual([expect.stringMatching(/^start: .*ikke dansk tid/)]),
  );
});

describe('a reference list names each entry once', () => {
  it('refuses a partnership with the same member twice', () =>
    expect(
      problemFields(partnershipSchema(checkerHelpers), {
        title: 'Netværk',
        summary: 'Deler opgaver.',
        members: ['a', 'b', 'a'],
        since: '2024-02-01',
        status: 'active',
      }),
    ).toEqual(['members[2]']));
});
