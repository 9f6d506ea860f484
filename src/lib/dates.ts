/**
 * Dates in Danish. Date-only values are UTC midnights (see `day` in schemas/shared.ts), so
 * they are formatted in UTC and never shift by a day; instants (event times) in Copenhagen.
 */
const dayFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `14. marts 2026`. */
export function formatDay(date: Date): string {
  return dayFormat.format(date);
}

/** `2026-03-14`, for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
