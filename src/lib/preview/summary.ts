/**
 * The Danish Markdown summary of a pull request's preview, for the job summary and the
 * screenshots artifact: what the checker said, which pages change, which are gone or moved,
 * and the screenshots (links relative to `summary.md`).
 */
import type { PagePlan } from './changed-pages.ts';

export interface CheckReport {
  ok: boolean;
  /** The checker's lines: `path: field: message` per problem, then its one-line verdict. */
  lines: string[];
}

export interface SummaryInput {
  /** The ref compared with, e.g. `origin/main`. */
  base: string;
  plan: PagePlan;
  check?: CheckReport | undefined;
  /** Was there a built site to compare with and screenshot? */
  built: boolean;
  /** Screenshot files per page URL and width, relative to the summary. */
  screenshots: Map<string, Map<number, string>>;
  widths: readonly number[];
}

/** Reasons shown per page; a big change names every file once in its own rows anyway. */
const MAX_REASONS = 4;
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const contentPath = (file: string) => file.replace(/^src\/content\//, '');

export function renderSummary({ base, plan, check, built, screenshots, widths }: SummaryInput): string {
  const out: string[] = ['## Forhåndsvisning af ændringerne', '', `Sammenlignet med ${code(base)}: ${plural(plan.files.length, 'ændret fil', 'ændrede filer')} i ${code('src/content')}.`, ''];

  out.push('### Indholdstjek', '');
  if (!check) out.push('Indholdstjekket blev ikke kørt.');
  else if (check.ok) out.push(`✅ ${check.lines.at(-1) ?? 'Indholdet er i orden.'}`);
  else {
    out.push('❌ Indholdstjekket fandt fejl. Hver linje siger fil, felt og hvad der er galt. Ret filen, og skub ændringen igen:', '', '```text', ...check.lines, '```');
  }
  out.push('');

  if (!built) {
    out.push('> Webstedet blev ikke bygget (se trinnet "Byg webstedet" eller indholdstjekket ovenfor), så der er ingen skærmbilleder. Listen herunder er de sider, ændringerne ville ramme.', '');
  }

  const listed = built ? plan.pages : [...plan.pages, ...plan.notBuilt].sort((a, b) => a.url.localeCompare(b.url));
  out.push(`### Sider, der ændres (${listed.length})`, '');
  if (listed.length === 0) out.push('Ingen sider på webstedet ændres.');
  else {
    const shots = built && screenshots.size > 0;
    out.push(shots ? `| Side | Hvorfor | ${widths.map((w) => `${w} px`).join(' | ')} |` : '| Side | Hvorfor |');
    out.push(shots ? `|---|---|${widths.map(() => '---|').join('')}` : '|---|---|');
    for (const page of listed) {
      const shown = page.reasons.slice(0, MAX_REASONS).map(cell);
      if (page.reasons.length > MAX_REASONS) shown.push(`… og ${page.reasons.length - MAX_REASONS} andre`);
      const why = shown.join('<br>');
      const files = screenshots.get(page.url);
      const images = widths.map((w) => {
        const file = files?.get(w);
        return file ? `[${w} px](${encodeURI(file)})` : '–';
      });
      out.push(shots ? `| ${code(page.url)} | ${why} | ${images.join(' | ')} |` : `| ${code(page.url)} | ${why} |`);
    }
    if (shots) out.push('', 'Skærmbillederne ligger i artefakten **skaermbilleder** nederst på siden for denne kørsel: hent den, pak zip-filen ud, og åbn `summary.md` eller mappen `screenshots`. Hele det byggede websted ligger i artefakten **site**.');
  }
  out.push('');

  if (plan.gone.length > 0) {
    out.push('### Sider, der forsvinder', '');
    for (const g of plan.gone) out.push(`- ${code(g.url)} (${code(contentPath(g.file))} er slettet eller omdøbt)${g.redirectsTo ? `: adressen viderestiller til ${code(g.redirectsTo)}` : ': adressen giver "Siden findes ikke". Tilføj den gamle slug i `redirectFrom`, hvis andre linker til den'}`);
    out.push('');
  }
  if (plan.renamed.length > 0) {
    out.push('### Omdøbte filer', '');
    for (const r of plan.renamed) out.push(`- ${code(contentPath(r.from))} → ${code(contentPath(r.to))}${r.oldUrl && r.newUrl && r.oldUrl !== r.newUrl ? `: ${code(r.oldUrl)} → ${code(r.newUrl)}` : ''}`);
    out.push('');
  }
  const deleted = plan.files.filter((f) => f.status === 'deleted');
  if (deleted.length > 0) {
    out.push('### Slettede filer', '');
    for (const f of deleted) out.push(`- ${code(contentPath(f.path))}`);
    out.push('');
  }
  if (plan.redirects.length > 0) {
    out.push('### Gamle adresser, der viderestiller', '');
    for (const r of plan.redirects) out.push(`- ${code(r.from)} → ${code(r.to)}`);
    out.push('');
  }
  if (built && plan.notBuilt.length > 0) {
    out.push('### Sider, der ikke bygges', '');
    for (const p of plan.notBuilt) {
      out.push(`- ${code(p.url)}: ${p.draft ? 'en kladde (`draft: true`) får ingen side på det offentlige websted; den kan ses med `npm run dev`' : 'siden findes ikke i det byggede websted'}`);
    }
    out.push('');
  }
  if (plan.unused.length > 0) {
    out.push('### Ændrede filer, som ingen side bruger', '');
    for (const f of plan.unused) out.push(`- ${code(contentPath(f))}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
