/**
 * Building blocks shared by every collection schema: Danish error messages, slugs, real
 * calendar dates, Danish phone numbers, CVR, and the closed vocabularies the UI labels reuse.
 *
 * Schemas run in two places with the same code: inside Astro's content layer (the build)
 * and in `scripts/check-content.ts` (the editors' checker). Neither may import `astro:content`
 * here, so `image()` and `reference()` come in through {@link SchemaHelpers}.
 */
import { z } from 'astro/zod';

// zod 4 ships a Danish locale; we only sharpen the one message editors meet most often.
const danish = z.locales.da();
z.config({
  localeError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return 'feltet mangler. Tilføj det (se CONTRIBUTING.md for et eksempel)';
    }
    if (issue.code === 'unrecognized_keys') {
      return `ukendt felt. Tjek stavningen, eller fjern feltet`;
    }
    return danish.localeError(issue);
  },
});

/** The collections, by name. */
export type CollectionName =
  | 'companies'
  | 'offerings'
  | 'categories'
  | 'stories'
  | 'prizes'
  | 'prize-criteria'
  | 'partnerships'
  | 'schemes'
  | 'events'
  | 'pages'
  | 'texts'
  | 'self-check-questions'
  | 'self-check-stages';

/**
 * What a schema factory needs from its host. In Astro: `image` from the schema context and
 * `reference` from `astro:content`; in the checker: stand-ins that keep the raw values so the
 * cross-file rules can check them.
 */
export interface SchemaHelpers<Img extends z.ZodType, Ref extends z.ZodType> {
  image: () => Img;
  reference: (collection: CollectionName) => Ref;
}

/**
 * What the browser editor (src/lib/cms/config.ts) should offer for a value whose JSON Schema does
 * not say it: a calendar day, a Copenhagen date-time, a local image, a reference, a pejlemærke,
 * a town of the site config, a nominee's scores. Carried as zod metadata, read from `z.toJSONSchema`.
 */
export interface CmsMeta {
  [key: string]: unknown;
  cms: 'date' | 'datetime' | 'image' | 'relation' | 'pillars' | 'towns' | 'scores';
  collection?: CollectionName;
  /** For a string kept by a regular expression: the Danish message when it does not match. */
  patternMessage?: string;
}
const cms = (meta: CmsMeta | { pattern: string; patternMessage: string }): Record<string, unknown> => meta;

/** A slug: lower case a–z, 0–9 and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
  .string()
  .regex(SLUG_PATTERN, { error: 'skal være små bogstaver a-z, tal og bindestreg (æ→ae, ø→oe, å→aa)' });

/** Is `y-m-d` a day that exists in the calendar (so 2026-02-30 is not)? */
export function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day, written `YYYY-MM-DD`, as a Date at 00:00 UTC. Format it with
 * `timeZone: 'UTC'` so it never shifts by a day.
 *
 * The checker reads YAML without timestamp conversion and so sees the text; Astro's YAML
 * reader turns an unquoted date into a Date (rolling 2026-02-30 over to 2 March), which is why
 * the impossible-date rule is enforced by the checker that the build runs first.
 */
export const day = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'ugyldig dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-03-14' });
        return z.NEVER;
      }
      return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
    }
    const m = DATE_RE.exec(value.trim());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${value}" er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-03-14` });
      return z.NEVER;
    }
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDate(y, mo, d)) {
      ctx.addIssue({ code: 'custom', message: `${value} findes ikke i kalenderen. Ret dagen eller måneden` });
      return z.NEVER;
    }
    return new Date(Date.UTC(y, mo - 1, d));
  })
  .meta(cms({ cms: 'date' }));

