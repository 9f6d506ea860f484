/**
 * `npm run new -- <collection> "<title>"`: writes a new entry that already passes the checker,
 * with every required key and a Danish comment on what to write. Never overwrites a file.
 */
import { access, appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { COLLECTIONS, CONTENT_DIR, TEXT_KEYS, type CollectionName, type TextKey } from '../../schemas/index.ts';
import { today } from '../../schemas/shared.ts';
import { site } from '../../site.config.ts';
import { checkContent, type CheckResult } from '../validation/check.ts';
import { slugify } from '../validation/slugify.ts';

export class ScaffoldError extends Error {}

const yamlString = (s: string) => JSON.stringify(s);

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
    if (new RegExp(`^- id: ["']?${id}["']?$`, 'm').test(existing))
      throw new ScaffoldError(`Kategorien "${id}" findes allerede i ${definition.file}. Intet er ændret`);
    await appendFile(
      file,
      `${existing === '' || existing.endsWith('\n') ? '' : '\n'}- id: ${id} # bruges i adressen /katalog/kategori/${id}/\n  name: ${yamlString(title)} # navnet, som besøgende ser\n  description: "Skriv én sætning om, hvad der hører til i kategorien."\n`,
    );
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
  await writeFile(file, `---\n${frontmatter.trim()}\n---\n\n${BODY[name]}\n`, { flag: 'wx' });
  return { file: path.relative(root, file), id };
}

const BODY: Record<CollectionName, string> = {
  companies:
    'Skriv her en længere præsentation af virksomheden: hvad den laver, og hvordan den arbejder med rummelighed.',
  offerings: 'Skriv her flere detaljer: hvad der indgår, kapacitet, bestilling og levering.',
  categories: '',
  stories: 'Skriv selve historien her. Brug citater fra de personer, der står under people, og kun dem.',
  prizes: 'Skriv juryens begrundelse her.',
  'prize-criteria': '',
  partnerships: 'Skriv her, hvad partnerskabet gør, og hvad det har opnået.',
  schemes:
    'Skriv her: hvem ordningen er for, hvad virksomheden får, hvordan man kommer i gang, og kilden (lovgrundlaget).',
  events: 'Skriv her program, tilmelding og praktiske oplysninger.',
  pages: 'Skriv sidens tekst her.',
  texts: 'Skriv sidens tekst her. Den står under overskriften; resten af siden (lister, kontakt) bygges af indholdet.',
  'self-check-questions': '',
  'self-check-stages': '',
};

