/**
 * The preview's mapping from changed content files to pages (src/lib/preview/changed-pages.ts)
 * and its Danish summary: pure functions on given file lists and front matter, no build.
 */
import { describe, expect, it } from 'vitest';
import {
  classify,
  keepBuilt,
  parseNameStatus,
  planPages,
  readSnapshot,
  screenshotName,
  type ContentSnapshot,
  type FileChange,
} from '../../src/lib/preview/changed-pages.ts';
import { renderSummary } from '../../src/lib/preview/summary.ts';
import { categoryUrl, deliveryTownUrl } from '../../src/lib/urls.ts';
import { site } from '../../src/site.config.ts';

const md = (data: string, body = 'Tekst.') => `---\n${data.trim()}\n---\n${body}\n`;

/** A small content set: two companies, an offering, two stories (one a draft), a partnership, a prize, a scheme, an event. */
const BASE: Record<string, string> = {
  'src/content/companies/groent.md': md(
    'name: Grønt Værksted\nkind: social-economy\ninclusion: [flexjob]\nlogo: ./images/groent.png\nlogoAlt: Logo',
  ),
  'src/content/companies/smedie.md': md('name: Smedien\nkind: private'),
  'src/content/companies/fjern.md': md('name: Ingen nævner mig\nkind: private'),
  'src/content/offerings/cykler.md': md('title: Cykler\ncompany: groent\ncategory: genbrug\ntype: service'),
  'src/content/categories.yaml': '- id: genbrug\n  name: Genbrug\n- id: mad\n  name: Mad\n',
  'src/content/prize-criteria.yaml': '- id: ansaettelse\n  title: Ansættelse\n  weight: 100\n',
  'src/content/stories/vaerksted.md': md(
    'title: Værkstedet\npublished: 2026-03-14\ncompanies: [groent, smedie]\nimage: ./images/vaerksted.jpg\nredirectFrom: [gammel-slug]',
  ),
  'src/content/stories/kladde.md': md(
    'title: Kladde\npublished: 2026-04-01\ncompanies: [smedie]\ndraft: true\nimage: ./images/kladde.jpg',
  ),
  'src/content/partnerships/netvaerk.md': md('title: Netværk\nmembers: [groent, smedie]'),
  'src/content/prizes/2025.md': md(
    'year: 2025\nnominees:\n  - company: groent\n    scores: { ansaettelse: 5 }\nwinners: [groent]\nstory: vaerksted',
  ),
  'src/content/schemes/fleksjob.md': md('title: Fleksjob\norder: 1\ninclusion: [flexjob]'),
  'src/content/events/moede.md': md('title: Møde\nstart: 2027-03-11T16:00'),
  'src/content/pages/strategien.md': md('title: Strategien'),
};

const snapshot = (files: Record<string, string>): ContentSnapshot =>
  readSnapshot(Object.entries(files).map(([path, text]) => ({ path, text })));
const NOW = Date.parse('2026-06-01T12:00Z');

/** The pages a change touches, with `files` changed into `after`. */
function plan(changes: FileChange[], after: Record<string, string | undefined>) {
  const next = { ...BASE, ...after };
  for (const [file, text] of Object.entries(after)) if (text === undefined) delete next[file];
  return planPages(changes, snapshot(BASE), snapshot(next as Record<string, string>), NOW);
}
const urls = (p: ReturnType<typeof plan>) => p.pages.map((page) => page.url);

describe('parseNameStatus', () => {
  it('reads added, modified, deleted, renamed, copied and type-changed files', () => {
    const output = [
      'A\tsrc/content/offerings/ny.md',
      'M\tsrc/content/stories/a.md',
      'D\tsrc/content/companies/b.md',
      'R087\tsrc/content/stories/c.md\tsrc/content/stories/d.md',
      'C100\tsrc/content/x.md\tsrc/content/y.md',
      'T\tsrc/content/z.md',
      '',
    ].join('\n');
    expect(parseNameStatus(output)).toEqual([
      { status: 'added', path: 'src/content/offerings/ny.md' },
      { status: 'modified', path: 'src/content/stories/a.md' },
      { status: 'deleted', path: 'src/content/companies/b.md' },
      { status: 'renamed', from: 'src/content/stories/c.md', path: 'src/content/stories/d.md' },
      { status: 'added', path: 'src/content/y.md' },
      { status: 'modified', path: 'src/content/z.md' },
    ]);
  });
});

