/**
 * Turns the colours in `src/site.config.ts` into CSS custom properties, as a virtual
 * stylesheet bundled with the rest of the CSS. Another municipality re-skins the site by
 * editing the config; no inline styles are needed, so the CSP stays strict.
 */
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../site.config.ts';

const ID = 'virtual:theme.css';

export function themeCss(colours: SiteConfig['colours']): string {
  return `:root{--colour-primary:${colours.primary};--colour-primary-dark:${colours.primaryDark};--colour-accent:${colours.accent};}\n`;
}

export default function theme(colours: SiteConfig['colours']): AstroIntegration {
  return {
    name: 'theme',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'theme-css',
                resolveId: (id: string) => (id === ID ? `\0${ID}` : undefined),
                load: (id: string) => (id === `\0${ID}` ? themeCss(colours) : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
