/**
 * The gate after every build: every page, feed, calendar, CSV, JSON and SVG file in `dist/`,
 * read with real parsers, and every unsafe thing in them refused — whatever produced it (an
 * editor's Markdown that slipped past the checker, a component, an integration, a dependency).
 * Pure: it judges any folder, so the tests plant unsafe files in small hand-written ones.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PageRule } from './html.ts';
import { listDist } from './photos.ts';
import { calendars } from './rules/calendar.ts';
import { unpublishedPhotos } from './rules/consent.ts';
import { csvFiles } from './rules/csv.ts';
import { embeds } from './rules/embeds.ts';
import { eventHandlers } from './rules/event-handlers.ts';
import { jsonFiles } from './rules/json.ts';
import { pages } from './rules/pages.ts';
import { refresh } from './rules/refresh.ts';
import { remoteResources } from './rules/remote.ts';
import { rootAttributes } from './rules/root-attributes.ts';
import { scripts } from './rules/scripts.ts';
import { svgFiles } from './rules/svg-files.ts';
import { urlSchemes } from './rules/url-schemes.ts';
import { xmlFiles } from './rules/xml.ts';
import type { DistFile, FileRule, GateContext, GateOptions, GateProblem } from './types.ts';
import type { VerdictCache } from './verdicts.ts';

export type { ContentFacts, GateOptions, GateProblem } from './types.ts';
export { readContentFacts } from './content.ts';
export { removeUnpublishedPhotos } from './photos.ts';
export { openVerdictCache, rulesDigest, type VerdictCache } from './verdicts.ts';

/** What every element of every page (and of the HTML in feeds) is judged by. */
export const PAGE_RULES: readonly PageRule[] = [
  scripts, // <script> not the templates' own: hash not in the CSP, src from elsewhere, SVG script, bad JSON-LD
  eventHandlers, // on… attributes
  urlSchemes, // javascript:, vbscript:, data: in URL attributes and SVG animations
  refresh, // <meta http-equiv=refresh> outside the site's redirect pages
  embeds, // <base>, <iframe>, <frame>, <object>, <embed>, <applet>
  remoteResources, // anything loaded from another host
  rootAttributes, // attributes on <html>/<body> the templates do not write
];

/** Every rule, by the files it judges. */
export const FILE_RULES: readonly FileRule[] = [
  pages(PAGE_RULES), // .html, parsed with parse5
  svgFiles, // .svg, parsed as XML
  xmlFiles(PAGE_RULES), // .xml strict (saxes); feeds' HTML through PAGE_RULES
  jsonFiles(PAGE_RULES), // .json parses; JSON Feed's content_html through PAGE_RULES
  calendars, // .ics: CRLF only, ≤ 75 octets, NAME:value, BEGIN/END
  csvFiles, // .csv parses; no formula cell
  unpublishedPhotos, // any file: a draft's or withdrawn story's photo, its derivatives, its slug
];

/** `historier/x/index.html` → `/historier/x/`; `data/a.csv` → `/data/a.csv`. */
export const urlPathOf = (file: string): string => `/${file}`.replace(/(^|\/)index\.html$/, '$1');

/** Runs `task` over `items`, at most `limit` at a time (a large site has thousands of files). */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Judges every file in `distDir`; problems in file order. With `verdicts`, a file judged clean in
 * an earlier build under the same facts and rules is not judged again (see `verdicts.ts`).
 */
export async function checkPublished(
  distDir: string,
  options: GateOptions,
  verdicts?: VerdictCache,
): Promise<GateProblem[]> {
  const origin = new URL(options.site).origin;
  const trusted = new Set(options.trusted ?? []);
  const sources = options.content?.sources;
  const context: GateContext = {
    options,
    origin,
    sourceFor(urlPath) {
      const direct = sources?.get(urlPath);
      if (direct) return direct;
      // A share card: /og/historier/<slug>.png is the card of /historier/<slug>/.
      const card = /^\/og(\/.+)\.png$/.exec(urlPath);
      return card ? sources?.get(`${card[1]}/`) : undefined;
    },
  };
  const problems: GateProblem[] = [];
  const files = (await listDist(distDir)).filter((f) => !trusted.has(f));
  await eachLimited(files, 16, async (file) => {
    const absolute = path.join(distDir, file);
    const { size } = await stat(absolute);
    let bytes: Promise<Buffer> | undefined = verdicts ? readFile(absolute) : undefined;
    if (verdicts && verdicts.isClean(file, await bytes!)) return;
    let found = 0;
    const distFile: DistFile = {
      file,
      urlPath: urlPathOf(file),
      path: absolute,
      size,
      bytes: () => (bytes ??= readFile(absolute)),
      text: async () => (await distFile.bytes()).toString('utf8'),
    };
    for (const rule of FILE_RULES) {
      if (!rule.files.test(file)) continue;
      for (const finding of await rule.check(distFile, context)) {
        found++;
        problems.push({
          file,
          rule: finding.rule ?? rule.name,
          message: finding.message,
          source: finding.source ?? context.sourceFor(distFile.urlPath),
        });
      }
    }
    if (verdicts && found === 0) verdicts.markClean(file, await distFile.bytes());
  });
  return problems.sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || a.message.localeCompare(b.message, 'da', { numeric: true }),
  );
}

/** `dist/<file>: <message> (kilde: src/content/…)`, the form the build and the CLI print. */
export function formatGateProblem(problem: GateProblem, distName = 'dist'): string {
  return `${distName}/${problem.file}: ${problem.message}${problem.source ? ` (kilde: ${problem.source})` : ''}`;
}
