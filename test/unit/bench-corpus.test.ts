/**
 * `npm run bench:build -- --content <folder>`: a corpus of someone's own is read as it is, the
 * bare skeleton mirrors each entry file, and the edited story stays a valid story round after round.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editStoryText, readCorpus } from '../../scripts/bench/corpus.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'bench-corpus-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function write(files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
}

const story = (title: string, extra = '') => `---\ntitle: ${title}\npublished: 2026-01-05\n${extra}---\nBrødtekst.\n`;
const frontmatter = (text: string) =>
  yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as Record<string, unknown>;

describe('readCorpus', () => {
  it('mirrors every Markdown and MDX entry, skips lists and images, and edits the first published story', async () => {
    await write({
      'companies/a.md': '---\nname: Værkstedet\n---\nOm os.\n',
      'offerings/b.mdx': '---\ntitle: Frokost\n---\nVi laver <strong>mad</strong>.\n',
      'stories/a-kladde.md': story('Kladde', 'draft: true\n'),
      'stories/b-trukket.md': story('Trukket', 'consentWithdrawn: 2026-02-01\n'),
      'stories/c-udgivet.md': story('Genbrugsmøbler til hele kommunen'),
      'stories/d-senere.md': story('Senere'),
      'stories/images/foto.jpg': 'not a photo',
      'categories.yaml': '- id: mad\n  name: Mad\n',
    });
    const corpus = await readCorpus(folder);
    expect(corpus.story).toBe('stories/c-udgivet.md');
    expect(corpus.word).toBe('genbrugsmøbler');
    expect(corpus.files).toHaveLength(6);
    expect(corpus.files.map((f) => f.title)).toEqual([
      'Værkstedet',
      'Frokost',
      'Kladde',
      'Trukket',
      'Genbrugsmøbler til hele kommunen',
      'Senere',
    ]);
    // The body only: the skeleton puts a frontmatter of its own on top.
    expect(corpus.files[1]!.text).toBe('Vi laver <strong>mad</strong>.\n');
  });

  it('reads files with a byte-order mark and Windows line endings', async () => {
    await write({ 'stories/x.md': `\uFEFF${story('Med CRLF').replace(/\n/g, '\r\n')}` });
    const corpus = await readCorpus(folder);
    expect(corpus).toMatchObject({ story: 'stories/x.md', files: [{ title: 'Med CRLF', text: 'Brødtekst.\r\n' }] });
  });

  it('takes the story named with --edit, and refuses one that is not published', async () => {
    await write({
      'stories/a.md': story('A'),
      'stories/b.md': story('B'),
      'stories/c.md': story('C', 'draft: true\n'),
    });
    expect((await readCorpus(folder, 'stories/b.md')).story).toBe('stories/b.md');
    await expect(readCorpus(folder, 'stories/c.md')).rejects.toThrow(/--edit: stories\/c\.md udgives ikke/);
    await expect(readCorpus(folder, 'stories/z.md')).rejects.toThrow(/--edit: stories\/z\.md er ikke en historie/);
  });

  it('says in Danish what is wrong with a folder it cannot measure', async () => {
    await expect(readCorpus(path.join(folder, 'findes-ikke'))).rejects.toThrow(/mappen .* findes ikke/);
    await expect(readCorpus(folder)).rejects.toThrow(/ingen Markdown- eller MDX-filer/);
    await write({ 'companies/a.md': '---\nname: A\n---\n', 'stories/b.md': story('B', 'draft: true\n') });
    await expect(readCorpus(folder)).rejects.toThrow(/ingen udgivet historie i stories\//);
    // Frontmatter that is not YAML counts as a file, never as a story to edit.
    await write({ 'stories/c.md': '---\ntitle: [ikke lukket\n---\nTekst\n' });
    await expect(readCorpus(folder)).rejects.toThrow(/ingen udgivet historie/);
  });
});

describe('editStoryText', () => {
  it('changes the title and adds to the body, the same story round after round', () => {
    const first = editStoryText(story('"Værkstedet vokser"'), 1);
    expect(frontmatter(first)).toMatchObject({ title: 'Værkstedet vokser – rettet 1', published: expect.any(Date) });
    expect(first).toMatch(/Brødtekst\.\n\nRettet i runde 1\.\n$/);
    const second = editStoryText(first, 2);
    expect(frontmatter(second).title).toBe('Værkstedet vokser – rettet 2');
    expect(second).toMatch(/Rettet i runde 1\.\n\nRettet i runde 2\.\n$/);
  });

  it('keeps a long title within the 120 characters the content model allows', () => {
    const long = 'Æ'.repeat(120);
    const title = frontmatter(editStoryText(story(long), 12)).title as string;
    expect([...title]).toHaveLength(120);
    expect(title.endsWith(' – rettet 12')).toBe(true);
  });

  it('replaces a title folded over several lines, and keeps the other keys and Windows line endings', () => {
    const text = story('>-\n  En titel over\n  to linjer', 'companies:\n  - a\n').replace(/\n/g, '\r\n');
    const edited = editStoryText(text, 3);
    expect(frontmatter(edited)).toMatchObject({ title: 'En titel over to linjer – rettet 3', companies: ['a'] });
    expect(edited.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses a story without a title it can change', () => {
    expect(() => editStoryText('Ingen frontmatter', 1)).toThrow(/ingen titel/);
    expect(() => editStoryText('---\n"title": "A"\n---\n', 1)).toThrow(/titel står ikke på en linje/);
  });
});
