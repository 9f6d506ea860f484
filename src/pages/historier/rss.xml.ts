/** `/historier/rss.xml`: published stories as RSS 2.0, full text and photo. */
import type { APIRoute } from 'astro';
import { FEED_TYPES, storyFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async () => new Response((await storyFeed()).rss2(), { headers: { 'Content-Type': FEED_TYPES.rss } });
