/**
 * Open data as CSV (`;`, quoted cells, CRLF, BOM): it must parse, and no cell may start with
 * `=`, `+`, `-`, `@`, tab or CR — a spreadsheet runs such a cell as a formula (CSV injection)
 * unless the export escaped it (OWASP: a leading `'`).
 */
import { shorten } from '../html.ts';
import type { FileRule, Finding, GateContext } from '../types.ts';
import { sourceOfLink } from './xml.ts';

/** RFC 4180 with `;` between cells; throws on an unterminated or misplaced quote. */
export function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let quoted = false;
  let wasQuoted = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
      continue;
    }
    if (c === '"') {
      if (cell !== '' || wasQuoted) throw new Error(`et anførselstegn midt i en celle (tegn ${i})`);
      quoted = wasQuoted = true;
    } else if (c === separator) {
      row.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      wasQuoted = false;
      i++;
    } else if (wasQuoted) throw new Error(`tekst efter et citeret felt (tegn ${i})`);
    else cell += c;
  }
  if (quoted) throw new Error('et citeret felt slutter aldrig');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export const csvFiles: FileRule = {
  name: 'csv',
  files: /\.csv$/,
  async check(file, context: GateContext) {
    let rows: string[][];
    try {
      rows = parseCsv(await file.text());
    } catch (e) {
      return [{ message: `filen er ikke gyldig CSV: ${(e as Error).message}. Ret det, der skriver filen` }];
    }
    const [header = [], ...body] = rows;
    const urlColumn = header.indexOf('url');
    const found: Finding[] = [];
    body.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!FORMULA_START.test(cell)) return;
        found.push({
          rule: 'csv-formula',
          message: `række ${r + 2}, kolonne ${header[c] ?? c + 1}: cellen begynder med "${shorten(cell[0] ?? '', 5)}" ("${shorten(cell, 30)}"), og et regneark kører den som en formel. Eksporten skal sætte ' foran (CSV-injektion)`,
          source: sourceOfLink(row[urlColumn], context),
        });
      });
    });
    return found;
  },
};
