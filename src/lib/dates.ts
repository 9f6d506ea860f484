/**
 * Dates in Danish. Date-only values are UTC midnights (see `day` in schemas/shared.ts), so
 * they are formatted in UTC and never shift by a day; instants (event times, git commits) are
 * formatted in Copenhagen time.
 */
const dayFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantDayFormat = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
});
const timeFormat = new Intl.DateTimeFormat('da-DK', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Copenhagen',
});
const weekdayFormat = new Intl.DateTimeFormat('da-DK', { weekday: 'long', timeZone: 'Europe/Copenhagen' });

/** `14. marts 2026` for a calendar day. */
export const formatDay = (date: Date): string => dayFormat.format(date);

/** `2026-03-14`, for `<time datetime>` of a calendar day. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** `14. marts 2026` for the day an instant falls on in Copenhagen. */
export const formatInstantDay = (date: Date): string => instantDayFormat.format(date);

/** `torsdag 11. marts 2027 kl. 16.00–18.00` for an event. */
export function formatEventTime(start: Date, end?: Date): string {
  const day = `${weekdayFormat.format(start)} ${instantDayFormat.format(start)}`;
  const from = timeFormat.format(start);
  if (!end) return `${day} kl. ${from}`;
  const sameDay = instantDayFormat.format(start) === instantDayFormat.format(end);
  return sameDay
    ? `${day} kl. ${from}–${timeFormat.format(end)}`
    : `${day} kl. ${from} – ${weekdayFormat.format(end)} ${instantDayFormat.format(end)} kl. ${timeFormat.format(end)}`;
}

const copenhagenParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/**
 * An instant as Copenhagen wall-clock time with its offset, `2027-03-11T16:00:00+01:00`, for
 * structured data: readers see the local time the event page shows, and the instant is exact.
 */
export function isoCopenhagen(date: Date): string {
  const parts = Object.fromEntries(copenhagenParts.formatToParts(date).map((p) => [p.type, p.value]));
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(parts['timeZoneName'] ?? '')?.[1] ?? '+00:00';
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${offset}`;
}
