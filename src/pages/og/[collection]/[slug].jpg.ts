/** `/og/<collection>/<slug>.jpg`: the share card of a story, company, offering or prize year. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shareCardKey } from '../../../lib/cache-keys.ts';
import { renderShareCard, shareCards, type ShareCard } from '../../../lib/share.ts';
import { CARD_TYPE } from '../../../lib/urls.ts';

export const getStaticPaths = (() =>
  shareCards.map((card) => ({
    params: { collection: card.folder, slug: card.id },
    props: { card },
    cacheKey: shareCardKey(card),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareCard(props.card)), { headers: { 'Content-Type': CARD_TYPE } });
