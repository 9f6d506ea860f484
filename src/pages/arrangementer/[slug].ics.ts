/** `/arrangementer/<slug>.ics`: one event, for "Tilføj til kalender". */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarHeaders, toIcs } from '../../lib/calendar.ts';
import { eventCalendarKey } from '../../lib/cache-keys.ts';
import { events, type Event } from '../../lib/content/index.ts';

export const getStaticPaths = (() =>
  events.map((event) => ({
    params: { slug: event.id },
    props: { event },
    cacheKey: eventCalendarKey(event),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ event: Event }> = ({ props }) =>
  new Response(toIcs([props.event]), { headers: calendarHeaders });
