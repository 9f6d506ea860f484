/**
 * `node scripts/bench/cards.ts [--cards N] [--ahead N] [--one-piece]`: prints what share cards
 * cost on a cold build — never a pass/fail. Draws N varied cards (a photo, a logo or no picture;
 * short and long titles with æøå) into an empty cache the way a build's card routes ask for them:
 * one at a time and in order, drawn in the card thread with the next `--ahead` (default: the
 * build's) under way. (In a build most cards are begun earlier, when their entries' pages render.) Then asks for them again to show that a warm build draws none. Prints wall and CPU
 * time per card (CPU counts every thread of the process, so on an idle machine wall ≈ CPU ÷
 * cores) and bytes per card. `--one-piece` is the "before": each card drawn whole, in-process,
 * as pages ask, two ahead.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  cardKey,
  cardPixelsInOnePiece,
  cardQueue,
  cardStats,
  encodeCard,
  CARDS_AHEAD,
  type CardBrand,
  type CardInput,
} from '../../src/lib/og/card.ts';
import { cardThread } from '../../src/lib/og/thread.ts';
import { site } from '../../src/site.config.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '90' },
    ahead: { type: 'string', default: String(CARDS_AHEAD) },
    'one-piece': { type: 'boolean', default: false },
  },
});
const count = Number(values.cards);
if (!Number.isInteger(count) || count < 1)
  throw new Error(`--cards skal være et helt tal over 0, ikke ${values.cards}`);
const ahead = Number(values.ahead);
if (!Number.isInteger(ahead) || ahead < 0) throw new Error(`--ahead skal være et helt tal fra 0, ikke ${values.ahead}`);

const brand: CardBrand = {
  municipality: site.municipality,
  host: new URL(site.url).host,
  colours: site.colours,
  logoPath: path.join(projectRoot, 'public', 'logo.svg'),
  fontDir: path.join(projectRoot, 'src', 'assets', 'fonts'),
};

const imagesOf = async (collection: string) => {
  const dir = path.join(projectRoot, 'src', 'content', collection, 'images');
  return (await readdir(dir)).sort().map((file) => path.join(dir, file));
};
const photos = [...(await imagesOf('stories')), ...(await imagesOf('offerings'))];
const logos = [...(await imagesOf('companies')), brand.logoPath];

const titles = [
  'Ung i cykelsmedjen',
  'Frokost til 40 på en dags varsel',
  'Fra praktik til fast job på værkstedet, hvor Søren nu lærer de nye op',
  'Systuen syr nyt liv i arbejdstøjet fra havnen',
  'Dialogmødet 2026: råd til udvalget om socialøkonomiske virksomheder, indkøb og rummelige arbejdspladser i hele kommunen',
  'Grøn Æble-Øko ApS',
];
const subtitles = [
  'Tissø Maskinfabrik · Værkstedet Åbne Hænder',
  'Socialøkonomisk virksomhed · Høng',
  undefined,
  'Vindere: Fjordkøkkenet, Kornmod Bageri og Sydvestsjællands Socialøkonomiske Erhvervsværksted',
];
const kinds = ['photo', 'logo', 'none'] as const;
type Kind = (typeof kinds)[number];

/** Card i: the kinds in turn, every title and subtitle in turn, a number so no two are alike. */
const cards: { kind: Kind; input: CardInput }[] = Array.from({ length: count }, (_, i) => {
  const kind = kinds[i % kinds.length] ?? 'none';
  const picture =
    kind === 'photo'
      ? { path: photos[i % photos.length] ?? '', fit: 'cover' as const }
      : kind === 'logo'
        ? { path: logos[i % logos.length] ?? '', fit: 'contain' as const }
        : undefined;
  return {
    kind,
    input: {
      kicker: ['Historie', 'Virksomhed', 'Tilbud'][i % 3],
      title: `${titles[i % titles.length]} ${i + 1}`,
      subtitle: subtitles[i % subtitles.length],
      picture,
    },
  };
});

const cacheDir = await mkdtemp(path.join(tmpdir(), 'og-bench-'));
try {
  const thread = cardThread(path.join(projectRoot, 'src/lib/og/card-worker.ts'), brand, cacheDir);
  /** The "before": the whole card drawn in-process, into the same cache. */
  const inProcess = async (input: CardInput) => {
    const file = path.join(cacheDir, `${await cardKey(input, brand)}.jpg`);
    if (
      await readFile(file).then(
        () => true,
        () => false,
      )
    ) {
      cardStats.cached++;
      return file;
    }
    await writeFile(file, await encodeCard(await cardPixelsInOnePiece(input, brand)));
    cardStats.drawn++;
    return file;
  };
  /** Asks for every card one at a time, as Astro renders the card route's pages. */
  const run = async () => {
    const before = { ...cardStats };
    const cpu = process.cpuUsage();
    const mainCpu = process.threadCpuUsage();
    const start = performance.now();
    const queue = cardQueue(
      cards.map((card, i) => ({ key: String(i), input: card.input })),
      values['one-piece'] ? inProcess : thread,
      ahead,
    );
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) sizes.push((await readFile(await queue.card(String(i)))).length);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const usedMain = process.threadCpuUsage(mainCpu);
    return {
      wall,
      cpu: (used.user + used.system) / 1000,
      mainCpu: (usedMain.user + usedMain.system) / 1000,
      sizes,
      drawn: cardStats.drawn - before.drawn,
      cached: cardStats.cached - before.cached,
    };
  };
  const load = loadavg()[0]?.toFixed(1);
  const cold = await run();
  const warm = await run();
  const perCard = (ms: number) => `${(ms / count).toFixed(1)} ms`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `Delekort: ${count} kort, ${values['one-piece'] ? 'hele kort i processen' : 'i korttråden'}, ${ahead} ad gangen, ${availableParallelism()} kerner, belastning før start ${load}`,
  );
  console.log(
    `  kold (tom cache): ${perCard(cold.wall)} pr. kort (CPU ${perCard(cold.cpu)}, heraf hovedtråden ${perCard(cold.mainCpu)}), ${cold.drawn} tegnet, ${cold.cached} fra cachen`,
  );
  const total = cold.sizes.reduce((a, b) => a + b, 0);
  console.log(`  bytes pr. kort: ${kb(total / count)} i snit`);
  for (const kind of kinds) {
    const sizes = cold.sizes.filter((_, i) => cards[i]?.kind === kind);
    if (sizes.length > 0)
      console.log(
        `    ${kind.padEnd(6)} ${kb(sizes.reduce((a, b) => a + b, 0) / sizes.length)} (${sizes.length} kort)`,
      );
  }
  console.log(`  varm (samme cache): ${perCard(warm.wall)} pr. kort, ${warm.drawn} tegnet, ${warm.cached} fra cachen`);
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
