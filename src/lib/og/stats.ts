/**
 * How many share cards this process drew and how many it took from the cache. Kept on
 * `globalThis`, because the build's pages run from Vite's bundle and the integration that logs
 * the figures (`src/integrations/share-cards.ts`) from the config: two copies of any module.
 */
export interface CardStats {
  drawn: number;
  cached: number;
}

const key = Symbol.for('socialoekonomi.share-card-stats');
const shared = globalThis as { [key]?: CardStats };

export const cardStats: CardStats = (shared[key] ??= { drawn: 0, cached: 0 });