/** Today as a UTC-midnight day, for "not in the future" rules. */
const copenhagenDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });
export function today(): Date {
  const parts = copenhagenDay.format(new Date());
  const [y, m, d] = parts.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export const pastDay = day.refine((d) => d.getTime() <= today().getTime(), {
  error: 'datoen ligger i fremtiden. Skriv den dato, det faktisk skete',
});

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?$/;

/** Offset in minutes of Europe/Copenhagen from UTC at a given instant. */
const copenhagenZone = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' });
export function copenhagenOffset(instant: Date): number {
  const name = copenhagenZone.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Converts a wall-clock time in Copenhagen to the instant it denotes. */
export function copenhagenToInstant(y: number, mo: number, d: number, h: number, mi: number): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - copenhagenOffset(new Date(guess)) * 60_000;
  return new Date(guess - copenhagenOffset(new Date(first)) * 60_000);
}

/**
 * Every instant a wall-clock time in Copenhagen can denote: one as a rule, none in the spring
 * gap (02:00–02:59 on the last Sunday of March) and two in the autumn hour that repeats.
 */
export function copenhagenInstants(y: number, mo: number, d: number, h: number, mi: number): Date[] {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  return [120, 60]
    .map((offset) => new Date(wall - offset * 60_000))
    .filter((instant) => copenhagenOffset(instant) === (wall - instant.getTime()) / 60_000);
}

const formatOffset = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;

/**
 * A date and time in Danish local time, written `YYYY-MM-DDTHH:MM` (no seconds, no zone).
 * That form is also what keeps YAML from turning it into a UTC timestamp behind our back.
 * A time that does not exist in Copenhagen (the spring gap) or occurs twice (the autumn hour)
 * is refused; an explicit offset (`2027-03-10T16:00+01:00`, as CMS date widgets write it) is
 * accepted when it is Copenhagen's offset at that instant.
 */
export const copenhagenDateTime = z
  .string({ error: 'skriv tidspunktet som ÅÅÅÅ-MM-DDTTT:MM, fx 2027-03-11T16:00 (dansk tid)' })
  .transform((value, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    const m = DATETIME_RE.exec(value.trim());
    if (!m) {
      return fail(
        `"${value}" er ikke et tidspunkt. Skriv det som ÅÅÅÅ-MM-DDTTT:MM, fx 2027-03-11T16:00 (dansk tid, uden sekunder og tidszone)`,
      );
    }
    const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
    if (!isRealDate(y, mo, d) || h > 23 || mi > 59) {
      return fail(`${value} findes ikke i kalenderen. Ret dato eller klokkeslæt`);
    }
    const wall = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`;
    const zone = m[6];
    if (zone) {
      const offset =
        zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
      const instant = new Date(Date.UTC(y, mo - 1, d, h, mi) - offset * 60_000);
      const danish = copenhagenOffset(instant);
      if (danish !== offset) {
        return fail(
          `${value} er ikke dansk tid: på det tidspunkt er dansk tid ${formatOffset(danish)}. Skriv ${wall}${formatOffset(danish)}, eller udelad tidszonen og skriv ${wall} (dansk tid)`,
        );
      }
      return instant;
    }
    const instants = copenhagenInstants(y, mo, d, h, mi);
    if (instants.length === 0) {
      return fail(
        `${wall} findes ikke i dansk tid: natten til sommertid springer uret fra 02:00 til 03:00. Skriv det rigtige klokkeslæt, fx ${m[1]}-${m[2]}-${m[3]}T03:${m[5]}`,
      );
    }
    if (instants.length > 1) {
      return fail(
        `${wall} forekommer to gange i dansk tid (natten hvor sommertiden slutter, stilles uret tilbage fra 03:00 til 02:00). Skriv tidszonen med: ${wall}+02:00 (første gang, sommertid) eller ${wall}+01:00 (anden gang, vintertid)`,
      );
    }
    return instants[0]!;
  })
  .meta(cms({ cms: 'datetime' }));

/** A year, e.g. 2024; never in the future. */
export const pastYear = z
  .number({ error: 'skriv årstallet som et tal, fx 2019' })
  .int()
  .min(1800, { error: 'årstallet er for tidligt' })
  .refine((y) => y <= today().getUTCFullYear(), { error: 'årstallet ligger i fremtiden' });

/** Danish CVR: 8 digits, modulus 11 with weights 2,7,6,5,4,3,2,1. */
export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...cvr].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return sum % 11 === 0;
}

export const cvr = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).replace(/\s+/g, ''))
  .refine((v) => /^\d{8}$/.test(v), { error: 'CVR-nummeret skal være 8 cifre, fx "12345674"' })
  .refine(isValidCvr, { error: 'CVR-nummeret består ikke kontrollen (modulus 11). Tjek cifrene på virk.dk' })
  .meta(cms({ pattern: '^\\s*\\d{8}\\s*$', patternMessage: 'CVR-nummeret skal være 8 cifre, fx 12345674' }));

export const postalCode = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine((v) => /^\d{4}$/.test(v), { error: 'postnummeret skal være 4 cifre, fx "4400"' })
  .meta(cms({ pattern: '^\\d{4}$', patternMessage: 'postnummeret skal være 4 cifre, fx 4400' }));

/** Danish phone number: optional +45, then 8 digits; spaces allowed. */
export const phone = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^(?:\+45)?\d{8}$/.test(v.replace(/[\s-]/g, '')), {
    error: 'skriv et dansk telefonnummer med 8 cifre, fx "+45 59 53 44 00" eller "59534400"',
  })
  .meta(
    cms({
      pattern: '^\\s*(\\+45)?[\\s-]*(\\d[\\s-]*){8}$',
      patternMessage: 'skriv et dansk telefonnummer med 8 cifre, fx +45 59 53 44 00',
    }),
  );

export const httpsUrl = z
  .url({ error: 'skriv en fuld adresse, der begynder med https://' })
  .refine((v) => v.startsWith('https://'), { error: 'adressen skal begynde med https://' })
  .meta(cms({ pattern: '^https://', patternMessage: 'adressen skal begynde med https://' }));

export const email = z.email({ error: 'ugyldig e-mailadresse, fx "kontakt@virksomhed.dk"' });

/** A short text that must not be empty. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'feltet er tomt. Skriv en tekst' })
    .max(max, { error: `teksten er for lang: højst ${max} tegn` });

/** The strategy's five pejlemærker. */
export const PILLARS = [1, 2, 3, 4, 5] as const;
export const pillars = z
  .array(
    z
      .number()
      .int()
      .refine((n) => n >= 1 && n <= 5, { error: 'pejlemærker er tallene 1 til 5' }),
  )
  .meta(cms({ cms: 'pillars' }));

/** Social topics of the European Sustainability Reporting Standards. */
export const ESRS_TOPICS = ['S1', 'S2', 'S3', 'S4'] as const;
export const esrs = z.enum(ESRS_TOPICS, { error: 'brug S1, S2, S3 eller S4' });

/** How a company practises inclusion. */
export const INCLUSION_PRACTICES = [
  'flexjob',
  'small-jobs',
  'internship',
  'wage-subsidy',
  'clarification',
  'igu',
  'partial-sick-leave',
  'disability-support',
  'volunteers',
] as const;
export const inclusionPractice = z.enum(INCLUSION_PRACTICES, {
  error: `brug en af: ${INCLUSION_PRACTICES.join(', ')}`,
});

/** Who an offering suits. */
export const AUDIENCES = ['businesses', 'public-sector', 'private'] as const;

export const COMPANY_KINDS = ['social-economy', 'private', 'public'] as const;

export const EVENT_KINDS = ['dialogue-meeting', 'prize-ceremony', 'network', 'other'] as const;

/** Old slugs that should keep working, each redirecting to the entry. */
export const redirectFrom = z.array(slug).optional();

/**
 * Distinct references in a list (`members`, `companies`): the same slug twice would count twice.
 * Works on what `reference()` gives in either host: `{ id }` in Astro, a marker in the checker.
 */
export function uniqueRefs(label: string) {
  return (list: unknown[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      const id =
        v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : typeof v === 'string' ? v : '';
      if (id && seen.has(id))
        ctx.addIssue({ code: 'custom', path: [i], message: `${label} "${id}" står der to gange. Fjern den ene` });
      seen.add(id);
    });
  };
}

/** Distinct values in a list, named by their first repeat. */
export function unique<T>(label: string) {
  return (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<T>();
    list.forEach((v, i) => {
      if (seen.has(v))
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `${label} "${String(v)}" står der to gange. Fjern den ene`,
        });
      seen.add(v);
    });
  };
}
