/**
 * The gate after every build (`src/lib/published/`) on small hand-written `dist/` folders: one
 * planted unsafe output of each kind is caught, with the file, the rule and (where it can) the
 * content file; a page shaped like a real built one passes.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkPublished,
  formatGateProblem,
  openVerdictCache,
  readContentFacts,
  type ContentFacts,
  type GateProblem,
} from '../../src/lib/published/index.ts';
import { removeUnpublishedPhotos } from '../../src/lib/published/photos.ts';
import { encodePressPhoto } from '../../src/lib/press-photo.ts';
import { pressPhotoUrl } from '../../src/lib/urls.ts';
import sharp from 'sharp';
import { checkContent } from '../../src/lib/validation/check.ts';
import { fixtureSite, projectRoot } from '../helpers.ts';

const SITE = 'https://socialoekonomi.example.dk';
const SCRIPT = 'document.documentElement.classList.add("js")';
const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** A page shaped like a built one: CSP meta with the hash of its one inline script, JSON-LD, the templates' own attributes. */
function page(body = '', head = ''): string {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<meta http-equiv="content-security-policy" content="default-src 'self'; img-src 'self' data:; script-src 'self' '${hash(SCRIPT)}'; style-src 'self' 'sha256-abc='">
<title>Side</title><link rel="canonical" href="${SITE}/side/"><link rel="icon" href="/logo.svg" type="image/svg+xml">
<link rel="alternate" type="application/rss+xml" href="/historier/rss.xml" title="RSS">
<link rel="stylesheet" href="/_astro/index.abc123.css">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite"}</script>
${head}</head><body><a class="skip-link" href="#indhold">Spring til indhold</a>
<main id="indhold" tabindex="-1"><h1>Side</h1><p><a href="https://www.was.digst.dk/x">ekstern</a></p>
<img src="/_astro/foto.abc_def.webp" srcset="/_astro/foto.abc_def.webp 400w, /_astro/foto.abc_ghi.webp 800w" alt="">
<script type="module" src="/_astro/search.abc.js"></script><script>${SCRIPT}</script>
${body}</main></body></html>`;
}

const RSS = (item = '<p>Tekst</p>') => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Historier</title><link>${SITE}/</link><description>x</description>
<item><title>En</title><link>${SITE}/historier/en/</link><content:encoded><![CDATA[${item}]]></content:encoded></item></channel></rss>`;

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:x',
  'BEGIN:VEVENT',
  'UID:a@b',
  'SUMMARY:Møde',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const CSV =
  '\uFEFFid;name;phone;url\r\nen;"Et ""firma"";";12 34 56 78;https://socialoekonomi.example.dk/virksomheder/en/\r\n';

const PHOTO = Buffer.from('hemmeligt foto af en, der har trukket sit samtykke');

const facts = (): ContentFacts => ({
  sources: new Map([
    ['/historier/en/', 'src/content/stories/en.md'],
    ['/virksomheder/en/', 'src/content/companies/en.md'],
  ]),
  redirects: new Map([
    ['/was/', 'https://www.was.digst.dk/x'],
    ['/historier/gammel/', '/historier/en/'],
  ]),
  unpublishedPhotos: [
    {
      path: '/x/src/content/stories/images/trukket.jpg',
      source: 'src/content/stories/trukket.md',
      sha256: createHash('sha256').update(PHOTO).digest('hex'),
      size: PHOTO.length,
    },
  ],
  publishedPhotoHashes: new Set(),
  publishedPhotoStems: new Set(['foto']),
  hiddenStories: [{ id: 'trukket', source: 'src/content/stories/trukket.md', withdrawn: true }],
});

/** A dist folder with a clean file of every kind, plus the files given. */
async function dist(files: Record<string, string | Buffer> = {}): Promise<string> {
  await mkdir(path.join(projectRoot, 'test', '.tmp'), { recursive: true });
  const dir = await mkdtemp(path.join(projectRoot, 'test', '.tmp', 'gate-'));
  const all: Record<string, string | Buffer> = {
    'index.html': page(),
    'historier/en/index.html': page('<p>Historien</p>'),
    'historier/trukket/index.html': page('<p>Historien er trukket tilbage.</p>'),
    'historier/gammel/index.html': `<!DOCTYPE html><html lang="da"><head><meta http-equiv="refresh" content="0; url=/historier/en/"></head><body></body></html>`,
    'was/index.html': `<!DOCTYPE html><html lang="da"><head><meta http-equiv="refresh" content="0; url=https://www.was.digst.dk/x"></head><body></body></html>`,
    'historier/rss.xml': RSS(),
    'historier/feed.json': JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ url: `${SITE}/historier/en/`, content_html: '<p>x</p>' }],
    }),
    'arrangementer/kalender.ics': ICS,
    'data/virksomheder.csv': CSV,
    'data/virksomheder.json': '{"items":[]}',
    'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
    '_astro/foto.abc_def.webp': Buffer.from('offentligt foto'),
    ...files,
  };
  for (const [file, contents] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
  return dir;
}

