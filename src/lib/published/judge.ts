/**
 * The rule tables and the judging of one share of `dist/`'s files: the one piece of the gate that
 * runs both in the build's worker threads (`worker.ts`) and in-process (`checkPublished` without
 * threads). Plain Node must be able to load it and everything it imports (a worker thread is not
 * loaded through Vite): relative `.ts` imports, erasable syntax, no `astro:` modules.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PageRule } from './html.ts';
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
import { verdictKey } from './verdicts.ts';

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

/** The rules' view of the options: the site's origin, and the content file behind a site path. */
export function gateContext(options: GateOptions): GateContext {
  const sources = options.content?.sources;
  return {
    options,
    origin: new URL(options.site).origin,
    sourceFor(urlPath) {
      const direct = sources?.get(urlPath);
      if (direct) return direct;
      // A share card: /og/historier/<slug>.jpg is the card of /historier/<slug>/.
      const card = /^\/og(\/.+)\.jpg$/.exec(urlPath);
      return card ? sources?.get(`${card[1]}/`) : undefined;
    },
  };
}

/** What became of one file. */
export interface Verdict {
  file: string;
  /**
   * `remembered`: its path and bytes were judged clean by an earlier build (not parsed again);
   * `judged`: read and parsed now; `by-name`: only rules that go by name and size apply, so it is
   * judged again every time without reading it (cheaper than hashing it to look it up).
   */
  how: 'remembered' | 'judged' | 'by-name';
  /** The verdict cache's key (path + bytes) of a file read now, to remember it if it is clean. */
  key?: string | undefined;
  /** Its problems, in rule order. */
  problems: GateProblem[];
}

/** Does only a rule that goes by name and size apply to this file (see `FileRule.byNameAndSize`)? */
export const judgedByName = (file: string): boolean =>
  FILE_RULES.every((rule) => !rule.files.test(file) || rule.byNameAndSize === true);

/**
 * Judges `files` (paths inside `distDir`); one verdict a file, in the order given. With `keys`,
 * each file read gets its verdict-cache key, to be remembered if it is clean. A rule that throws
 * stops everything with the file's name in the message.
 */
export async function judgeFiles(
  distDir: string,
  files: readonly string[],
  context: GateContext,
  keys = false,
): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  // One file at a time, with synchronous reads: the rules' parsing is the cost, and in a worker
  // thread (or in the build's last hook) there is nothing else for the event loop to do meanwhile.
  for (const file of files) {
    try {
      verdicts.push(await judgeFile(distDir, file, context, keys));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Udgivelsestjekket kunne ikke tjekke dist/${file}: ${reason}`, { cause: error });
    }
  }
  return verdicts;
}

async function judgeFile(distDir: string, file: string, context: GateContext, keys: boolean): Promise<Verdict> {
  const absolute = path.join(distDir, file);
  const byName = judgedByName(file);
  let bytes: Buffer | undefined;
  const read = () => (bytes ??= readFileSync(absolute));
  const distFile: DistFile = {
    file,
    urlPath: urlPathOf(file),
    path: absolute,
    size: statSync(absolute).size,
    bytes: async () => read(),
    text: async () => read().toString('utf8'),
  };
  const problems: GateProblem[] = [];
  for (const rule of FILE_RULES) {
    if (!rule.files.test(file)) continue;
    for (const finding of await rule.check(distFile, context)) {
      problems.push({
        file,
        rule: finding.rule ?? rule.name,
        message: finding.message,
        source: finding.source ?? context.sourceFor(distFile.urlPath),
      });
    }
  }
  if (byName) return { file, how: 'by-name', problems };
  return { file, how: 'judged', key: keys ? verdictKey(file, read()) : undefined, problems };
}

/**
 * Splits `files` (none judged by name) into those the last build judged clean, by their key (path
 * + bytes, read and hashed here), and those to judge.
 */
export function lookUp(
  distDir: string,
  files: readonly string[],
  remembered: ReadonlySet<string>,
): { remembered: Verdict[]; pending: string[] } {
  const found: Verdict[] = [];
  const pending: string[] = [];
  for (const file of files) {
    const key = verdictKey(file, readFileSync(path.join(distDir, file)));
    if (remembered.has(key)) found.push({ file, how: 'remembered', key, problems: [] });
    else pending.push(file);
  }
  return { remembered: found, pending };
}

/** Problems by file, then message; a stable sort, so one file's problems with the same message keep rule order. */
export const sortProblems = (problems: GateProblem[]): GateProblem[] =>
  problems.sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || a.message.localeCompare(b.message, 'da', { numeric: true }),
  );
