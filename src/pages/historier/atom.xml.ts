/** `/historier/atom.xml`: published stories as Atom 1.0, full text and photo. */
import type { APIRoute } from 'astro';
import { mendAtom } from '../../lib/feed-xml.ts';
import { FEED_TYPES, storyFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async () =>
  new Response(mendAtom((await storyFeed()).atom1()), { headers: { 'Content-Type': FEED_TYPES.atom } });
