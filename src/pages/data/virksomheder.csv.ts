/** `/data/virksomheder.csv`: every company as open data (see the press page for fields and licence). */
import type { APIRoute } from 'astro';
import { DATA_TYPES, companiesCsv } from '../../lib/open-data.ts';

export const GET: APIRoute = () => new Response(companiesCsv(), { headers: { 'Content-Type': DATA_TYPES.csv } });
