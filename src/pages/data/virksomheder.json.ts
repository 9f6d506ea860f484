/** `/data/virksomheder.json`: every company as open data (see the press page for fields and licence). */
import type { APIRoute } from 'astro';
import { DATA_TYPES, companiesJson } from '../../lib/open-data.ts';

export const GET: APIRoute = () => new Response(companiesJson(), { headers: { 'Content-Type': DATA_TYPES.json } });
