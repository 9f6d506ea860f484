/** `/data/katalog.csv`: every catalogue offering as open data (see the press page for fields and licence). */
import type { APIRoute } from 'astro';
import { DATA_TYPES, offeringsCsv } from '../../lib/open-data.ts';

export const GET: APIRoute = () => new Response(offeringsCsv(), { headers: { 'Content-Type': DATA_TYPES.csv } });
