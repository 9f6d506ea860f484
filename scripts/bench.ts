/**
 * `npm run bench`: prints the figures behind the speed and size goals — never a pass/fail.
 *  1. page weight per template on the built sample site (what test/budgets.json limits);
 *  2. the Pagefind index (size, files) and the bytes a visitor downloads for a first query,
 *     on the sample site and on a generated site of 5,000 entries (`--skip-large` to omit it).
 * Run `npm run build` first. `--skip-weights` omits part 1; `--large-site DIR` reuses a generated
 * site from an earlier run (its share cards are cached, so it rebuilds in a fraction of the time).
 */
import { readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { launch } from '../test/browser.ts';
import { astroBin, fixtureSite, projectRoot, runNode, withProjectCode } from '../test/helpers.ts';
import { auditPage } from '../test/quality/browser-audit.ts';
import { budgets, templateOf } from '../test/quality/budgets.ts';
import { allPages, distDir, isRedirect, page as readPage } from '../test/dist.ts';
import { serve } from '../test/serve.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { bytes, files };
}

/** Bytes under /pagefind/ a fresh visitor downloads to see the results of one query. */
async function firstQueryBytes(
  dist: string,
  query: string,
): Promise<{ bytes: number; requests: number; results: string }> {
  const server = await serve(dist);
  const browser = await launch();
  const page = await browser.newPage();
  let bytes = 0;
  let requests = 0;
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/pagefind/')) return;
    requests++;
    bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(`${server.origin}/soeg/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() =>
    /resultat|Ingen/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
  );
  await page.waitForLoadState('networkidle');
  const results = (await page.locator('[data-search-status]').textContent()) ?? '';
  await browser.close();
  await server.close();
  return { bytes, requests, results };
}

async function searchFigures(label: string, dist: string): Promise<void> {
  const index = await folderSize(path.join(dist, 'pagefind'));
  const fragments = (await readdir(path.join(dist, 'pagefind', 'fragment'))).length;
  console.log(`\n${label}: ${fragments} sider i indekset; indeks ${kb(index.bytes)} i ${index.files} filer`);
  for (const query of ['frokost', 'genbrug af møbler', 'fleksjob']) {
    const first = await firstQueryBytes(dist, query);
    console.log(`  første søgning "${query}": ${kb(first.bytes)} i ${first.requests} filer (${first.results})`);
  }
}

// 1. Page weight per template.
if (!process.argv.includes('--skip-weights')) {
  const server = await serve();
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const worst = new Map<string, { route: string; total: number; weight: Record<string, number> }>();
  for (const route of await allPages()) {
    if (route.endsWith('.html') || isRedirect(await readPage(route))) continue;
    const audit = await auditPage(context, server.origin, route);
    const total = Object.values(audit.weight).reduce((a, b) => a + b, 0);
    const template = templateOf(route).template;
    if (!worst.has(template) || worst.get(template)!.total < total)
      worst.set(template, { route, total, weight: audit.weight });
  }
  await browser.close();
  await server.close();
  console.log('Sidevægt pr. skabelon (tungeste side, telefon 390 px, lazy billeder medregnet) mod budget:');
  for (const budget of budgets) {
    const w = worst.get(budget.template);
    if (!w) continue;
    const parts = Object.entries(w.weight)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(', ');
    console.log(
      `  ${budget.template.padEnd(18)} ${kb(w.total).padStart(9)} (budget ${kb(budget.max.total ?? 0)}) ${w.route} – ${parts}`,
    );
  }
}

// 2. Search on the sample site.
await searchFigures('Eksempelsitet', distDir);

// 3. Search on a generated site of 5,000 entries.
if (!process.argv.includes('--skip-large')) {
  const reuse = process.argv[process.argv.indexOf('--large-site') + 1];
  const site =
    process.argv.includes('--large-site') && reuse
      ? { root: path.resolve(reuse) }
      : await fixtureSite(path.join(projectRoot, 'src', 'content'));
  if (!('write' in site)) console.log(`\nGenbruger ${site.root}`);
  else await withProjectCode(site);
  const words = [
    'frokost',
    'catering',
    'møder',
    'genbrug',
    'reparation',
    'møbler',
    'cykler',
    'tekstil',
    'syning',
    'have',
    'grøn',
    'pleje',
    'rengøring',
    'tryk',
    'skilte',
    'gaver',
    'honning',
    'flytning',
    'kurser',
    'værksted',
    'fleksjob',
    'praktik',
    'lokal',
    'levering',
    'institutioner',
    'kontorer',
    'arrangementer',
    'kvalitet',
    'service',
    'håndværk',
  ];
  const pick = (i: number, n: number) =>
    Array.from({ length: n }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ');
  const companies = 1000;
  const offerings = 4000;
  await mkdir(path.join(site.root, 'src/content/companies'), { recursive: true });
  for (let i = 0; i < companies; i++) {
    await writeFile(
      path.join(site.root, `src/content/companies/genereret-${i}.md`),
      `---\nname: "Genereret virksomhed ${i}"\nkind: social-economy\ncvr: "12345674"\nsummary: "Socialøkonomisk virksomhed med ${pick(i, 4)}."\naddress: { street: "Vej ${i}", postalCode: "4400", city: "Kalundborg" }\ncontact: { email: "k${i}@gen.example" }\n---\n\n${pick(i, 60)}.\n`,
    );
  }
  for (let i = 0; i < offerings; i++) {
    await writeFile(
      path.join(site.root, `src/content/offerings/genereret-${i}.md`),
      `---\ntitle: "${pick(i, 3)} ${i}"\ncompany: genereret-${i % companies}\ntype: service\ncategory: mad-og-catering\nsummary: "Tilbud om ${pick(i + 1, 5)}."\naudiences: [businesses]\ndeliveryArea: "Kalundborg Kommune"\n---\n\n${pick(i + 2, 80)}.\n`,
    );
  }
  const started = performance.now();
  const result = await runNode([astroBin, 'build', '--root', site.root], site.root);
  if (result.code !== 0) throw new Error(result.stdout + result.stderr);
  console.log(`\nGenereret site bygget på ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await searchFigures(`Genereret site (${companies + offerings} ekstra poster)`, path.join(site.root, 'dist'));
}
