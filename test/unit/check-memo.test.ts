/**
 * The checker's memo (src/lib/validation/memo.ts): what it remembers per file must never change
 * what the checker finds. Each step runs the checker on real fixture content twice — without a
 * memo, and with one — and the two results must be equal in every field callers read, classes
 * (Ref, LocalImage, Date) included; the memo must also really be used.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { build } from 'esbuild';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '../../src/lib/validation/check.ts';
import { LocalImage, Ref } from '../../src/lib/validation/markers.ts';
import { CheckMemo, MEMO_FILE, checkerDigest, sourceFiles, type FileOutcome } from '../../src/lib/validation/memo.ts';
import { fixtureSite, GPS_EXIF, projectRoot, type FixtureSite } from '../helpers.ts';

const STORY = 'src/content/stories/vaerkstedet-vokser.md';
const OFFERING = 'src/content/offerings/cykelreparation.md';
const COMPANY = 'src/content/companies/groent-vaerksted.md';
const IMAGE = 'src/content/stories/images/vaerkstedet.jpg';

/** Every field a caller reads, in order: entries and ids as arrays, so order counts too. */
const view = (r: CheckResult) => ({
  problems: r.problems,
  entries: [...r.entries],
  ids: [...r.ids].map(([name, set]) => [name, [...set]]),
  files: r.files,
});

const cacheOf = (site: FixtureSite) => path.join(site.root, '.astro-cache');
const memoFile = (site: FixtureSite) => path.join(cacheOf(site), MEMO_FILE);

/** The checker without a memo, then with one: equal results; answers the run with the memo. */
async function same(site: FixtureSite): Promise<CheckResult> {
  const plain = await checkContent(site.root);
  const memo = await checkContent(site.root, { cacheDir: cacheOf(site) });
  expect(view(memo)).toStrictEqual(view(plain));
  return memo;
}

/** A copy of the valid fixture with a problem of most kinds, in Markdown, YAML and an image. */
async function siteWithProblems(): Promise<FixtureSite> {
  const site = await fixtureSite();
  await site.write(
    'src/content/stories/anden-historie.md',
    (await site.read(STORY))
      .replace('published: 2026-03-14', 'published: 2026-02-30')
      .concat('\n<script>alert(1)</script>\n'),
  );
  await site.edit(OFFERING, (t) => t.replace('company: groent-vaerksted', 'company: findes-ikke'));
  await site.edit('src/content/categories.yaml', (t) => `${t}\n${t.split('\n').slice(0, 3).join('\n')}\n`);
  await site.edit('src/content/companies/havnens-smedie.md', (t) => t.concat('\nRing på 010203-1234.\n'));
  await site.write(IMAGE, await photo(true));
  return site;
}

/** A small photo, with or without a GPS position. */
const photo = (gps: boolean) => {
  const image = sharp({ create: { width: 40, height: 40, channels: 3, background: '#789' } });
  return (gps ? image.withExif(GPS_EXIF) : image).jpeg().toBuffer();
};

describe.each([
  ['the valid fixture', fixtureSite],
  ['a fixture with problems', siteWithProblems],
])('with %s, the memo gives what a run without it gives', (_, make) => {
  it('cold, warm, after an edit, a bad file added, a referenced file deleted, an image changed', async () => {
    const site = await make();
    const cold = await same(site);
    expect(cold.memo).toEqual({ recalled: 0, checked: cold.files });

    const warm = await same(site);
    expect(warm.memo).toEqual({ recalled: warm.files, checked: 0 });
    // The memo keeps the classes the cross-file rules and the gate look for.
    const story = warm.entries.get('stories')?.[0]?.data;
    if (story) {
      expect(story['image']).toBeInstanceOf(LocalImage);
      expect((story['companies'] as unknown[])[0]).toBeInstanceOf(Ref);
      expect(story['published']).toBeInstanceOf(Date);
    }

    await site.edit(STORY, (t) => t.replace('Anna fortæller', 'Anna Holm fortæller'));
    expect((await same(site)).memo).toEqual({ recalled: warm.files - 1, checked: 1 });

    await site.write(
      'src/content/stories/ny-historie.md',
      '---\ntitle: Ny\nlede: Kort.\npublished: 2026-13-01\ncompanies: [findes-ikke]\npillars: [9]\n---\n\n<iframe src="x"></iframe>\n',
    );
    const added = await same(site);
    expect(added.problems.filter((p) => p.file.endsWith('ny-historie.md')).length).toBeGreaterThan(0);
    expect(added.memo).toEqual({ recalled: warm.files, checked: 1 });

    await site.remove(COMPANY);
    const deleted = await same(site);
    expect(deleted.problems.some((p) => p.file === STORY && p.field.startsWith('companies'))).toBe(true);
    expect(deleted.memo).toEqual({ recalled: added.files - 1, checked: 0 });

    // An image changes, not the file that uses it: the story's remembered outcome must not hold.
    const hadGps = cold.problems.some((p) => p.file === STORY && /GPS-position/.test(p.message));
    await site.write(IMAGE, await photo(!hadGps));
    const changed = await same(site);
    expect(changed.problems.some((p) => p.file === STORY && /GPS-position/.test(p.message))).toBe(!hadGps);
    expect(changed.memo?.checked).toBe(1);
    await site.remove(IMAGE);
    const missing = await same(site);
    expect(missing.problems.some((p) => p.file === STORY && /findes ikke/.test(p.message))).toBe(true);
    expect(missing.memo?.checked).toBe(1);
  });
});

