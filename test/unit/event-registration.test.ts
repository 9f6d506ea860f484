/** An event's optional `registration` (src/schemas/events.ts): a way to sign up and a deadline. */
import { describe, expect, it } from 'vitest';
import { schemaIssueFields } from '../../src/lib/validation/problem.ts';
import { eventSchema } from '../../src/schemas/events.ts';
import { pageSchema } from '../../src/schemas/pages.ts';

const schema = eventSchema();
const event = {
  title: 'Møde',
  start: '2027-03-11T16:00',
  location: 'Rådhuset',
  kind: 'network',
  summary: 'Et møde.',
};
/** `field: message` per problem. */
function problems(
  data: unknown,
  s: {
    safeParse: (d: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  } = schema,
): string[] {
  const result = s.safeParse(data);
  return result.success ? [] : schemaIssueFields(result.error!.issues).map((i) => `${i.field}: ${i.message}`);
}

describe('event registration', () => {
  it('accepts a form, an e-mail or both, with a deadline up to the day the event starts', () => {
    expect(problems({ ...event, registration: { url: 'https://tilmeld.example.dk/m' } })).toEqual([]);
    expect(
      problems({ ...event, registration: { email: 'tilmelding@kommune.example', deadline: '2027-03-01' } }),
    ).toEqual([]);
    expect(
      problems({
        ...event,
        registration: { url: 'https://tilmeld.example.dk/m', email: 'a@b.dk', deadline: '2027-03-11' },
      }),
    ).toEqual([]);
    const parsed = schema.parse({ ...event, registration: { email: 'a@b.dk', deadline: '2027-03-01' } }) as {
      registration: { deadline: Date };
    };
    expect(parsed.registration.deadline.toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });

  it('refuses a registration with no way to sign up', () => {
    expect(problems({ ...event, registration: { deadline: '2027-03-01' } })).toEqual([
      'registration: skriv hvordan man tilmelder sig: url (en https-adresse) eller email (eller begge)',
    ]);
  });

  it('refuses a form that is not https, an invalid e-mail and an unknown field', () => {
    expect(problems({ ...event, registration: { url: 'http://tilmeld.example.dk/' } })).toEqual([
      'registration.url: adressen skal begynde med https://',
    ]);
    expect(problems({ ...event, registration: { email: 'ikke en adresse' } })).toEqual([
      'registration.email: ugyldig e-mailadresse, fx "kontakt@virksomhed.dk"',
    ]);
    expect(problems({ ...event, registration: { email: 'a@b.dk', frist: '2027-03-01' } })).toEqual([
      expect.stringMatching(/^registration\.frist: ukendt felt/),
    ]);
  });

  it('refuses a deadline after the day the event starts, and an impossible date', () => {
    expect(problems({ ...event, registration: { email: 'a@b.dk', deadline: '2027-03-12' } })).toEqual([
      'registration.deadline: tilmeldingsfristen ligger efter arrangementets start. Skriv en dato senest den dag, det begynder',
    ]);
    // 00:30 Danish time on 12 March is still 11 March in UTC: the Danish day counts.
    expect(
      problems({ ...event, start: '2027-03-12T00:30', registration: { email: 'a@b.dk', deadline: '2027-03-12' } }),
    ).toEqual([]);
    expect(problems({ ...event, registration: { email: 'a@b.dk', deadline: '2027-02-30' } })).toEqual([
      'registration.deadline: 2027-02-30 findes ikke i kalenderen. Ret dagen eller måneden',
    ]);
  });
});

describe('page contact', () => {
  const page = { title: 'Indkøb', summary: 'Om indkøb.' };
  it('accepts one of the site config’s contacts, or none', () => {
    expect(problems({ ...page, contact: 'procurement' }, pageSchema())).toEqual([]);
    expect(problems(page, pageSchema())).toEqual([]);
  });
  it('refuses another value, naming the allowed ones', () => {
    expect(problems({ ...page, contact: 'borgmester' }, pageSchema())).toEqual([
      'contact: brug en af: procurement, employerService, press',
    ]);
  });
});
