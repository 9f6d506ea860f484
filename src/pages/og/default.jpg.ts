/** `/og/default.jpg`: the share card of every page without one of its own. */
import type { APIRoute } from 'astro';
import { renderDefaultCard } from '../../lib/share.ts';
import { CARD_TYPE } from '../../lib/urls.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await renderDefaultCard()), { headers: { 'Content-Type': CARD_TYPE } });
