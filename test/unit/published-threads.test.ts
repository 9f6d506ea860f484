/**
 * The gate in worker threads, as the build runs it (`src/lib/published/threads.ts`), against the
 * same gate in this thread: a folder with many more files than threads, problems planted all
 * through it, must give exactly the same problems in the same order — with and without the
 * verdict cache — and a rule that throws inside a thread must end the check with a clear error.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkPublished,
  judgePublished,
  openVerdictCache,
  type ContentFacts,
  type GateOptions,
} from '../../src/lib/published/index.ts';
import { projectRoot } from '../helpers.ts';

const SITE = 'https://socialoekonomi.example.dk';
const PHOTO = Buffer.from('et foto fra en kladde, der ikke må udgives');

const facts = (redirectTarget = '/historier/ny/'): ContentFacts => ({
  sources: new Map([['/historier/side-7/', 'src/content/stories/side-7.md']]),
  redirects: new Map([['/historier/gammel/', redirectTarget]]),
  unpublishedPhotos: [
    {
      path: '/x/src/content/stories/images/kladde.jpg',
      source: 'src/content/stories/kladde.md',
      sha256: createHash('sha256').update(PHOTO).digest('hex'),
      size: PHOTO.length,
    },
  ],
  publishedPhotoHashes: new Set(),
  publishedPhotoStems: new Set(['foto']),
  hiddenStories: [{ id: 'kladde', source: 'src/content/stories/kladde.md', withdrawn: false }],
});

const page = (body: string) =>
  `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Side</title></head><body><main>${body}</main></body></html>`;

/**
 * 400 files of every kind the rules read, and a problem of another kind in every seventh: pages
 * (event handlers, iframes, remote scripts, a javascript: link), SVG with a script, broken JSON
 * and XML, a CSV formula, a calendar with LF endings, copies of a draft's photo, files named
 * after the draft — more than one problem in some files, the same message in several.
 */
