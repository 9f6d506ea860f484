/** `/historier/rss.xml`: published stories as RSS 2.0, full text and photo. */
import type { APIRoute } from 'astro';
import { mendRss } from '../../lib/feed-xml.ts';
import { FEED_TYPES, storyFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async () =>
  new Response(mendRss((await storyFeed()).rss2()), { headers: { 'Content-Type': FEED_TYPES.rss } });
