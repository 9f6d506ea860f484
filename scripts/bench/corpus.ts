/**
 * A content folder of someone's own for `npm run bench:build -- --content <folder>`: the entries
 * the bare skeleton mirrors (one Markdown file of the same text per entry file) and the story the
 * `edited` build changes. The folder is used as it is; nothing is generated.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseMarkdown } from '../../src/lib/validation/read.ts';

/** A corpus the benchmark cannot measure: the message says, in Danish, what is wrong and what to do. */
export class CorpusError extends Error {}

export interface Corpus {
  /** Every Markdown or MDX entry file, for the bare skeleton to mirror (title and text). */
  files: { title: string; text: string }[];
  /** The story the `edited` build changes, relative to the folder (`stories/<slug>.md`). */
  story: string;
  /** A word of that story's title, for a search that finds something whatever the corpus. */
  word: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * The frontmatter as the checker reads it (`parseMarkdown`, after the BOM and CRLF are normalised
 * as `decodeUtf8` does), or undefined when the checker would refuse it.
 */
function frontmatterOf(text: string): Record<string, unknown> | undefined {
  const parsed = parseMarkdown(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
  return parsed.ok ? (parsed.value.data as Record<string, unknown>) : undefined;
}

const bodyOf = (text: string) => text.replace(/^\uFEFF/, '').replace(FRONTMATTER, '');

/** The title's longest word (letters only), lower-cased: what a reader might search for. */
const longestWord = (title: string) =>
  (title.toLowerCase().match(/\p{L}+/gu) ?? [title]).reduce((a, b) => (b.length > a.length ? b : a), '');

/** A story that a production build publishes: not a draft, consent not withdrawn. */
const published = (data: Record<string, unknown>) =>
  data.draft !== true && data.consentWithdrawn == null && typeof data.title === 'string';

/**
 * Reads `folder` (laid out as `src/content`). `story`, relative to it, names the story to edit;
 * without it, the first story by file name that is published. Throws, in Danish, when the folder
 * is missing or holds no story a build publishes.
 */
export async function readCorpus(folder: string, story?: string): Promise<Corpus> {
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder)
    throw new CorpusError(`--content: mappen ${folder} findes ikke. Angiv en indholdsmappe som src/content.`);

  const files: Corpus['files'] = [];
  const stories: { file: string; data: Record<string, unknown> | undefined }[] = [];
  const entries = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of entries) {
    const text = await readFile(path.join(folder, file), 'utf8');
    const data = frontmatterOf(text);
    const title = [data?.title, data?.name].find((v): v is string => typeof v === 'string') ?? path.basename(file);
    files.push({ title, text: bodyOf(text) });
    if (/^stories\/[^/]+\.mdx?$/i.test(file)) stories.push({ file, data });
  }
  if (files.length === 0) throw new CorpusError(`--content: ${folder} har ingen Markdown- eller MDX-filer.`);

  if (story !== undefined) {
    const wanted = story.split(path.sep).join('/').replace(/^\.\//, '');
    const found = stories.find((s) => s.file === wanted);
    if (!found)
      throw new CorpusError(
        `--edit: ${wanted} er ikke en historie i ${folder}. Angiv en fil i stories/, fx stories/<slug>.md.`,
      );
    if (!found.data || !published(found.data))
      throw new CorpusError(
        `--edit: ${wanted} udgives ikke (kladde, samtykke trukket tilbage eller ingen titel). Vælg en anden.`,
      );
    return { files, story: found.file, word: longestWord(found.data.title as string) };
  }
  const first = stories.find((s) => s.data && published(s.data));
  if (!first)
    throw new CorpusError(
      `--content: ${folder} har ingen udgivet historie i stories/ at rette i. Tilføj en, eller angiv en med --edit.`,
    );
  return { files, story: first.file, word: longestWord(first.data!.title as string) };
}

/** The longest title the content model allows. */
const TITLE_MAX = 120;

/**
 * `text` with the story's title and body changed for round `round`: the title ends in
 * " – rettet N" (cut to stay within 120 characters), and a line is added to the body. Round after
 * round edits the same story again, as an editor would; the result is always a valid story.
 */
export function editStoryText(original: string, round: number): string {
  const text = original.replace(/^\uFEFF/, '');
  const match = FRONTMATTER.exec(text);
  const data = match?.[1] !== undefined ? frontmatterOf(text) : undefined;
  if (!match || !data || typeof data.title !== 'string')
    throw new CorpusError('Historien har ingen titel i sin frontmatter og kan ikke rettes.');
  const suffix = ` – rettet ${round}`;
  const base = data.title.replace(/ – rettet \d+$/, '');
  const title = `${[...base].slice(0, TITLE_MAX - suffix.length).join('')}${suffix}`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Only the title's own line (and an indented or folded continuation of it) is replaced.
  const lines = match[1]!.split(/\r?\n/);
  const at = lines.findIndex((line) => /^title\s*:/.test(line));
  if (at < 0) throw new CorpusError('Historiens titel står ikke på en linje for sig (title: …) og kan ikke rettes.');
  let end = at + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end]!)) end++;
  lines.splice(at, end - at, `title: ${JSON.stringify(title)}`);
  const rest = text.slice(match[0].length);
  return `---${eol}${lines.join(eol)}${eol}---${eol}${rest.trimEnd()}${eol}${eol}Rettet i runde ${round}.${eol}`;
}
