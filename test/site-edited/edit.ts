/**
 * An editor's pull request against whatever content the site has: entries added in every
 * collection with pages, one offering deleted, one company renamed (new slug, old URL kept,
 * every reference updated) and `&`, `<` and æøå in titles. Written against the contract, not
 * the sample, so it applies to a fork's content too.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import sharp from 'sharp';

type Data = Record<string, unknown>;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/;

/** What the edit did, for the tests that check it (test/site-edited/edits.test.ts). */
export interface Edits {
  added: {
    companies: string;
    offerings: string;
    stories: string;
    partnerships: string;
    events: string;
    prizes: number | undefined;
  };
  /** Titles with characters that must be escaped in HTML and XML. */
  titles: { company: string; offering: string; story: string };
  deletedOffering: string | undefined;
  renamedCompany: { from: string; to: string; name: string } | undefined;
  retitledStory: { id: string; title: string } | undefined;
}

const read = async (file: string) => {
  const text = await readFile(file, 'utf8');
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error(`${file}: ingen frontmatter`);
  return { data: yaml.load(match[1] ?? '', { schema: yaml.CORE_SCHEMA }) as Data, body: text.slice(match[0].length) };
};
const dump = (data: Data) => yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });
const write = (file: string, data: Data, body: string) => writeFile(file, `---\n${dump(data)}---\n${body}`);
const markdownFiles = async (dir: string) =>
  (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.mdx?$/.test(f)).sort();
const readList = async (file: string) =>
  (yaml.load(await readFile(file, 'utf8').catch(() => '[]'), { schema: yaml.CORE_SCHEMA }) as Data[] | null) ?? [];

/** Replaces a slug wherever it stands as a whole YAML value (`company: x`, `- x`, `[a, x]`). */
function replaceReference(frontmatter: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return frontmatter.replace(
    new RegExp(`(:\\s*|-\\s+|\\[\\s*|,\\s*)(["']?)${escaped}\\2(?=\\s*(,|\\]|$))`, 'gm'),
    `$1$2${to}$2`,
  );
}

