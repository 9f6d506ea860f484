/** `npm run check` as editors and CI see it: format, every problem, exit codes. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSite, projectRoot, runNode } from '../helpers.ts';

const checker = path.join(projectRoot, 'scripts', 'check-content.ts');

describe('npm run check', () => {
  it('passes on the sample content with a one-line summary and exit 0', async () => {
    const result = await runNode([checker]);
    expect(result.stdout).toMatch(/^Indholdet er i orden: \d+ poster i \d+ filer tjekket på [\d.]+ s\.\n$/);
    expect(result.code).toBe(0);
  });

  it('prints one `path: field: message` line per problem and exits 1', async () => {
    const site = await fixtureSite();
    await site.edit('src/content/stories/vaerkstedet-vokser.md', (t) => t.replace(/consentRef: .*/, 'consentRef: ""'));
    await site.edit('src/content/companies/groent-vaerksted.md', (t) =>
      t.replace('postalCode: "4400"', 'postalCode: "44"'),
    );
    const result = await runNode([checker, site.root]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(
        /^src\/content\/companies\/groent-vaerksted\.md: address\.postalCode: postnummeret skal være 4 cifre/,
      ),
      expect.stringMatching(/^src\/content\/stories\/vaerkstedet-vokser\.md: people\[0\]\.consentRef: feltet er tomt/),
    ]);
    expect(lines.at(-1)).toMatch(/^2 fejl i indholdet/);
  });
});