async function template(
  root: string,
  ids: IdsOf,
  name: CollectionName,
  id: string,
  title: string,
  date: string,
): Promise<string> {
  switch (name) {
    case 'companies':
      return `
name: ${yamlString(title)} # virksomhedens navn, 2–120 tegn
kind: social-economy # social-economy, private eller public
cvr: "12345674" # 8 cifre fra virk.dk (skal bestå modulus 11-kontrollen); udelad for offentlige arbejdspladser
summary: "Skriv én eller to sætninger om virksomheden (højst 200 tegn)." # vises i lister, søgeresultater og delingskort
address:
  street: "Vejnavn 1" # gade og nummer
  postalCode: "4400" # 4 cifre
  city: ${yamlString(site.address.city)}
contact: # mindst én af de tre
  email: kontakt@virksomhed.example
  # website: https://virksomhed.dk
  # phone: "+45 12 34 56 78"
# registrations:
#   rsv: 2020-01-31 # registreret socialøkonomisk virksomhed siden
#   socialMark: 2024 # året for kommunens mærke
# inclusion: [flexjob, internship] # flexjob, small-jobs, internship, wage-subsidy, clarification, igu, partial-sick-leave, disability-support, volunteers
# employees: 12
# founded: 2018
`;
    case 'offerings': {
      const [company] = await ids('companies', (d) => d['kind'] === 'social-economy');
      const [category] = await ids('categories');
      if (!company || !category)
        throw new ScaffoldError(
          'Opret først en socialøkonomisk virksomhed og en kategori; et produkt skal høre til begge',
        );
      return `
title: ${yamlString(title)} # højst 120 tegn
company: ${company} # id (filnavn) på den socialøkonomiske virksomhed, der sælger det — SKIFT til den rigtige
type: service # product eller service
category: ${category} # id fra src/content/categories.yaml — SKIFT til den rigtige
summary: "Skriv én eller to sætninger om varen eller ydelsen (højst 200 tegn)." # vises i lister, søgeresultater og delingskort
audiences: [businesses, public-sector, private] # hvem det passer til; slet dem, der ikke gælder
deliveryArea: ${yamlString(site.municipality)} # hvor der leveres, med jeres egne ord
deliversTo: # hvor der leveres, til katalogets filter »Leverer til«
  municipality: true # i hele kommunen; ellers slet linjen og skriv fx towns: [${site.towns.slice(0, 2).join(', ')}] (byer fra towns i src/site.config.ts)
# price: "fra 85 kr. pr. kuvert"
circular: false # true ved genbrug, reparation eller upcycling
# image: ./images/${id}.jpg
# imageAlt: "Beskriv, hvad billedet viser"
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
title: ${yamlString(title)} # overskrift, højst 120 tegn
lede: "Skriv indledningen her." # det vigtigste i én til tre sætninger, højst 300 tegn; medier og delingskort bruger den
published: ${date} # udgivelsesdato, ÅÅÅÅ-MM-DD
# updated: ${date} # dato for seneste væsentlige ændring
companies: [${company}] # id (filnavn) på virksomhederne i historien — SKIFT til de rigtige
pillars: [3] # pejlemærker 1-5 fra strategien
# esrs: [S1] # S1 egen arbejdsstyrke, S2 arbejdstagere i værdikæden, S3 berørte lokalsamfund, S4 forbrugere og slutbrugere
image: ./images/${id}.jpg # pladsholder — erstat med et rigtigt foto (JPEG/PNG/WebP/AVIF, højst 10 MB, uden GPS)
imageAlt: "Pladsholder: en ensfarvet lyseblå flade" # beskriv, hvad billedet viser
imageCredit: "Foto: Navn Efternavn" # fotografens navn
# people: # alle, der nævnes, citeres eller ses på billedet
#   - name: "Navn Efternavn"
#     consent: ${date} # dato for skriftligt samtykke
#     consentRef: SAM-2026-000 # journalnummer for samtykket (selve blanketten må ikke i repoet)
#     # minor: true
#     # guardianConsentRef: SAM-2026-001 # forældres samtykke, når minor: true
draft: true # sæt til false, når historien skal udgives
`;
    }
    case 'prizes': {
      const criteria = await ids('prize-criteria');
      const [company] = await ids('companies');
      if (!company || criteria.length === 0)
        throw new ScaffoldError('Opret først virksomheder og kriterierne i prize-criteria.yaml');
      return `
year: ${id} # samme år som filnavnet
# ceremony: ${date} # dato for prisuddelingen
nominees: # hver nomineret virksomhed med point 0-5 for hvert kriterium
  - company: ${company} # SKIFT til den rigtige
    scores:
${criteria.map((c) => `      ${c}: 0`).join('\n')}
winners: [] # id på vinderen/vinderne; skal stå blandt nominees
# jury:
#   - "Navn, rolle"
`;
    }
    case 'partnerships': {
      const members = (await ids('companies')).slice(0, 2);
      if (members.length < 2)
        throw new ScaffoldError('Opret først mindst to virksomheder; et partnerskab har mindst to medlemmer');
      return `
title: ${yamlString(title)} # overskrift, højst 120 tegn
summary: "Skriv én eller to sætninger om formålet (højst 200 tegn)." # vises i lister, søgeresultater og delingskort
members: [${members.join(', ')}] # id på mindst to virksomheder — SKIFT til de rigtige
since: ${date} # startdato
status: active # active eller ended
# pillars: [1]
`;
    }
    case 'schemes':
      return `
title: ${yamlString(title)} # overskrift, højst 120 tegn
summary: "Skriv én eller to sætninger om ordningen." # vises i lister, søgeresultater og delingskort
forWhom: "Skriv, hvem ordningen er for." # målgruppen for ordningen
# legalBasis: https://www.retsinformation.dk/... # lovgrundlaget
order: 99 # rækkefølge på siden (lavest først)
# inclusion: [flexjob] # de praksisser på virksomhedssiderne, der skal linke hertil
`;
    case 'events':
      return `
title: ${yamlString(title)} # overskrift, højst 120 tegn
start: ${date}T16:00 # dansk tid, ÅÅÅÅ-MM-DDTTT:MM
# end: ${date}T18:00
location: "Skriv adressen" # sted og adresse
kind: network # dialogue-meeting, prize-ceremony, network eller other
summary: "Skriv én eller to sætninger om arrangementet." # vises i lister, søgeresultater og delingskort
`;
    case 'pages':
      return `
title: ${yamlString(title)} # overskrift, højst 120 tegn
summary: "Skriv én eller to sætninger om siden." # vises i lister, søgeresultater og delingskort
`;
    case 'texts':
      return `
title: "Skriv sidens overskrift" # overskrift på ${TEXT_KEYS[id as TextKey]}, højst 120 tegn
summary: "Skriv én eller to sætninger under overskriften." # vises også i søgeresultater og delingskort
`;
    case 'categories':
    case 'prize-criteria':
    case 'self-check-questions':
    case 'self-check-stages':
      throw new ScaffoldError('unreachable');
  }
}
