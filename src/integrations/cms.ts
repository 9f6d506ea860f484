/**
 * The browser editor's build: Sveltia CMS is bundled from npm into `/admin/` (no CDN). Its npm
 * build registers its fonts from its own files, but its component CSS also declares the same
 * fonts at cdn.jsdelivr.net, which a browser would try to load; those declarations are dropped
 * here, so loading `/admin/` asks no other host for anything (test/fixture/cms.test.ts).
 */
import type { AstroIntegration } from 'astro';

const CMS_MODULE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]/;
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
                name: 'cms-local-fonts',
                enforce: 'pre',
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
