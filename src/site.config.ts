/**
 * Everything about the municipality in one place. Another municipality forks the repo and
 * changes this file (and the content); no component hard-codes any of it.
 * Checked with zod when it loads, so a typo stops the build with a clear message.
 */
import { z } from 'astro/zod';
import { email, httpsUrl, phone, postalCode } from './schemas/shared.ts';

/** Someone a visitor can call or write to. `hours` says when the phone is answered. */
const contactPoint = z.strictObject({
  name: z.string().min(2),
  role: z.string().min(2),
  phone,
  email,
  hours: z.string().min(2).optional(),
});

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'skriv farven som #rrggbb' });

export const siteConfigSchema = z.strictObject({
  /** The municipality, e.g. "Kalundborg Kommune". */
  municipality: z.string().min(2),
  /** The site's title in the browser tab and share cards. */
  title: z.string().min(2),
  /** One sentence about the site. */
  description: z.string().min(10).max(300),
  /** Where the built site is published (https, no trailing path). */
  url: httpsUrl,
  /** The source repository, for "Ret en fejl" links; the browser editor at /admin/ opens pull requests here (GitHub). */
  repository: httpsUrl,
  /**
   * The OAuth service that signs editors in to GitHub in the browser editor (e.g. Sveltia CMS
   * Authenticator on your own Cloudflare account; README, "Editing in the browser"). Without it,
   * editors sign in with a personal access token.
   */
  cmsAuthUrl: httpsUrl.optional(),
  /** The municipal employee who advises companies on social economy and inclusion. */
  contact: z.strictObject({
    name: z.string().min(2),
    role: z.string().min(2),
    phone,
    email,
  }),
  /** The other contacts, each for its own kind of question. */
  contacts: z.strictObject({
    /** Journalists: the press box on every story and `/presse/`. */
    press: contactPoint,
    /** The job centre's service for employers: schemes, fleksjob, recruitment. */
    employerService: contactPoint,
    /** Purchasing: framework agreements and direct purchases, on `/indkoeb/`. */
    procurement: contactPoint,
  }),
  /** Address of the municipality, for the footer and structured data. */
  address: z.strictObject({ street: z.string(), postalCode, city: z.string() }),
  /** The accessibility statement in the state's WAS-Tool; `/was` redirects here. */
  accessibilityStatement: httpsUrl.refine((u) => new URL(u).hostname.endsWith('was.digst.dk'), {
    error: 'tilgængelighedserklæringen skal ligge i Digitaliseringsstyrelsens WAS-Tool (was.digst.dk)',
  }),
  /** Brand colours; text on `primary` is white, so it must be dark enough (checked by the tests). */
  colours: z.strictObject({ primary: hexColour, primaryDark: hexColour, accent: hexColour }),
  /** The logo in `public/`, and what it shows. */
  logo: z.strictObject({ src: z.string().startsWith('/'), alt: z.string().min(2) }),
  /** Name of the municipality's CSR prize. */
  prizeName: z.string().min(2),
  /** The municipality's mark for socially responsible companies (strategy, pejlemærke 3). */
  mark: z.strictObject({ name: z.string().min(2) }),
  /** The towns of the municipality, for the town filter. */
  towns: z.array(z.string().min(2)).min(1),
  /**
   * How the media may use a story's photo, shown with the full-size download in the press box
   * on every story; a story's own `imageLicense` wins. Without either, the press box says to ask.
   */
  pressPhotoLicense: z.string().min(2).optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const site: SiteConfig = siteConfigSchema.parse({
  municipality: 'Kalundborg Kommune',
  title: 'Socialøkonomi og rummelige virksomheder i Kalundborg Kommune',
  description:
    'Find socialøkonomiske virksomheders varer og ydelser, rummelige virksomheder, gode historier, CSR-prisen og vejledning om ordninger for arbejdsgivere.',
  url: 'https://socialoekonomi.kalundborg.dk',
  repository: 'https://github.com/kalundborg-kommune/socialoekonomi',
  contact: {
    name: 'Mette Sørensen (eksempel)',
    role: 'Konsulent for socialøkonomi og det rummelige arbejdsmarked',
    phone: '+45 59 53 44 00',
    email: 'socialoekonomi@kalundborg.example',
  },
  contacts: {
    press: {
      name: 'Pressetelefonen (eksempel)',
      role: 'Kommunikation, Kalundborg Kommune',
      phone: '+45 59 53 44 00',
      email: 'presse@kalundborg.example',
      hours: 'hverdage kl. 8–16',
    },
    employerService: {
      name: 'Jobcentrets virksomhedsservice (eksempel)',
      role: 'Rådgivning om fleksjob, løntilskud, praktik og rekruttering',
      phone: '+45 59 53 44 00',
      email: 'virksomhedsservice@kalundborg.example',
      hours: 'hverdage kl. 8–15',
    },
    procurement: {
      name: 'Indkøb og udbud (eksempel)',
      role: 'Kommunens indkøbsfunktion',
      phone: '+45 59 53 44 00',
      email: 'indkoeb@kalundborg.example',
    },
  },
  address: { street: 'Holbækvej 141B', postalCode: '4400', city: 'Kalundborg' },
  accessibilityStatement: 'https://www.was.digst.dk/socialoekonomi-kalundborg-dk',
  colours: { primary: '#00507a', primaryDark: '#003552', accent: '#f2c14e' },
  logo: { src: '/logo.svg', alt: 'Kalundborg Kommune' },
  prizeName: 'CSR-prisen',
  mark: { name: 'Socialt ansvarlig virksomhed' },
  towns: ['Kalundborg', 'Høng', 'Gørlev', 'Svebølle', 'Jerslev Sjælland', 'Føllenslev', 'Eskebjerg', 'Ubby', 'Rørby'],
  pressPhotoLicense:
    'Må bruges gratis i omtale af historien med angivelse af fotografen som ovenfor. Spørg pressekontakten før anden brug.',
});
