/** `scripts/site-size.ts`: the deploy's check of the built site's size against GitHub Pages' 1 GB. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runNode } from '../helpers.ts';

const script = path.join(projectRoot, 'scripts', 'site-size.ts');
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'site-size-'));
  await mkdir(path.join(dist, 'og', 'historier'), { recursive: true });
  // 3 MB in two files, one of them two folders down.
  await writeFile(path.join(dist, 'index.html'), Buffer.alloc(1024 * 1024, 'a'));
  await writeFile(path.join(dist, 'og', 'historier', 'x.jpg'), Buffer.alloc(2 * 1024 * 1024, 1));
});
afterAll(() => rm(dist, { recursive: true, force: true }));

describe('the size of the built site', () => {
  it('under the limit: says how much, in how many files, and passes', async () => {
    const result = await runNode([script, dist, '--limit-mb', '4']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Webstedet fylder 3 MB i 2 filer .*grænsen er 4 MB\.$/m);
  });

  it('over the limit: a Danish error (an annotation on GitHub) with what to do, and exit 1', async () => {
    const result = await runNode([script, dist, '--limit-mb', '2']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('fylder 3 MB i 2 filer, mere end grænsen på 2 MB');
    expect(result.stdout).toContain('Udgiv på en anden statisk vært');
    const onGitHub = await runNode([script, dist, '--limit-mb', '2'], projectRoot, { GITHUB_ACTIONS: 'true' });
    expect(onGitHub.stdout).toMatch(/^::error title=Webstedet er for stort::.*fylder 3 MB/m);
  });

  it('no site, or a limit that is not a number: a Danish line and exit 2', async () => {
    const missing = await runNode([script, path.join(dist, 'findes-ikke')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('byg webstedet først');
    const bad = await runNode([script, dist, '--limit-mb', 'en-gigabyte']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit-mb skal være et tal over 0');
  });
});
