/**
 * The browser editor's build: Sveltia CMS is bundled from npm into `/admin/` (no CDN). Its npm
 * build registers its fonts from its own files, but its component CSS also declares the same
 * fonts at cdn.jsdelivr.net, which a browser would try to load; those declarations are dropped
 * here, so loading `/admin/` asks no other host for anything (test/fixture/cms.test.ts).
 *
 * Its Markdown editor would also bring every grammar and theme of Shiki (~280 files, 14 MB in
 * `_astro/`) to colour code blocks, which editors of this site do not write: they are stubbed out,
 * so a code block in the editor is shown uncoloured, and every build bundles ~320 files fewer.
 */
import type { AstroIntegration } from 'astro';

const CMS_MODULE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]/;
const SHIKI = /^@shikijs\/(langs|themes)\//;
const SHIKI_STUB = '\0cms-shiki-stub';
const CDN_FONT_FACE = /@font-face\s*\{[^}]*https:\/\/cdn\.jsdelivr\.net[^}]*\}/g;

export default function cms(): AstroIntegration {
  return {
    name: 'cms',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'cms-bundle',
                enforce: 'pre',
                // Only in the browser bundle: Astro's own Markdown highlighting on the server is untouched.
                resolveId(id) {
                  return this.environment.name === 'client' && SHIKI.test(id) ? SHIKI_STUB : undefined;
                },
                load(id) {
                  return id === SHIKI_STUB ? 'export default [];' : undefined;
                },
                transform(code, id) {
                  if (!CMS_MODULE.test(id)) return undefined;
                  const local = code.replace(CDN_FONT_FACE, '');
                  return local === code ? undefined : { code: local, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
