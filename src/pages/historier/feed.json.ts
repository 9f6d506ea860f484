/** `/historier/feed.json`: published stories as JSON Feed 1.1, full text and photo. */
import type { APIRoute } from 'astro';
import { FEED_TYPES, storyFeed, toJsonFeed11 } from '../../lib/feeds.ts';

export const GET: APIRoute = async () =>
  new Response(toJsonFeed11((await storyFeed()).json1()), { headers: { 'Content-Type': FEED_TYPES.json } });