describe('a memo that cannot be trusted is ignored and written anew', () => {
  const cases: [string, (bytes: Buffer) => Buffer][] = [
    ['cut short', (b) => b.subarray(0, Math.floor(b.length / 2))],
    ['corrupt', (b) => Buffer.from(b.map((x, i) => (i > 40 && i % 7 === 0 ? x ^ 0x5a : x)))],
    ['empty', () => Buffer.alloc(0)],
    ['foreign', () => serialize({ format: 'noget andet', files: new Map([['x', 1]]) })],
    ['text', () => Buffer.from('{"format":"json"}')],
  ];
  it.each(cases)('%s', async (_, spoil) => {
    const site = await siteWithProblems();
    await same(site);
    await writeFile(memoFile(site), spoil(await readFile(memoFile(site))));
    const again = await same(site);
    expect(again.memo?.recalled).toBeLessThanOrEqual(again.files); // some may survive corruption
    // Rewritten: the next run recalls every file.
    expect((await same(site)).memo).toEqual({ recalled: again.files, checked: 0 });
  });

  it('an entry of the wrong shape under the right digest', async () => {
    const site = await siteWithProblems();
    await same(site);
    const memo = deserialize(await readFile(memoFile(site))) as { files: Map<string, { outcome: FileOutcome }> };
    memo.files.get(STORY)!.outcome.problems = 'ikke en liste' as never;
    memo.files.get(OFFERING)!.outcome.entries = [{ id: 'x' }] as never;
    await writeFile(memoFile(site), serialize(memo));
    expect((await same(site)).memo?.checked).toBe(2);
  });

  it('a cache folder that cannot be written costs only speed', async () => {
    const site = await siteWithProblems();
    await writeFile(cacheOf(site), 'en fil, ikke en mappe');
    const plain = await checkContent(site.root);
    const memo = await checkContent(site.root, { cacheDir: cacheOf(site) });
    expect(view(memo)).toStrictEqual(view(plain));
  });
});

describe('CheckMemo', () => {
  const outcome = (over: Partial<FileOutcome> = {}): FileOutcome => ({
    reached: 'parsed',
    problems: [],
    later: [],
    entries: [{ id: 'a', fieldPrefix: [], data: { image: new LocalImage('./a.jpg'), when: new Date(0) } }],
    ids: [],
    images: [],
    settled: true,
    ...over,
  });

  async function keptAndRecalled(value: FileOutcome): Promise<FileOutcome | undefined> {
    const site = await fixtureSite();
    const first = await CheckMemo.open(site.root, cacheOf(site));
    first.keep('src/content/x.md', 'hash', value, false);
    await first.save();
    return (await CheckMemo.open(site.root, cacheOf(site))).recall('src/content/x.md', 'hash');
  }

  it('recalls what it kept, classes and dates included, only for the same bytes', async () => {
    const recalled = await keptAndRecalled(outcome());
    expect(recalled).toStrictEqual(outcome());
    const site = await fixtureSite();
    const memo = await CheckMemo.open(site.root, cacheOf(site));
    memo.keep('src/content/x.md', 'hash', outcome(), false);
    await memo.save();
    expect((await CheckMemo.open(site.root, cacheOf(site))).recall('src/content/x.md', 'other')).toBeUndefined();
  });

  it('never keeps an outcome that broke the checker (a file that failed to read)', async () => {
    expect(await keptAndRecalled(outcome({ settled: false }))).toBeUndefined();
  });

  it('never keeps data node:v8 would not give back as it was', async () => {
    expect(await keptAndRecalled(outcome({ entries: [{ id: 'a', fieldPrefix: [], data: { m: new Map() } }] }))).toBe(
      undefined,
    );
    expect(
      await keptAndRecalled(outcome({ entries: [{ id: 'a', fieldPrefix: [], data: { u: new URL('https://x.dk') } }] })),
    ).toBe(undefined);
  });
});

describe('the digest', () => {
  it('covers every file of src/ the checker imports, as a bundler finds them', async () => {
    const bundled = await build({
      entryPoints: [path.join(projectRoot, 'src', 'lib', 'validation', 'check.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const imported = Object.keys(bundled.metafile.inputs).map((f) => path.resolve(projectRoot, f));
    const { files, packages } = await sourceFiles();
    expect(imported.filter((f) => f.includes(`${path.sep}src${path.sep}`)).length).toBeGreaterThan(30);
    expect(files).toEqual(expect.arrayContaining(imported));
    expect(files).toEqual(
      expect.arrayContaining([
        path.join(projectRoot, 'src', 'site.config.ts'),
        path.join(projectRoot, 'src', 'lib', 'urls.ts'),
      ]),
    );
    expect(packages).toEqual(expect.arrayContaining(['js-yaml', 'sharp', 'satteri', 'parse5', 'astro', 'exif-reader']));
  });

  it('changes with the components MDX may import, and with the root', async () => {
    const site = await fixtureSite();
    const before = await checkerDigest(site.root);
    expect(await checkerDigest(site.root)).toBe(before);
    await mkdir(path.join(site.root, 'src', 'components', 'mdx'), { recursive: true });
    await writeFile(path.join(site.root, 'src', 'components', 'mdx', 'Faktaboks.astro'), '<aside><slot /></aside>');
    expect(await checkerDigest(site.root)).not.toBe(before);
    expect(await checkerDigest((await fixtureSite()).root)).not.toBe(before);
    await rm(path.join(site.root, 'src', 'components'), { recursive: true });
    expect(await checkerDigest(site.root)).toBe(before);
  });
});