async function plantedDist(): Promise<{ dir: string; planted: number }> {
  await mkdir(path.join(projectRoot, 'test', '.tmp'), { recursive: true });
  const dir = await mkdtemp(path.join(projectRoot, 'test', '.tmp', 'gate-threads-'));
  const files: Record<string, string | Buffer> = {
    'historier/gammel/index.html': page('').replace(
      '<title>',
      '<meta http-equiv="refresh" content="0; url=/historier/ny/"><title>',
    ),
  };
  let planted = 0;
  for (let i = 0; i < 400; i++) {
    const bad = i % 7 === 3;
    if (bad) planted++;
    switch (i % 10) {
      case 0:
        files[`historier/side-${i}/index.html`] = page(
          bad ? `<p onclick="x()">a</p><iframe src="/x/"></iframe>` : '<p>ok</p>',
        );
        if (bad) planted++; // two problems in one file
        break;
      case 1:
        files[`katalog/side-${i}/index.html`] = page(
          bad ? '<script src="https://evil.example/x.js"></script>' : '<p>ok</p>',
        );
        break;
      case 2:
        files[`grafik/${i}.svg`] = bad
          ? '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
          : '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
        break;
      case 3:
        files[`data/${i}.json`] = bad ? '{"items": [' : '{"items":[]}';
        break;
      case 4:
        files[`feed-${i}.xml`] = bad
          ? '<rss><channel></rss>'
          : '<rss version="2.0"><channel><title>x</title></channel></rss>';
        break;
      case 5:
        files[`data/${i}.csv`] = bad ? '\uFEFFid;navn\r\nen;=HYPERLINK("x")\r\n' : '\uFEFFid;navn\r\nen;Et firma\r\n';
        break;
      case 6:
        files[`kalender-${i}.ics`] = bad
          ? ['BEGIN:VCALENDAR', 'END:VCALENDAR', ''].join('\n')
          : ['BEGIN:VCALENDAR', 'END:VCALENDAR', ''].join('\r\n');
        break;
      case 7:
        files[`_astro/billede-${i}.webp`] = bad ? PHOTO : Buffer.from(`billede ${i}`);
        break;
      case 8:
        files[bad ? `og/kladde-${i}/kladde.jpg` : `og/side-${i}.jpg`] = Buffer.from(`kort ${i}`);
        break;
      default:
        files[`_astro/side-${i}.js`] = bad ? 'x' : `console.log(${i})`;
        if (bad) files[`_astro/kladde.${i}_abc.webp`] = Buffer.from('afledt af kladdens foto');
    }
  }
  for (const [file, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
  return { dir, planted };
}

const options = (content = facts()): GateOptions => ({ site: SITE, content });
const inThreads = { root: projectRoot, threads: 3 };
const lines = (problems: { file: string; rule: string; message: string; source?: string | undefined }[]) =>
  problems.map((p) => `${p.file} ${p.rule} ${p.message} ${p.source ?? ''}`);

describe('the gate in worker threads', () => {
  it('finds exactly the problems, in the same order, as the gate in one thread', async () => {
    const { dir, planted } = await plantedDist();
    const alone = await judgePublished(dir, options());
    const parallel = await judgePublished(dir, options(), { threads: inThreads });
    expect(alone.threads).toBe(0);
    expect(parallel.threads).toBe(3);
    expect(parallel.files).toBeGreaterThan(400);
    // Every planted problem is found (none lost in a thread), in files all through the folder.
    expect(alone.problems.length).toBeGreaterThanOrEqual(planted);
    expect(new Set(alone.problems.map((p) => p.file)).size).toBeGreaterThan(50);
    expect(lines(parallel.problems)).toEqual(lines(alone.problems));
    expect(parallel.problems).toEqual(alone.problems);
    // Every file judged once, clean ones too: no batch lost or judged twice.
    expect(parallel.counts).toEqual(alone.counts);
    expect(parallel.counts.judged + parallel.counts['by-name']).toBe(parallel.files);
  });

  it('remembers and forgets the same verdicts as the gate in one thread', async () => {
    const { dir } = await plantedDist();
    const cacheOf = (name: string, rules = 'regler-1') =>
      openVerdictCache(path.join(dir, '..', `${path.basename(dir)}-${name}.json`), options(), rules);
    const alone = await checkPublished(dir, options());

    const first = await cacheOf('tråde');
    const firstRun = await judgePublished(dir, options(), { verdicts: first, threads: inThreads });
    await first.save();
    expect(firstRun.problems).toEqual(alone);
    expect(firstRun.threads).toBe(3);
    expect(firstRun.counts.remembered).toBe(0);
    expect(firstRun.counts['by-name']).toBeGreaterThan(0);

    // Second build: the clean files are remembered, the few files with problems judged again
    // (in this thread: too few to pay for starting threads).
    const second = await cacheOf('tråde');
    const secondRun = await judgePublished(dir, options(), { verdicts: second, threads: inThreads });
    expect(secondRun.problems).toEqual(alone);
    expect(secondRun.counts.judged).toBe(new Set(alone.filter((p) => !isByName(p.file)).map((p) => p.file)).size);
    expect(secondRun.counts.remembered).toBe(firstRun.counts.judged - secondRun.counts.judged);
    expect(secondRun.threads).toBe(0);

    // The same in this thread, from the same cache file: the same counts.
    const single = await cacheOf('tråde');
    const singleRun = await judgePublished(dir, options(), { verdicts: single });
    expect(singleRun.problems).toEqual(alone);
    expect(singleRun.counts).toEqual(secondRun.counts);
  });

  it('stops with a clear error, not a hang, when a rule throws inside a thread', async () => {
    const { dir } = await plantedDist();
    // A redirect target that is no URL makes the refresh rule throw (new URL) on the redirect page.
    const broken = options(facts('https://[ugyldig'));
    await expect(judgePublished(dir, broken, { threads: inThreads })).rejects.toThrow(
      /^Udgivelsestjekket kunne ikke tjekke dist\/historier\/gammel\/index\.html: Invalid URL \(i en arbejdstråd\)\. Webstedet er ikke godkendt til udgivelse/,
    );
    // In this thread, the same rule gives the same message.
    await expect(checkPublished(dir, broken)).rejects.toThrow(
      /^Udgivelsestjekket kunne ikke tjekke dist\/historier\/gammel\/index\.html: Invalid URL$/,
    );
  });

  it('says so when the project has no worker to start', async () => {
    const { dir } = await plantedDist();
    await expect(judgePublished(dir, options(), { threads: { root: dir } })).rejects.toThrow(
      /^Udgivelsestjekket kan ikke starte: .*src\/lib\/published\/worker\.ts findes ikke/,
    );
  });
});

/** Files only the consent rule (name and size) reads: never remembered, judged every time. */
const isByName = (file: string) => !/\.(html|svg|xml|json|ics|csv)$/.test(file);
