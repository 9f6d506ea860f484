/**
 * `npm run new -- <collection> "<title>"`: writes a new entry that already passes the checker,
 * with every required key and a Danish comment on what to write. Never overwrites a file.
 */
import { access, appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { FIELD_HINTS } from '../../schemas/hints.ts';
import {
  AUDIENCES,
  COLLECTIONS,
  COMPANY_KINDS,
  CONTENT_DIR,
  ESRS_TOPICS,
  EVENT_KINDS,
  INCLUSION_PRACTICES,
  TEXT_KEYS,
  type CollectionName,
  type TextKey,
} from '../../schemas/index.ts';
import { today } from '../../schemas/shared.ts';
import { site } from '../../site.config.ts';
import { checkContent, type CheckResult } from '../validation/check.ts';
import { slugify } from '../validation/slugify.ts';

export class ScaffoldError extends Error {}

const yamlString = (s: string) => JSON.stringify(s);

/**
 * The comment after a key: the field's hint from `src/schemas/hints.ts` (what the CMS shows
 * under the field), then what only a hand-written file needs — the values to type, a date's
 * format, that a placeholder must be changed.
 */
function comment(collection: CollectionName, field: string, ...extra: string[]): string {
  const hint = FIELD_HINTS[collection][field];
  if (!hint) throw new Error(`No hint for ${collection}.${field} in src/schemas/hints.ts`);
  return `# ${[hint.hint ?? hint.label, ...extra].join(' ')}`;
}

/** The values of a closed list, as an editor types them. */
const oneOf = (values: readonly (string | number)[]) =>
  `Skriv ${values.length > 1 ? `${values.slice(0, -1).join(', ')} eller ${values.at(-1)}` : values.join('')}.`;

const DAY = 'Skriv ÅÅÅÅ-MM-DD.';
const REFERENCE = 'Skriv filnavnet uden .md';
const CHANGE = `${REFERENCE} — SKIFT til den rigtige.`;

type IdsOf = (collection: CollectionName, where?: (data: Record<string, unknown>) => boolean) => Promise<string[]>;

/**
 * Ids of existing entries, to give references a valid start value. The content is read once,
 * and only when a template needs it.
 */
function existingIds(root: string): IdsOf {
  let entries: Promise<CheckResult['entries']> | undefined;
  return async (collection, where = () => true) => {
    entries ??= checkContent(root).then((result) => result.entries);
    return ((await entries).get(collection) ?? []).filter((e) => where(e.data)).map((e) => e.id);
  };
}

export interface Scaffolded {
  /** The written file, relative to the root. */
  file: string;
  id: string;
}

export async function scaffold(root: string, collection: string, title: string): Promise<Scaffolded> {
  if (!(collection in COLLECTIONS)) {
    throw new ScaffoldError(`Ukendt samling "${collection}". Vælg en af: ${Object.keys(COLLECTIONS).join(', ')}`);
  }
  const name = collection as CollectionName;
  const id = name === 'prizes' || name === 'texts' ? title.trim() : slugify(title);
  if (!id)
    throw new ScaffoldError(
      `Skriv en titel med mindst ét bogstav eller tal, fx npm run new -- stories "Nyt cykelværksted i ${site.address.city}"`,
    );
  if (name === 'prizes' && !/^\d{4}$/.test(id))
    throw new ScaffoldError(`For ${site.prizeName} er titlen årstallet, fx npm run new -- prizes "2026"`);
  if (name === 'texts' && !(id in TEXT_KEYS))
    throw new ScaffoldError(
      `For en sidetekst er titlen sidens nøgle. Vælg en af: ${Object.keys(TEXT_KEYS).join(', ')}, fx npm run new -- texts "bliv-vist"`,
    );
  const date = today().toISOString().slice(0, 10);
  const definition = COLLECTIONS[name];

  if (definition.type === 'file') {
    if (name === 'prize-criteria') {
      throw new ScaffoldError(
        'Kriterierne står i én liste, hvor vægtene skal give 100 tilsammen. Ret src/content/prize-criteria.yaml i hånden, og juster de andre vægte',
      );
    }
    if (name === 'self-check-questions' || name === 'self-check-stages') {
      throw new ScaffoldError(
        `Selvtjekket står i to lister, der hænger sammen: spørgsmålene hører hver til et kriterium i prize-criteria.yaml, og trinene har stigende pointgrænser fra 0. Ret src/content/${definition.file} i hånden (se CONTRIBUTING.md under "Selvtjekket"), og kør npm run check`,
      );
    }
    const file = path.join(root, CONTENT_DIR, definition.file);
    const existing = await readFile(file, 'utf8').catch(() => '');
    // An item's line may end in a comment, as the ones written here do.
    if (new RegExp(`^- id: ["']?${id}["']?(?:\\s+#.*)?$`, 'm').test(existing))
      throw new ScaffoldError(`Kategorien "${id}" findes allerede i ${definition.file}. Intet er ændret`);
    const item = [
      `- id: ${id} ${comment('categories', 'id')}`,
      `  name: ${yamlString(title)} ${comment('categories', 'name')}`,
      `  description: "Skriv én sætning om, hvad der hører til i kategorien." ${comment('categories', 'description')}`,
    ];
    await appendFile(file, `${existing === '' || existing.endsWith('\n') ? '' : '\n'}${item.join('\n')}\n`);
    return { file: path.relative(root, file), id };
  }

  const dir = path.join(root, CONTENT_DIR, definition.folder);
  for (const extension of definition.extensions) {
    const candidate = path.join(dir, `${id}.${extension}`);
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    ) {
      throw new ScaffoldError(
        `${path.relative(root, candidate)} findes allerede. Vælg en anden titel, eller ret den eksisterende fil. Intet er overskrevet`,
      );
    }
  }
  const file = path.join(dir, `${id}.md`);
  const frontmatter = await template(root, existingIds(root), name, id, title, date);
  await mkdir(dir, { recursive: true });
  // The body starts as its hint, so the editor reads what to write where it goes.
  const body = FIELD_HINTS[name]['body']?.hint ?? '';
  await writeFile(file, `---\n${frontmatter.trim()}\n---\n\n${body}\n`, { flag: 'wx' });
  return { file: path.relative(root, file), id };
}

