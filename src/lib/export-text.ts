/**
 * Text handed to the machine-readable exports, made safe for the format that carries it. Pure
 * functions (no content imports), so the unit tests run them on hostile strings directly.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | string[] | number[] | undefined;

/**
 * Records as CSV for Danish Excel: UTF-8 with a BOM, `;` between columns, CRLF line ends, lists
 * joined with `, `.
 *
 * Formula injection (OWASP "CSV Injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab or
 * a CR (or their full-width forms) is prefixed with `'` by csv-stringify's `escape_formulas`, so
 * Excel and LibreOffice show it as text instead of running it. Numbers are written as numbers
 * (a negative number is not prefixed). The cost is a visible `'` before such text, e.g. a phone
 * number `'+45 59 53 44 00`: it still reads as text and keeps its `+`; the JSON has it unchanged.
 */
export function toCsv(fields: readonly string[], records: readonly Record<string, CsvValue>[]): string {
  return stringify(
    records.map((r) => Object.fromEntries(fields.map((f) => [f, r[f]]))),
    {
      header: true,
      columns: [...fields],
      delimiter: ';',
      bom: true,
      record_delimiter: 'windows',
      escape_formulas: true,
      cast: { boolean: (v) => String(v), object: (v) => (Array.isArray(v) ? v.join(', ') : JSON.stringify(v)) },
    },
  );
}

/**
 * Text for an iCalendar property. The `ics` library escapes LF and CRLF as `\n` but leaves a
 * bare CR, which ends the content line early and breaks the file: every CR becomes LF first.
 * Characters XML and iCalendar forbid never get this far (the checker refuses them at the source).
 */
export const icsText = (text: string): string => text.replace(/\r\n?/g, '\n');
