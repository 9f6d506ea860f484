/**
 * `astro build` on fixture sites: the build refuses invalid content with the checker's
 * messages (all of them), and a valid fixture builds.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBin, fixtureSite, runNode, withProjectCode } from '../helpers.ts';

describe('astro build', () => {
  it('stops on invalid content and prints every problem the checker finds', async () => {
    const site = await fixtureSite();
    await withProjectCode(site);
    await site.edit('src/content/stories/vaerkstedet-vokser.md', (t) => t.replace('published: 2026-03-14', 'published: 2026-02-30').concat('\n<script>alert(1)</script>\n'));
    await site.edit('src/content/offerings/cykelreparation.md', (t) => t.replace('company: groent-vaerksted', 'company: findes-ikke'));
    const result = await runNode([astroBin, 'build', '--root', site.root], site.root);
    const output = result.stdout + result.stderr;
    expect(result.code).not.toBe(0);
    expect(output).toContain('src/content/stories/vaerkstedet-vokser.md: published: 2026-02-30 findes ikke i kalenderen');
    expect(output).toContain('src/content/stories/vaerkstedet-vokser.md: body: linje');
    expect(output).toContain('src/content/offerings/cykelreparation.md: company: "findes-ikke" findes ikke i companies');
    expect(output).toContain('3 fejl i indholdet');
    await expect(access(path.join(site.root, 'dist', 'index.html'))).rejects.toThrow();
  });

  it('builds a valid fixture site', async () => {
    const site = await fixtureSite();
    await withProjectCode(site);
    const result = await runNode([astroBin, 'build', '--root', site.root], site.root);
    expect(result.stderr + result.stdout).toContain('Complete!');
    expect(result.code).toBe(0);
    await access(path.join(site.root, 'dist', 'index.html'));
  });
});