async function template(
  root: string,
  ids: IdsOf,
  name: CollectionName,
  id: string,
  title: string,
  date: string,
): Promise<string> {
  const c = (field: string, ...extra: string[]) => comment(name, field, ...extra);
  switch (name) {
    case 'companies':
      return `
name: ${yamlString(title)} ${c('name')}
kind: social-economy ${c('kind', oneOf(COMPANY_KINDS))}
cvr: "12345674" ${c('cvr')}
summary: "Skriv én eller to sætninger om virksomheden." ${c('summary')}
address: ${c('address')}
  street: "Vejnavn 1" ${c('address.street')}
  postalCode: "4400" ${c('address.postalCode')}
  city: ${yamlString(site.address.city)} ${c('address.city')}
contact: ${c('contact')}
  email: kontakt@virksomhed.example ${c('contact.email')}
  # website: https://virksomhed.dk ${c('contact.website')}
  # phone: "+45 12 34 56 78" ${c('contact.phone')}
# registrations: ${c('registrations')}
#   rsv: 2020-01-31 ${c('registrations.rsv', DAY)}
#   socialMark: 2024 ${c('registrations.socialMark')}
# inclusion: [flexjob, internship] ${c('inclusion', oneOf(INCLUSION_PRACTICES))}
# employees: 12 ${c('employees')}
# founded: 2018 ${c('founded')}
`;
    case 'offerings': {
      const [company] = await ids('companies', (d) => d['kind'] === 'social-economy');
      const [category] = await ids('categories');
      if (!company || !category)
        throw new ScaffoldError(
          'Opret først en socialøkonomisk virksomhed og en kategori; et produkt skal høre til begge',
        );
      return `
title: ${yamlString(title)} ${c('title')}
company: ${company} ${c('company', CHANGE)}
type: service ${c('type', oneOf(['product', 'service']))}
category: ${category} ${c('category', 'Skriv et id fra src/content/categories.yaml — SKIFT til den rigtige.')}
summary: "Skriv én eller to sætninger om varen eller ydelsen." ${c('summary')}
audiences: [${AUDIENCES.join(', ')}] ${c('audiences', `${oneOf(AUDIENCES)} Slet dem, der ikke gælder.`)}
deliveryArea: ${yamlString(site.municipality)} ${c('deliveryArea')}
deliversTo: ${c('deliversTo')}
  municipality: true ${c('deliversTo.municipality', `Eller slet linjen og skriv fx towns: [${site.towns.slice(0, 2).join(', ')}] (byer fra towns i src/site.config.ts).`)}
# price: "fra 85 kr. pr. kuvert" ${c('price')}
circular: false ${c('circular', 'Skriv true eller false.')}
# image: ./images/${id}.jpg ${c('image')}
# imageAlt: "Beskriv, hvad billedet viser" ${c('imageAlt')}
`;
    }
    case 'stories': {
      const [company] = await ids('companies');
      if (!company) throw new ScaffoldError('Opret først en virksomhed; en historie handler om mindst én');
      const imageDir = path.join(root, CONTENT_DIR, 'stories', 'images');
      await mkdir(imageDir, { recursive: true });
      await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#d9e4ec' } })
        .jpeg({ quality: 70 })
        .toFile(path.join(imageDir, `${id}.jpg`));
      return `
title: ${yamlString(title)} ${c('title')}
lede: "Skriv indledningen her." ${c('lede')}
published: ${date} ${c('published', DAY)}
# updated: ${date} ${c('updated', DAY)}
companies: [${company}] ${c('companies', CHANGE)}
pillars: [3] ${c('pillars')}
# esrs: [S1] ${c('esrs', oneOf(ESRS_TOPICS))}
image: ./images/${id}.jpg ${c('image', 'Pladsholder — erstat den med et rigtigt foto i mappen images.')}
imageAlt: "Pladsholder: en ensfarvet lyseblå flade" ${c('imageAlt')}
imageCredit: "Foto: Navn Efternavn" ${c('imageCredit')}
# people: ${c('people')}
#   - name: "Navn Efternavn" ${c('people.name')}
#     consent: ${date} ${c('people.consent', DAY)}
#     consentRef: SAM-2026-000 ${c('people.consentRef')}
#     # minor: true ${c('people.minor')}
#     # guardianConsentRef: SAM-2026-001 ${c('people.guardianConsentRef')}
# consentWithdrawn: ${date} ${c('consentWithdrawn', DAY)}
draft: true ${c('draft', 'Sæt til false, når historien skal udgives.')}
`;
    }
    case 'prizes': {
      const criteria = await ids('prize-criteria');
      const [company] = await ids('companies');
      if (!company || criteria.length === 0)
        throw new ScaffoldError('Opret først virksomheder og kriterierne i prize-criteria.yaml');
      return `
year: ${id} ${c('year')}
# ceremony: ${date} ${c('ceremony', DAY)}
nominees: ${c('nominees')}
  - company: ${company} ${c('nominees.company', CHANGE)}
    scores: ${c('nominees.scores', 'Kriterierne står i src/content/prize-criteria.yaml.')}
${criteria.map((criterion) => `      ${criterion}: 0`).join('\n')}
winners: [] ${c('winners', REFERENCE + '.')}
# jury: ${c('jury')}
#   - "Navn, rolle"
`;
    }
    case 'partnerships': {
      const members = (await ids('companies')).slice(0, 2);
      if (members.length < 2)
        throw new ScaffoldError('Opret først mindst to virksomheder; et partnerskab har mindst to medlemmer');
      return `
title: ${yamlString(title)} ${c('title')}
summary: "Skriv én eller to sætninger om formålet." ${c('summary')}
members: [${members.join(', ')}] ${c('members', CHANGE)}
since: ${date} ${c('since', DAY)}
status: active ${c('status', oneOf(['active', 'ended']))}
# pillars: [1] ${c('pillars')}
`;
    }
    case 'schemes':
      return `
title: ${yamlString(title)} ${c('title')}
summary: "Skriv én eller to sætninger om ordningen." ${c('summary')}
forWhom: "Skriv, hvem ordningen er for." ${c('forWhom')}
# legalBasis: https://www.retsinformation.dk/... ${c('legalBasis')}
order: 99 ${c('order')}
# inclusion: [flexjob] ${c('inclusion', oneOf(INCLUSION_PRACTICES))}
`;
    case 'events':
      return `
title: ${yamlString(title)} ${c('title')}
start: ${date}T16:00 ${c('start', 'Skriv ÅÅÅÅ-MM-DDTTT:MM.')}
# end: ${date}T18:00 ${c('end', 'Skriv ÅÅÅÅ-MM-DDTTT:MM.')}
location: "Skriv adressen" ${c('location')}
kind: network ${c('kind', oneOf(EVENT_KINDS))}
summary: "Skriv én eller to sætninger om arrangementet." ${c('summary')}
`;
    case 'pages':
      return `
title: ${yamlString(title)} ${c('title')}
summary: "Skriv én eller to sætninger om siden." ${c('summary')}
`;
    case 'texts':
      return `
title: "Skriv sidens overskrift" ${c('title', `Siden er ${TEXT_KEYS[id as TextKey]}.`)}
summary: "Skriv én eller to sætninger under overskriften." ${c('summary')}
`;
    case 'categories':
    case 'prize-criteria':
    case 'self-check-questions':
    case 'self-check-stages':
      throw new ScaffoldError('unreachable');
  }
}
