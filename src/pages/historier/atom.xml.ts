/** `/historier/atom.xml`: published stories as Atom 1.0, full text and photo. */
import type { APIRoute } from 'astro';
import { FEED_TYPES, storyFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async () => new Response((await storyFeed()).atom1(), { headers: { 'Content-Type': FEED_TYPES.atom } });
