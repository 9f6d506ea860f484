/** `/arrangementer/kalender.ics`: every upcoming event, to subscribe to. */
import type { APIRoute } from 'astro';
import { calendarHeaders, toIcs } from '../../lib/calendar.ts';
import { upcomingEvents } from '../../lib/content/index.ts';

export const GET: APIRoute = () => new Response(toIcs(upcomingEvents), { headers: calendarHeaders });
