/**
 * Gate: every internal `href`, `src` and `srcset` in the built site points at a file that
 * exists, every `#fragment` at an element with that id, and no link says only "klik her" or
 * "læs mere". Checked on the files, like withastro/docs does after its build.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';

/** Link texts that mean nothing out of context (WCAG 2.4.4). */
const VAGUE_LABELS = /^(klik her|her|læs mere|læs her|mere|link|se mere|click here|read more)\.?$/i;

function fileFor(dist: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  if (clean.endsWith('/')) return path.join(dist, clean, 'index.html');
  return path.join(dist, clean);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export async function checkLinks(
  dist: string,
  routes: string[],
  origin = 'https://socialoekonomi.kalundborg.dk',
): Promise<string[]> {
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!ids.has(file)) {
      const $ = load(await readFile(file, 'utf8'));
      ids.set(
        file,
        new Set(
          $('[id]')
            .map((_, el) => $(el).attr('id'))
            .get(),
        ),
      );
    }
    return ids.get(file)!;
  };

  for (const route of routes) {
    const file = fileFor(dist, route);
    const $ = load(await readFile(file, 'utf8'));
    const targets: { attr: string; value: string }[] = [];
    $('[href]').each((_, el) => void targets.push({ attr: 'href', value: $(el).attr('href')! }));
    $('[src]').each((_, el) => void targets.push({ attr: 'src', value: $(el).attr('src')! }));
    $('[srcset]').each((_, el) => {
      for (const candidate of $(el).attr('srcset')!.split(','))
        targets.push({ attr: 'srcset', value: candidate.trim().split(/\s+/)[0]! });
    });
    for (const { attr, value } of targets) {
      if (/^(mailto|tel|data):/.test(value)) continue;
      const url = new URL(value, `${origin}${route}`);
      if (url.origin !== origin) continue; // external: not ours to check here (the privacy gate forbids loading them)
      const target = fileFor(dist, url.pathname);
      if (!(await exists(target))) {
        problems.push(`${route}: ${attr}="${value}" peger på en side eller fil, der ikke findes`);
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!(await idsOf(target)).has(id))
          problems.push(`${route}: ${attr}="${value}" peger på #${id}, som ikke findes på ${url.pathname}`);
      }
    }
    $('a[href]').each((_, a) => {
      const label = ($(a).attr('aria-label') ?? $(a).text()).replace(/\s+/g, ' ').trim();
      if (VAGUE_LABELS.test(label))
        problems.push(
          `${route}: linkteksten "${label}" siger ikke, hvor linket fører hen. Skriv en tekst, der giver mening alene`,
        );
      if (label === '' && $(a).find('img[alt]:not([alt=""])').length === 0)
        problems.push(`${route}: et link til ${$(a).attr('href')} har ingen tekst`);
    });
  }
  return problems;
}
