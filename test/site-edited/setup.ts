/**
 * The `site-edited` project: a copy of the real content in a git repository of its own, changed
 * as an editor's pull request would change it (see edit.ts) and committed, then built with the
 * project's code. The `site` invariants then run on it unchanged.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { astroBin, editedSiteRoot, projectRoot, runNode, withProjectCode } from '../helpers.ts';
import { editContent } from './edit.ts';

const git = promisify(execFile);

export default async function setup(): Promise<void> {
  const root = editedSiteRoot;
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(path.join(projectRoot, 'src', 'content'), path.join(root, 'src', 'content'), { recursive: true });
  await withProjectCode({ root });
  const commit = async (message: string) => {
    await git('git', ['add', '-A'], { cwd: root });
    await git(
      'git',
      [
        '-c',
        'user.name=Redaktør',
        '-c',
        'user.email=redaktoer@example.invalid',
        'commit',
        '-q',
        '--no-gpg-sign',
        '-m',
        message,
      ],
      { cwd: root },
    );
  };
  await git('git', ['init', '-q', '-b', 'main'], { cwd: root });
  await writeFile(path.join(root, '.gitignore'), 'node_modules\ndist\n.astro-cache\n');
  await commit('Indholdet før redaktørens ændring');
  const edits = await editContent(path.join(root, 'src', 'content'));
  await writeFile(path.join(root, 'edits.json'), JSON.stringify(edits, null, 2));
  await commit('Redaktørens ændring');
  // Share cards and resized images are cached by a hash of what they show, so the real site's
  // serve the copy for every entry the edit left alone (when the `site` project has built first).
  for (const cache of ['og', 'assets']) {
    await cp(path.join(projectRoot, 'node_modules', '.astro', cache), path.join(root, '.astro-cache', cache), {
      recursive: true,
    }).catch(() => undefined);
  }
  const result = await runNode([astroBin, 'build'], root);
  if (result.code !== 0)
    throw new Error(`astro build af det redigerede indhold fejlede:\n${result.stdout}\n${result.stderr}`);
}