export async function editContent(contentDir: string): Promise<Edits> {
  const at = (...parts: string[]) => path.join(contentDir, ...parts);
  const companyFiles = await markdownFiles(at('companies'));
  const offeringFiles = await markdownFiles(at('offerings'));
  const storyFiles = await markdownFiles(at('stories'));

  // A category for the new offering: the first there is, or a new one.
  const categories = await readList(at('categories.yaml'));
  let category = categories[0]?.['id'] as string | undefined;
  if (!category) {
    category = 'diverse';
    await writeFile(
      at('categories.yaml'),
      dump([...categories, { id: category, name: 'Diverse & andet' }] as unknown as Data),
    );
  }

  // Delete one offering (entries never reference offerings).
  const deleted = offeringFiles[0];
  if (deleted) await rm(at('offerings', deleted));

  // Rename one company without old slugs of its own: new file name, the old one kept as
  // redirectFrom, a new display name, and every reference in every file updated.
  let renamedCompany: Edits['renamedCompany'];
  for (const file of companyFiles) {
    const { data, body } = await read(at('companies', file));
    if (data['redirectFrom']) continue;
    const from = path.basename(file, path.extname(file));
    const to = `${from.slice(0, 60)}-omdoebt`;
    const name = `${String(data['name']).slice(0, 100)} & Co.`;
    await rm(at('companies', file));
    for (const entry of await readdir(contentDir, { recursive: true })) {
      if (!/\.(mdx?|ya?ml)$/.test(entry)) continue;
      const text = await readFile(at(entry), 'utf8');
      const match = /\.ya?ml$/.test(entry) ? { 0: text, 1: text, index: 0 } : FRONTMATTER.exec(text);
      if (!match) continue;
      const edited = text.replace(match[1] ?? '', replaceReference(match[1] ?? '', from, to));
      if (edited !== text) await writeFile(at(entry), edited);
    }
    await write(at('companies', `${to}.md`), { ...data, name, redirectFrom: [from] }, body);
    renamedCompany = { from, to, name };
    break;
  }

  // New entries, written as the scaffolder would.
  const company = 'vaerkstedet-ved-aaen-test';
  const titles = {
    company: 'Værkstedet ved Åen & Søn <test>',
    offering: 'Smørrebrød & kaffe til <mødet> – æøå',
    story: 'Ærlig snak & <store> planer på Værkstedet ved Åen',
  };
  await write(
    at('companies', `${company}.md`),
    {
      name: titles.company,
      kind: 'social-economy',
      cvr: '10000009',
      summary: 'Et værksted ved åen, der ansætter på særlige vilkår & sælger mad og reparationer.',
      address: { street: 'Åvej 1', postalCode: '4400', city: 'Kalundborg' },
      contact: { email: 'kontakt@vaerkstedet-ved-aaen.example', phone: '+45 12 34 56 78' },
      inclusion: ['flexjob', 'small-jobs'],
    },
    '\nVi er et lille værksted ved åen.\n',
  );
  await write(
    at('offerings', 'smoerrebroed-og-kaffe-test.md'),
    {
      title: titles.offering,
      company,
      type: 'product',
      category,
      summary: 'Smørrebrød & kaffe leveret til møder – også med <vegetar>.',
      audiences: ['businesses', 'public-sector'],
      deliveryArea: 'Kalundborg Kommune',
      price: 'fra 65 kr. pr. stk.',
      circular: false,
    },
    '',
  );
  await mkdir(at('stories', 'images'), { recursive: true });
  await sharp({ create: { width: 1200, height: 750, channels: 3, background: { r: 40, g: 110, b: 90 } } })
    .jpeg()
    .toFile(at('stories', 'images', 'aerlig-snak-test.jpg'));
  await write(
    at('stories', 'aerlig-snak-og-store-planer-test.md'),
    {
      title: titles.story,
      lede: 'Værkstedet ved Åen vil ansætte flere & samarbejde med <flere> virksomheder.',
      published: '2026-02-03',
      companies: [company],
      pillars: [1, 4],
      image: './images/aerlig-snak-test.jpg',
      imageAlt: 'En grøn flade',
      imageCredit: 'Foto: Åse Ærø',
      people: [{ name: 'Åse Ærø', consent: '2026-01-20', consentRef: 'SAM-2026-900' }],
    },
    // A code block and a code span, as an editor pastes an opening-hours notice or a file name.
    '\nDet begyndte med en snak & en kop kaffe <i køkkenet>.\n\nSå kom planerne:\n\n```text\nÅbent: man–fre 8–16 & efter aftale\n```\n\nSe `aabningstider.pdf`.\n',
  );
  const partner = renamedCompany?.to ?? path.basename(companyFiles[0] ?? '', '.md');
  if (partner) {
    await write(
      at('partnerships', 'aaens-netvaerk-test.md'),
      {
        title: 'Åens netværk & venner',
        summary: 'To virksomheder deler opgaver & erfaringer.',
        members: [company, partner],
        since: '2026-01-01',
        status: 'active',
        pillars: [1],
      },
      '\nEt nyt samarbejde.\n',
    );
  }
  await write(
    at('events', 'aabent-vaerksted-test.md'),
    {
      title: 'Åbent værksted & kaffe',
      start: '2027-05-12T10:00',
      end: '2027-05-12T12:00',
      location: 'Åvej 1, Kalundborg',
      kind: 'network',
      summary: 'Kom & se værkstedet.',
    },
    '\nAlle er velkomne.\n',
  );

  // A prize year before any other, with the new company as nominee and winner.
  const criteria = await readList(at('prize-criteria.yaml'));
  let prizeYear: number | undefined;
  if (criteria.length > 0) {
    const years = (await markdownFiles(at('prizes'))).map((f) => Number.parseInt(f, 10)).filter(Number.isFinite);
    prizeYear = Math.min(2020, ...years) - 1;
    await write(
      at('prizes', `${prizeYear}.md`),
      {
        year: prizeYear,
        nominees: [{ company, scores: Object.fromEntries(criteria.map((c) => [String(c['id']), 3])) }],
        winners: [company],
        jury: ['Juryen & co.'],
      },
      '\nJuryens begrundelse.\n',
    );
  }

  // Retitle a published story: `&`, `<` and æøå in a title an editor changed.
  let retitledStory: Edits['retitledStory'];
  for (const file of storyFiles) {
    const { data, body } = await read(at('stories', file));
    if (data['draft'] === true || data['consentWithdrawn'] !== undefined) continue;
    const title = `Nyt & <godt>: ${String(data['title'])}`.slice(0, 120);
    await write(at('stories', file), { ...data, title }, body);
    retitledStory = { id: path.basename(file, path.extname(file)), title };
    break;
  }

  return {
    added: {
      companies: company,
      offerings: 'smoerrebroed-og-kaffe-test',
      stories: 'aerlig-snak-og-store-planer-test',
      partnerships: 'aaens-netvaerk-test',
      events: 'aabent-vaerksted-test',
      prizes: prizeYear,
    },
    titles,
    deletedOffering: deleted ? path.basename(deleted, path.extname(deleted)) : undefined,
    renamedCompany,
    retitledStory,
  };
}
