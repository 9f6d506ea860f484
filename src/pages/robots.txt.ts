/** `/robots.txt`: everything may be crawled; the sitemap lists every page worth indexing. */
import type { APIRoute } from 'astro';
import { FILES, absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(FILES.sitemap)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
