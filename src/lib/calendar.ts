/**
 * Events as iCalendar (RFC 5545), with the `ics` library: one feed of every upcoming event,
 * and one file per event for "Tilføj til kalender".
 *
 * Times are written in UTC (`DTSTART:20270311T150000Z`): exact instants that every calendar
 * shows in its user's own zone, so a Danish reader sees the Copenhagen time from the event page.
 * `X-WR-TIMEZONE:Europe/Copenhagen` tells subscribing calendars which zone the feed is about.
 */
import { createEvents, type EventAttributes } from 'ics';
import { getLastUpdated, type Event } from './content/index.ts';
import { icsText } from './export-text.ts';
import { t } from './i18n/da.ts';
import { absoluteUrl, entryUrl } from './urls.ts';
import { site } from '../site.config.ts';

const host = new URL(site.url).host;

/** A UID that stays the same for as long as the event's file keeps its name. */
export const eventUid = (id: string): string => `${id}@${host}`;

/** `timestamp` (DTSTAMP) is in the library's schema but not in its types. */
function toIcsEvent(event: Event): EventAttributes & { timestamp: number } {
  const { data } = event;
  const url = absoluteUrl(entryUrl('events', event.id));
  const modified = getLastUpdated(event);
  return {
    uid: eventUid(event.id),
    title: icsText(data.title),
    description: icsText(`${data.summary}\n\n${url}`),
    location: icsText(data.location),
    url,
    start: data.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    // An event without an end is taken to last an hour, so calendars do not show it as a point.
    ...(data.end
      ? { end: data.end.getTime(), endInputType: 'utc' as const, endOutputType: 'utc' as const }
      : { duration: { hours: 1 } }),
    status: 'CONFIRMED',
    categories: [t.eventKinds[data.kind]],
    organizer: { name: site.municipality, email: site.contact.email },
    ...(modified && { lastModified: modified.getTime() }),
    // DTSTAMP defaults to the build's clock; the last change (else the start) keeps the file the same in every
    // build of the same content, as incremental builds need (src/lib/cache-keys.ts).
    timestamp: (modified ?? data.start).getTime(),
  };
}

/**
 * Folds content lines at 75 octets, as RFC 5545 §3.1 asks. The `ics` library folds at 75
 * characters, so a line with æ, ø or å could run to 80 bytes; this unfolds and folds again by
 * bytes, never inside a UTF-8 sequence.
 */
export function foldLines(ics: string): string {
  const encoder = new TextEncoder();
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let bytes = 0;
      for (const char of line) {
        const size = encoder.encode(char).length;
        // The first line may hold 75 octets; continuation lines 74 after their leading space.
        if (bytes + size > (parts.length === 0 ? 75 : 74)) {
          parts.push(current);
          current = '';
          bytes = 0;
        }
        current += char;
        bytes += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** An iCalendar file holding `events`, or an error naming what the library refused. */
export function toIcs(events: readonly Event[]): string {
  const { error, value } = createEvents(events.map(toIcsEvent), {
    productId: `-//${site.municipality}//${host}//DA`,
    method: 'PUBLISH',
    calName: t.calendar.name(site.municipality),
  });
  if (error || !value) throw new Error(`Kalenderen kunne ikke laves: ${error?.message ?? 'tom'}`);
  return foldLines(
    value.replace('CALSCALE:GREGORIAN\r\n', 'CALSCALE:GREGORIAN\r\nX-WR-TIMEZONE:Europe/Copenhagen\r\n'),
  );
}

export const calendarHeaders = { 'Content-Type': 'text/calendar; charset=utf-8' };
