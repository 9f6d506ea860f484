/** `/data/katalog.json`: every catalogue offering as open data (see the press page for fields and licence). */
import type { APIRoute } from 'astro';
import { DATA_TYPES, offeringsJson } from '../../lib/open-data.ts';

export const GET: APIRoute = () => new Response(offeringsJson(), { headers: { 'Content-Type': DATA_TYPES.json } });
