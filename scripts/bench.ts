/**
 * `npm run bench`: prints the figures behind the speed and size goals — never a pass/fail.
 *  1. page weight per template on the built sample site (what test/budgets.json limits);
 *  2. the Pagefind index (size, files) and the bytes a visitor downloads for a first query.
 * Run `npm run build` first. `--skip-weights` omits part 1. The same search figures for a
 * generated site of any size come from `npm run bench:build -- --entries N`.
 */
import { launch } from '../test/browser.ts';
import { auditPage } from '../test/quality/browser-audit.ts';
import { budgets, templateOf } from '../test/quality/budgets.ts';
import { allPages, distDir, isRedirect, page as readPage } from '../test/dist.ts';
import { serve } from '../test/serve.ts';
import { kb, searchFigures } from './bench/search.ts';

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