describe('classify', () => {
  it('knows entry files, list files, images and the rest', () => {
    expect(classify('src/content/stories/a.mdx')).toEqual({ kind: 'entry', collection: 'stories', id: 'a' });
    expect(classify('src/content/offerings/a.mdx')).toEqual({ kind: 'other' }); // offerings are .md only
    expect(classify('src/content/categories.yaml')).toEqual({ kind: 'list', collection: 'categories' });
    expect(classify('src/content/prize-criteria.yaml')).toEqual({ kind: 'list', collection: 'prize-criteria' });
    expect(classify('src/content/stories/images/a.jpg')).toEqual({ kind: 'image' });
    expect(classify('src/content/README.md')).toEqual({ kind: 'other' });
  });
});

describe('planPages', () => {
  it('a company: its page, the directory, and every page that names it', () => {
    const p = plan([{ status: 'modified', path: 'src/content/companies/groent.md' }], {
      'src/content/companies/groent.md': BASE['src/content/companies/groent.md']?.replace(
        'Grønt Værksted',
        'Grønt Værksted ApS',
      ),
    });
    expect(urls(p)).toEqual([
      '/csr-prisen/',
      '/csr-prisen/2025/',
      '/for-virksomheder/fleksjob/',
      '/historier/vaerksted/',
      '/katalog/',
      '/katalog/cykler/',
      '/katalog/kategori/genbrug/',
      '/katalog/print/',
      '/partnerskaber/',
      '/partnerskaber/netvaerk/',
      '/virksomheder/',
      '/virksomheder/groent/',
    ]);
    // The draft names smedie, not groent; and a draft is on no page anyway.
    expect(p.pages.find((x) => x.url === '/virksomheder/groent/')?.reasons).toEqual([
      'companies/groent.md: virksomhedens side',
    ]);
  });

  it('an added offering: its page, the catalogue, every category page (their links count it), the print catalogue and its company', () => {
    const p = plan([{ status: 'added', path: 'src/content/offerings/honning.md' }], {
      'src/content/offerings/honning.md': md('title: Honning\ncompany: smedie\ncategory: mad\ntype: product'),
    });
    expect(urls(p)).toEqual([
      '/katalog/',
      '/katalog/honning/',
      '/katalog/kategori/genbrug/',
      '/katalog/kategori/mad/',
      '/katalog/print/',
      '/virksomheder/smedie/',
    ]);
    expect(p.pages.find((page) => page.url === '/katalog/kategori/genbrug/')?.reasons).toEqual([
      'kataloget: kategorisiderne viser antallet i hver kategori',
    ]);
  });

  it('the category and town links count offerings: a move changes every page they are on, a new title only its own lists', () => {
    // Three towns of the site's own config (a fork has its own).
    const [one, two, three] = site.towns as [string, string, string];
    const offering = (title: string, category: string, town: string) =>
      md(`title: ${title}\ncompany: smedie\ncategory: ${category}\ntype: product\ndeliversTo:\n  towns: [${town}]`);
    const files = (kaffe: string): Record<string, string> => ({
      ...BASE,
      'src/content/categories.yaml': `${BASE['src/content/categories.yaml']}- id: bageri\n  name: Bageri\n`,
      'src/content/offerings/cykler.md': offering('Cykler', 'genbrug', one),
      'src/content/offerings/broed.md': offering('Brød', 'bageri', three),
      'src/content/offerings/kaffe.md': kaffe,
    });
    const change = [{ status: 'modified' as const, path: 'src/content/offerings/kaffe.md' }];
    const listsAfter = (kaffe: string) =>
      planPages(change, snapshot(files(offering('Kaffe', 'mad', two))), snapshot(files(kaffe)), NOW)
        .pages.map((page) => page.url)
        .filter((url) => /\/(kategori|leverer-til)\//.test(url))
        .sort();
    const [bageri, genbrug, mad] = ['bageri', 'genbrug', 'mad'].map(categoryUrl) as [string, string, string];
    const towns = [one, two, three].map(deliveryTownUrl);

    // Moved to another category: every category page's links change, the town pages' do not.
    expect(listsAfter(offering('Kaffe', 'genbrug', two))).toEqual([bageri, genbrug, mad, deliveryTownUrl(two)].sort());
    // Delivered elsewhere: every town page's links change, the other categories' do not.
    expect(listsAfter(offering('Kaffe', 'mad', one))).toEqual([mad, ...towns].sort());
    // A new title: only the lists it is on.
    expect(listsAfter(offering('Kaffe og kage', 'mad', two))).toEqual([mad, deliveryTownUrl(two)].sort());
  });

  it('on long lists every page of the list, and the town pages the offering is listed on', () => {
    // 90 offerings: the catalogue has 3 pages of 40, the category 2 (45 of them), Høng 2 (41 delivered there).
    const many: Record<string, string> = {};
    for (let i = 0; i < 90; i++) {
      const towns = i < 40 ? 'deliversTo:\n  towns: [Høng]' : i < 41 ? 'deliversTo:\n  municipality: true' : '';
      many[`src/content/offerings/o${i}.md`] = md(
        `title: Tilbud ${i}\ncompany: groent\ncategory: ${i % 2 === 0 ? 'mad' : 'genbrug'}\ntype: product\n${towns}`,
      );
    }
    const before = snapshot({ ...BASE, ...many });
    const after = snapshot({
      ...BASE,
      ...many,
      'src/content/offerings/o0.md': md(
        'title: Nyt navn\ncompany: groent\ncategory: mad\ntype: product\ndeliversTo:\n  towns: [Høng]',
      ),
    });
    const touched = planPages(
      [{ status: 'modified', path: 'src/content/offerings/o0.md' }],
      before,
      after,
      NOW,
    ).pages.map((page) => page.url);
    expect(touched).toEqual(
      expect.arrayContaining([
        '/katalog/',
        '/katalog/side/2/',
        '/katalog/side/3/',
        '/katalog/kategori/mad/',
        '/katalog/kategori/mad/side/2/',
        '/katalog/leverer-til/hoeng/',
        '/katalog/leverer-til/hoeng/side/2/',
      ]),
    );
    expect(touched).not.toContain('/katalog/side/4/');
    // Not a town it is not delivered to.
    expect(touched.filter((u) => u.startsWith('/katalog/leverer-til/') && !u.includes('hoeng'))).toEqual([]);
  });

  it('on a scheme practised by more than 60 companies every page of its list, for a company and for the scheme', () => {
    // 125 companies practise flexjob (the fixture's groent and 124 more): fleksjob/, side/2/ and side/3/.
    const many: Record<string, string> = {};
    for (let i = 0; i < 124; i++)
      many[`src/content/companies/c${i}.md`] = md(`name: Firma ${i}\nkind: private\ninclusion: [flexjob]`);
    const pages = [
      '/for-virksomheder/fleksjob/',
      '/for-virksomheder/fleksjob/side/2/',
      '/for-virksomheder/fleksjob/side/3/',
    ];
    const touched = (file: string, text: string) =>
      planPages(
        [{ status: 'modified', path: file }],
        snapshot({ ...BASE, ...many }),
        snapshot({ ...BASE, ...many, [file]: text }),
        NOW,
      ).pages.map((page) => page.url);
    const company = touched('src/content/companies/c7.md', md('name: Firma syv\nkind: private\ninclusion: [flexjob]'));
    expect(company).toEqual(expect.arrayContaining(pages));
    expect(company).not.toContain('/for-virksomheder/fleksjob/side/4/');
    expect(touched('src/content/schemes/fleksjob.md', md('title: Fleksjob!\norder: 1\ninclusion: [flexjob]'))).toEqual(
      expect.arrayContaining(pages),
    );
    // A company that stops practising it leaves the list: the pages it was on change too.
    expect(touched('src/content/companies/c7.md', md('name: Firma 7\nkind: private'))).toEqual(
      expect.arrayContaining(pages),
    );
    // A company that practises nothing the scheme explains is on none of its pages.
    expect(
      touched('src/content/companies/smedie.md', md('name: Smedien A/S\nkind: private')).filter((u) =>
        u.startsWith('/for-virksomheder/'),
      ),
    ).toEqual([]);
  });

  it('a story: its page, the story list, the newest lists, its companies, the prize that links it, and its old slugs', () => {
    const p = plan([{ status: 'modified', path: 'src/content/stories/vaerksted.md' }], {
      'src/content/stories/vaerksted.md': BASE['src/content/stories/vaerksted.md']?.replace('Tekst.', 'Ny tekst.'),
    });
    expect(urls(p)).toEqual([
      '/',
      '/csr-prisen/2025/',
      '/for-virksomheder/fleksjob/',
      '/historier/',
      '/historier/vaerksted/',
      '/presse/',
      '/virksomheder/groent/',
      '/virksomheder/smedie/',
    ]);
    expect(p.redirects).toEqual([{ from: '/historier/gammel-slug/', to: '/historier/vaerksted/' }]);
  });

  it('a draft has its own page only, which the build leaves out; keepBuilt says it is a draft', () => {
    const p = plan([{ status: 'modified', path: 'src/content/stories/kladde.md' }], {
      'src/content/stories/kladde.md': BASE['src/content/stories/kladde.md']?.replace('Tekst.', 'Mere.'),
    });
    expect(urls(p)).toEqual(['/historier/kladde/']);
    const built = keepBuilt(p, (url) => url !== '/historier/kladde/');
    expect(built.pages).toEqual([]);
    expect(built.notBuilt).toEqual([
      { url: '/historier/kladde/', reasons: ['stories/kladde.md: historiens side'], draft: true },
    ]);
  });

  it('publishing a draft (draft: true removed) puts it on the lists', () => {
    const p = plan([{ status: 'modified', path: 'src/content/stories/kladde.md' }], {
      'src/content/stories/kladde.md': BASE['src/content/stories/kladde.md']?.replace('draft: true\n', ''),
    });
    expect(urls(p)).toEqual(['/', '/historier/', '/historier/kladde/', '/presse/', '/virksomheder/smedie/']);
  });

  it('a deleted file: its page is gone (not a page to screenshot), its lists change', () => {
    const p = plan([{ status: 'deleted', path: 'src/content/offerings/cykler.md' }], {
      'src/content/offerings/cykler.md': undefined,
    });
    expect(p.gone).toEqual([{ url: '/katalog/cykler/', file: 'src/content/offerings/cykler.md' }]);
    expect(urls(p)).toEqual(['/katalog/', '/katalog/kategori/genbrug/', '/katalog/print/', '/virksomheder/groent/']);
  });

  it('a renamed file: the new page, the old URL noted (and whether it redirects)', () => {
    const renamed = BASE['src/content/partnerships/netvaerk.md'] ?? '';
    const p = plan(
      [
        {
          status: 'renamed',
          from: 'src/content/partnerships/netvaerk.md',
          path: 'src/content/partnerships/faellesskab.md',
        },
      ],
      {
        'src/content/partnerships/netvaerk.md': undefined,
        'src/content/partnerships/faellesskab.md': renamed.replace(
          'title: Netværk',
          'title: Netværk\nredirectFrom: [netvaerk]',
        ),
      },
    );
    expect(urls(p)).toEqual([
      '/partnerskaber/',
      '/partnerskaber/faellesskab/',
      '/virksomheder/groent/',
      '/virksomheder/smedie/',
    ]);
    expect(p.renamed).toEqual([
      {
        from: 'src/content/partnerships/netvaerk.md',
        to: 'src/content/partnerships/faellesskab.md',
        oldUrl: '/partnerskaber/netvaerk/',
        newUrl: '/partnerskaber/faellesskab/',
      },
    ]);
    expect(p.gone).toEqual([
      {
        url: '/partnerskaber/netvaerk/',
        file: 'src/content/partnerships/netvaerk.md',
        redirectsTo: '/partnerskaber/faellesskab/',
      },
    ]);
    expect(p.redirects).toEqual([{ from: '/partnerskaber/netvaerk/', to: '/partnerskaber/faellesskab/' }]);
  });

  it('categories.yaml: only the category that changed, where it shows', () => {
    const p = plan([{ status: 'modified', path: 'src/content/categories.yaml' }], {
      'src/content/categories.yaml': '- id: genbrug\n  name: Genbrug og reparation\n- id: mad\n  name: Mad\n',
    });
    expect(urls(p)).toEqual([
      '/katalog/',
      '/katalog/cykler/',
      '/katalog/kategori/genbrug/',
      '/katalog/kategori/mad/',
      '/katalog/print/',
    ]);
  });

  it('prize-criteria.yaml: the prize page, the nomination page and every prize year', () => {
    const p = plan([{ status: 'modified', path: 'src/content/prize-criteria.yaml' }], {
      'src/content/prize-criteria.yaml': '- id: ansaettelse\n  title: Ansættelse og fastholdelse\n  weight: 100\n',
    });
    expect(urls(p)).toEqual(['/csr-prisen/', '/csr-prisen/2025/', '/csr-prisen/indstil/']);
  });

  it('the self-check files: the self-check page, and it again when the criteria it scores by change', () => {
    const questions = '- id: a\n  criterion: ansaettelse\n  question: Har I fleksjob?\n';
    expect(
      urls(
        plan([{ status: 'added', path: 'src/content/self-check-questions.yaml' }], {
          'src/content/self-check-questions.yaml': questions,
        }),
      ),
    ).toEqual(['/for-virksomheder/selvtjek/']);
    const p = plan([{ status: 'modified', path: 'src/content/prize-criteria.yaml' }], {
      'src/content/prize-criteria.yaml': '- id: ansaettelse\n  title: Ansættelse og fastholdelse\n  weight: 100\n',
      'src/content/self-check-questions.yaml': questions,
    });
    expect(urls(p)).toEqual([
      '/csr-prisen/',
      '/csr-prisen/2025/',
      '/csr-prisen/indstil/',
      '/for-virksomheder/selvtjek/',
    ]);
  });

  it('an image: the pages of the entries that use it; an unused image shows nowhere', () => {
    const p = plan(
      [
        { status: 'modified', path: 'src/content/stories/images/vaerksted.jpg' },
        { status: 'added', path: 'src/content/stories/images/ubrugt.jpg' },
      ],
      {},
    );
    expect(urls(p)).toEqual([
      '/',
      '/csr-prisen/2025/',
      '/for-virksomheder/fleksjob/',
      '/historier/',
      '/historier/vaerksted/',
      '/presse/',
      '/virksomheder/groent/',
      '/virksomheder/smedie/',
    ]);
    expect(p.pages.find((x) => x.url === '/historier/vaerksted/')?.reasons).toEqual([
      'stories/images/vaerksted.jpg: billede i stories/vaerksted.md, historiens side',
    ]);
    expect(p.unused).toEqual(['src/content/stories/images/ubrugt.jpg']);
    const logo = plan([{ status: 'modified', path: 'src/content/companies/images/groent.png' }], {});
    expect(urls(logo)).toContain('/virksomheder/groent/');
  });

  it('a scheme: its page, the guidance page and the companies that practise it; an event: its page, the list and, while upcoming, the home page', () => {
    const scheme = plan([{ status: 'modified', path: 'src/content/schemes/fleksjob.md' }], {
      'src/content/schemes/fleksjob.md': md('title: Fleksjob!\norder: 1\ninclusion: [flexjob]'),
    });
    expect(urls(scheme)).toEqual(['/for-virksomheder/', '/for-virksomheder/fleksjob/', '/virksomheder/groent/']);
    const event = plan([{ status: 'modified', path: 'src/content/events/moede.md' }], {
      'src/content/events/moede.md': md('title: Møde!\nstart: 2027-03-11T16:00'),
    });
    expect(urls(event)).toEqual(['/', '/arrangementer/', '/arrangementer/moede/']);
    const past = plan([{ status: 'modified', path: 'src/content/events/moede.md' }], {
      'src/content/events/moede.md': md('title: Møde\nstart: 2026-01-11T16:00'),
    });
    expect(urls(past)).toEqual(['/', '/arrangementer/', '/arrangementer/moede/']); // it was upcoming before the change
  });

  it('a free page other pages link to: an edit only its own page; added or deleted, every page that links to it', () => {
    // Pillars link to the strategy, ESRS topics to ESG, the catalogue and the guidance page to procurement.
    const linked = {
      ...BASE,
      'src/content/stories/vaerksted.md': md(
        'title: Værkstedet\npublished: 2026-03-14\ncompanies: [groent, smedie]\nimage: ./images/vaerksted.jpg\npillars: [1, 3]\nesrs: [S1]',
      ),
      'src/content/stories/kladde.md': md(
        'title: Kladde\npublished: 2026-04-01\ncompanies: [smedie]\ndraft: true\nimage: ./images/kladde.jpg\npillars: [2]\nesrs: [S2]',
      ),
      'src/content/partnerships/netvaerk.md': md('title: Netværk\nmembers: [groent, smedie]\npillars: [2]'),
    };
    const change = (status: FileChange['status'], id: string, text?: string) => {
      const file = `src/content/pages/${id}.md`;
      // The page as it was (deleted, modified) and as it is (added, modified); the rest as in `linked`.
      const before: Record<string, string> = { ...linked };
      const after: Record<string, string> = { ...linked };
      delete before[file];
      delete after[file];
      if (status !== 'added') before[file] = md(`title: ${id}`);
      if (status !== 'deleted') after[file] = text ?? md(`title: ${id}`);
      return urls(planPages([{ status, path: file } as FileChange], snapshot(before), snapshot(after), NOW));
    };
    expect(change('modified', 'strategien', md('title: Strategien', 'Ny tekst.'))).toEqual(['/strategien/']);
    // Its own page is gone; the home page, the published story and the partnership lose the link (the draft has no page).
    expect(change('deleted', 'strategien')).toEqual(['/', '/historier/vaerksted/', '/partnerskaber/netvaerk/']);
    expect(change('added', 'esg')).toEqual(['/esg/', '/historier/vaerksted/']);
    expect(change('added', 'indkoeb')).toEqual(['/for-virksomheder/', '/indkoeb/', '/katalog/']);
    // A free page no page links to by id shows on its own page only.
    expect(change('added', 'om-projektet')).toEqual(['/om-projektet/']);
    expect(change('deleted', 'om-projektet')).toEqual([]);
  });
});

describe('screenshotName', () => {
  it('names a page and width after its path, the home page "forside"', () => {
    expect(screenshotName('/', 390)).toBe('forside-390.png');
    expect(screenshotName('/katalog/kategori/mad/', 1280)).toBe('katalog_kategori_mad-1280.png');
  });
});

describe('renderSummary', () => {
  it('says in Danish what the checker found, which pages change with their screenshots, and what is gone, renamed or a draft', () => {
    const p = keepBuilt(
      plan(
        [
          { status: 'modified', path: 'src/content/stories/kladde.md' },
          { status: 'deleted', path: 'src/content/offerings/cykler.md' },
        ],
        {
          'src/content/stories/kladde.md': BASE['src/content/stories/kladde.md']?.replace('Tekst.', 'Mere.'),
          'src/content/offerings/cykler.md': undefined,
        },
      ),
      (url) => url !== '/historier/kladde/',
    );
    const screenshots = new Map([
      [
        '/katalog/',
        new Map([
          [390, 'screenshots/katalog-390.png'],
          [1280, 'screenshots/katalog-1280.png'],
        ]),
      ],
    ]);
    const text = renderSummary({
      base: 'origin/main',
      plan: p,
      check: {
        ok: false,
        lines: ['src/content/stories/kladde.md: people[0].consentRef: feltet er tomt', '', '1 fejl i indholdet'],
      },
      built: true,
      screenshots,
      widths: [390, 1280],
    });
    expect(text).toContain('Sammenlignet med `origin/main`: 2 ændrede filer');
    expect(text).toContain('❌ Indholdstjekket fandt fejl');
    expect(text).toContain('```text\nsrc/content/stories/kladde.md: people[0].consentRef: feltet er tomt\n');
    expect(text).toContain('### Sider, der ændres (4)');
    expect(text).toContain('| Side | Hvorfor | 390 px | 1280 px |');
    expect(text).toContain(
      '| `/katalog/` | offerings/cykler.md: kataloget | [390 px](screenshots/katalog-390.png) | [1280 px](screenshots/katalog-1280.png) |',
    );
    expect(text).toContain(
      '### Sider, der forsvinder\n\n- `/katalog/cykler/` (`offerings/cykler.md` er slettet eller omdøbt)',
    );
    expect(text).toContain('### Slettede filer\n\n- `offerings/cykler.md`');
    expect(text).toContain('- `/historier/kladde/`: en kladde (`draft: true`) får ingen side');
  });

  it('without a built site: no screenshots, and the pages the change would touch', () => {
    const p = keepBuilt(
      plan([{ status: 'added', path: 'src/content/offerings/honning.md' }], {
        'src/content/offerings/honning.md': md('title: Honning\ncompany: smedie\ncategory: mad\ntype: product'),
      }),
      () => true,
    );
    const text = renderSummary({
      base: 'origin/main',
      plan: p,
      check: { ok: true, lines: ['Indholdet er i orden: 12 poster i 12 filer tjekket.'] },
      built: false,
      screenshots: new Map(),
      widths: [390, 1280],
    });
    expect(text).toContain('✅ Indholdet er i orden');
    expect(text).toContain('Webstedet blev ikke bygget');
    expect(text).toContain('| Side | Hvorfor |\n|---|---|\n| `/katalog/` |');
  });
});