const check = async (files: Record<string, string | Buffer>): Promise<GateProblem[]> =>
  checkPublished(await dist(files), { site: SITE, content: facts() });

/** The gate finds exactly one problem, in `file`, from `rule`. */
async function caught(file: string, contents: string | Buffer, rule: string): Promise<GateProblem> {
  const problems = await check({ [file]: contents });
  expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual([`${file} ${rule}`]);
  return problems[0]!;
}

describe('the gate after every build', () => {
  it('passes a clean site shaped like a real build', async () => {
    expect(await check({})).toEqual([]);
  });

  it.each([
    ['a script from another host', '<script src="https://evil.example/x.js"></script>', 'script'],
    ['a script from the site outside /_astro/ and /pagefind/', '<script src="/uploads/x.js"></script>', 'script'],
    ['an inline script whose hash is not in the CSP', '<script>alert(1)</script>', 'script'],
    ['JSON-LD that is not JSON', '<script type="application/ld+json">{oops</script>', 'script'],
    ['onerror', '<img src="/x.png" alt=""\n  onerror="alert(1)">', 'event-handler'],
    ['a javascript: href, disguised', '<a href=" jav&#x09;ascript:alert(1)">x</a>', 'url-scheme'],
    ['a data: URL in a link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', 'url-scheme'],
    [
      'SVG <a xlink:href="javascript:…">',
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      'url-scheme',
    ],
    [
      'an SVG animation that sets href',
      '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
      'url-scheme',
    ],
    [
      '<svg><title><img onerror> (an HTML element breaks out of SVG)',
      '<svg><title><img src=x onerror=alert(1)></title></svg>',
      'event-handler',
    ],
    ['a javascript: URL split across lines', '<a\n  href="java\nscript:alert(1)">x</a>', 'url-scheme'],
    ['a MathML link to javascript:', '<math><mi href="javascript:alert(1)">x</mi></math>', 'url-scheme'],
    [
      'an <img onerror> inside MathML text',
      '<math><mtext><img src="/x.png" onerror="alert(1)"></mtext></math>',
      'event-handler',
    ],
    ['an SVG <script>', '<svg><script>alert(1)</script></svg>', 'script'],
    ['a form posting to javascript:', '<form><button formaction="javascript:alert(1)">x</button></form>', 'url-scheme'],
    [
      'a meta refresh on a normal page',
      '<meta http-equiv="Refresh" content="0; url=https://evil.example/">',
      'refresh',
    ],
    ['<base>', '<base href="https://evil.example/">', 'embed'],
    ['<iframe>', '<iframe src="/side/"></iframe>', 'embed'],
    ['<object>', '<object data="/x.swf"></object>', 'embed'],
    ['a remote image', '<img src="https://tracker.example/pixel.gif" alt="">', 'remote'],
    ['a protocol-relative image in srcset', '<img src="/a.png" srcset="//tracker.example/p.gif 2x" alt="">', 'remote'],
    [
      'a remote background in a style attribute',
      '<p style="background:url(https://tracker.example/p.gif)">x</p>',
      'remote',
    ],
  ])('refuses %s on a page', async (_, markup, rule) => {
    const problem = await caught('historier/en/index.html', page(markup), rule);
    expect(problem.source).toBe('src/content/stories/en.md');
    expect(formatGateProblem(problem)).toMatch(
      /^dist\/historier\/en\/index\.html: .+ \(kilde: src\/content\/stories\/en\.md\)$/,
    );
  });

  it('refuses a remote stylesheet', async () => {
    await caught('index.html', page('', '<link rel="stylesheet" href="https://cdn.example/x.css">'), 'remote');
  });

  it('refuses attributes on <html> and <body> that the templates do not write', async () => {
    const problems = await check({
      'index.html': page().replace('<body>', '<body data-x="1">').replace('lang="da"', 'lang="da" style="x"'),
    });
    expect(problems.map((p) => p.rule)).toEqual(['root-attributes', 'root-attributes']);
  });

  it('allows a refresh only on the site’s redirect pages, only to their target', async () => {
    await caught(
      'historier/gammel/index.html',
      '<!DOCTYPE html><html lang="da"><head><meta http-equiv="refresh" content="0; url=https://evil.example/"></head><body></body></html>',
      'refresh',
    );
  });

  it('refuses an SVG file with a script, a handler or a javascript: link', async () => {
    const svg = (inner: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${inner}</svg>`;
    await caught('_astro/tegning.abc.svg', svg('<script>alert(1)</script>'), 'svg');
    await caught('_astro/tegning.abc.svg', svg('<rect onload="alert(1)"/>'), 'svg');
    await caught('_astro/tegning.abc.svg', svg('<a xlink:href="javascript:alert(1)"><rect/></a>'), 'svg');
  });

  it('refuses a malformed feed and unsafe HTML inside a well-formed one', async () => {
    await caught('historier/rss.xml', RSS().replace('</channel>', ''), 'xml');
    const problem = await caught('historier/rss.xml', RSS('<p>x</p><img src="x" onerror="alert(1)">'), 'event-handler');
    expect(problem.source).toBe('src/content/stories/en.md');
    await caught('historier/rss.xml', RSS('<script>alert(1)</script>'), 'script');
  });

  it('refuses unsafe HTML in a JSON Feed and JSON that does not parse', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ url: `${SITE}/historier/en/`, content_html: '<iframe src="https://x.example/"></iframe>' }],
    };
    expect((await caught('historier/feed.json', JSON.stringify(feed), 'embed')).source).toBe(
      'src/content/stories/en.md',
    );
    await caught('data/katalog.json', '{"items": [', 'json');
  });

  it('refuses a bare CR, a bare LF and an unfolded long line in a calendar', async () => {
    await caught('arrangementer/kalender.ics', ICS.replace('SUMMARY:Møde', 'SUMMARY:Møde\rX-EVIL:1'), 'ics');
    await caught('arrangementer/kalender.ics', ICS.replace('SUMMARY:Møde', 'SUMMARY:Møde\nX-EVIL:1'), 'ics');
    await caught('arrangementer/kalender.ics', ICS.replace('SUMMARY:Møde', `SUMMARY:${'æ'.repeat(40)}`), 'ics');
  });

  it('refuses a CSV cell a spreadsheet would run as a formula, naming the entry', async () => {
    const problem = await caught(
      'data/virksomheder.csv',
      CSV.replace('12 34 56 78', '"=HYPERLINK(""https://evil.example"")"'),
      'csv-formula',
    );
    expect(problem.message).toContain('kolonne phone');
    expect(problem.source).toBe('src/content/companies/en.md');
    await caught('data/virksomheder.csv', CSV.replace('"Et ""firma"";"', '"x"y'), 'csv');
  });

  it('refuses a file with the bytes of an unpublished story’s photo, files derived from it and files named after the story', async () => {
    const problem = await caught('_astro/kopi.abc.jpg', PHOTO, 'consent');
    expect(problem.source).toBe('src/content/stories/trukket.md');
    await caught('_astro/trukket.BdewMuzX_24S3vS.avif', Buffer.from('resized'), 'consent');
    await caught('og/historier/trukket.jpg', Buffer.from('card'), 'consent');
  });

  it('refuses the press photo of a withdrawn story: re-encoded, so caught by its name, not its bytes', async () => {
    const source = await sharp({ create: { width: 40, height: 25, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();
    const press = (await encodePressPhoto(source)).bytes;
    const file = pressPhotoUrl('trukket').slice(1);
    expect(file).toBe('historier/trukket/foto.jpg');
    const problem = await caught(file, press, 'consent');
    expect(problem.source).toBe('src/content/stories/trukket.md');
    expect(problem.message).toContain('samtykket er trukket tilbage');
    // A published story's press photo is fine.
    expect(await check({ [pressPhotoUrl('en').slice(1)]: press })).toEqual([]);
  });

  it('allows those bytes when a published entry uses the same photo', async () => {
    const dir = await dist({ '_astro/kopi.abc.jpg': PHOTO });
    const shared = facts();
    shared.publishedPhotoHashes.add(shared.unpublishedPhotos[0]!.sha256);
    expect(await checkPublished(dir, { site: SITE, content: shared })).toEqual([]);
  });

  it('removes the copies of unpublished photos nothing refers to, and keeps what a page uses', async () => {
    const dir = await dist({
      '_astro/trukket.abc.jpg': PHOTO,
      '_astro/trukket.abc_def.webp': Buffer.from('resized'),
      '_astro/trukket.abc_brugt.webp': Buffer.from('used'),
      'side/index.html': page('<img src="/_astro/trukket.abc_brugt.webp" alt="">'),
    });
    expect(await removeUnpublishedPhotos(dir, facts())).toEqual([
      '_astro/trukket.abc.jpg',
      '_astro/trukket.abc_def.webp',
    ]);
    const left = await checkPublished(dir, { site: SITE, content: facts() });
    expect(left.map((p) => `${p.file} ${p.rule}`)).toEqual(['_astro/trukket.abc_brugt.webp consent']);
  });
});

describe('the gate remembers what it judged clean (verdict cache)', () => {
  const open = (file: string, content = facts(), rules = 'regler-1') =>
    openVerdictCache(file, { site: SITE, content }, rules);

  it('judges only changed files the next time, and still catches a changed file', async () => {
    const dir = await dist({ 'side/index.html': page() });
    const cacheFile = path.join(dir, '..', `${path.basename(dir)}-verdicts.json`);
    const first = await open(cacheFile);
    expect(await checkPublished(dir, { site: SITE, content: facts() }, first)).toEqual([]);
    await first.save();
    const files = first.judged;
    expect(files).toBeGreaterThan(5);

    const second = await open(cacheFile);
    expect(await checkPublished(dir, { site: SITE, content: facts() }, second)).toEqual([]);
    expect(second.judged).toBe(0);
    await second.save();

    // One page changed, now unsafe: judged again and caught; it is not remembered as clean.
    await writeFile(path.join(dir, 'side/index.html'), page('<p onclick="alert(1)">x</p>'));
    const third = await open(cacheFile);
    const problems = await checkPublished(dir, { site: SITE, content: facts() }, third);
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['side/index.html event-handler']);
    expect(third.judged).toBe(1);
    await third.save();
    const fourth = await open(cacheFile);
    expect(await checkPublished(dir, { site: SITE, content: facts() }, fourth)).toHaveLength(1);
    expect(fourth.judged).toBe(1);
  });

  it('judges everything again when the content facts or the rules change', async () => {
    const dir = await dist({ 'side/index.html': page() });
    const cacheFile = path.join(dir, '..', `${path.basename(dir)}-verdicts.json`);
    const first = await open(cacheFile);
    await checkPublished(dir, { site: SITE, content: facts() }, first);
    await first.save();

    const hidden = facts();
    hidden.hiddenStories.push({ id: 'side', source: 'src/content/stories/side.md', withdrawn: false });
    const withFacts = await open(cacheFile, hidden);
    const problems = await checkPublished(dir, { site: SITE, content: hidden }, withFacts);
    expect(withFacts.judged).toBe(first.judged);
    // A page named after a story that is now a draft is refused, although its bytes did not change.
    expect(problems.map((p) => p.file)).toContain('side/index.html');

    const newRules = await open(cacheFile, facts(), 'regler-2');
    await checkPublished(dir, { site: SITE, content: facts() }, newRules);
    expect(newRules.judged).toBe(first.judged);
  });
});

describe('what the gate reads from the content', () => {
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const STORY = 'src/content/stories/vaerkstedet-vokser.md';

  it("hashes every hidden story's photo, and a published photo that has the size of one", async () => {
    const site = await fixtureSite();
    const published = await readFile(path.join(site.root, 'src/content/stories/images/vaerkstedet.jpg'));
    const own = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    const story = await site.read(STORY);
    // A draft with a copy of the published story's photo, and a withdrawn story with a photo of its own.
    await site.write('src/content/stories/images/kopi.jpg', published);
    await site.write(
      'src/content/stories/kladde.md',
      story.replace('published:', 'draft: true\npublished:').replace('vaerkstedet.jpg', 'kopi.jpg'),
    );
    await site.write('src/content/stories/images/eget.jpg', own);
    await site.write(
      'src/content/stories/trukket.md',
      story.replace('published:', 'consentWithdrawn: 2026-04-01\npublished:').replace('vaerkstedet.jpg', 'eget.jpg'),
    );
    // A second published story, with a photo of another size.
    const other = await sharp({ create: { width: 80, height: 50, channels: 3, background: '#36c' } })
      .jpeg()
      .toBuffer();
    await site.write('src/content/stories/images/andet.jpg', other);
    await site.write('src/content/stories/andet.md', story.replace('vaerkstedet.jpg', 'andet.jpg'));
    expect((await checkContent(site.root)).problems).toEqual([]);
    const facts = await readContentFacts(site.root);
    expect(facts.unpublishedPhotos.map((p) => [path.basename(p.path), p.sha256, p.size]).sort()).toEqual([
      ['eget.jpg', sha256(own), own.length],
      ['kopi.jpg', sha256(published), published.length],
    ]);
    // The draft's photo is the published story's bytes, so those bytes may be published; no
    // other published photo has the size of a hidden one, and none needs to be read.
    expect([...facts.publishedPhotoHashes]).toEqual([sha256(published)]);
    expect([...facts.publishedPhotoStems].sort()).toEqual(['andet', 'vaerkstedet']);
  });
});
