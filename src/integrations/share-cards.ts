/**
 * Logs how many share cards the build drew and how many the cache spared (`src/lib/og/`), so a
 * build log shows whether the cache worked: a second build with nothing changed draws none.
 */
import type { AstroIntegration } from 'astro';
import { cardStats } from '../lib/og/stats.ts';

export default function shareCards(): AstroIntegration {
  let before = { ...cardStats };
  return {
    name: 'share-cards',
    hooks: {
      'astro:build:start': () => {
        before = { ...cardStats };
      },
      'astro:build:generated': ({ logger }) => {
        const drawn = cardStats.drawn - before.drawn;
        const cached = cardStats.cached - before.cached;
        logger.info(`Delekort: ${drawn} tegnet, ${cached} hentet fra cachen`);
      },
    },
  };
}
