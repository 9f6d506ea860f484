/**
 * The exports on hostile text: CSV cells never run as spreadsheet formulas, and a bare CR never
 * breaks an iCalendar file.
 */
import { createEvents } from 'ics';
import { describe, expect, it } from 'vitest';
import { icsText, toCsv } from '../../src/lib/export-text.ts';
import { parseCsv } from '../csv.ts';

const cells = (csv: string) => parseCsv(csv.replace(/^\uFEFF/, ''), ';')[1] ?? [];

describe('CSV formula injection', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Klik")'],
    ["+1+cmd|' /C calc'!A0"],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['\uFF1D1+1'],
  ])('%j is written with a leading apostrophe, so it reads as text', (value) => {
    expect(cells(toCsv(['name'], [{ name: value }]))).toEqual([`'${value}`]);
  });

  it('a phone number keeps its + and reads as text, not as a formula', () => {
    expect(cells(toCsv(['phone'], [{ phone: '+45 12 34 56 78' }]))).toEqual(["'+45 12 34 56 78"]);
  });

  it('a list whose first item starts a formula is escaped too', () => {
    expect(cells(toCsv(['tags'], [{ tags: ['=1+1', 'b'] }]))).toEqual(["'=1+1, b"]);
  });

  it('ordinary text, numbers (also negative) and booleans are unchanged', () => {
    expect(cells(toCsv(['a', 'b', 'c', 'd'], [{ a: 'Grønt Værksted; A/S', b: -3, c: true, d: 2019 }]))).toEqual([
      'Grønt Værksted; A/S',
      '-3',
      'true',
      '2019',
    ]);
  });
});

describe('iCalendar text', () => {
  const ics = (title: string, description: string) => {
    const { error, value } = createEvents([
      {
        uid: 'x@example.dk',
        title: icsText(title),
        description: icsText(description),
        location: icsText('Rådhuset\rKalundborg'),
        start: Date.UTC(2027, 2, 11, 15),
        startInputType: 'utc',
        startOutputType: 'utc',
        duration: { hours: 1 },
      },
    ]);
    if (error || !value) throw error ?? new Error('tom');
    return value;
  };

  it.each([
    ['a bare CR', 'Møde\rSlut', 'Linje 1\rLinje 2'],
    ['CRLF', 'Møde\r\nSlut', 'Linje 1\r\nLinje 2'],
    ['CR and LF mixed', 'Møde\r\r\nSlut\n', 'A\rB\nC\r\nD'],
  ])('%s in the text becomes an escaped \\n, and every line ends with CRLF', (_, title, description) => {
    const value = ics(title, description);
    expect(value).not.toMatch(/\r(?!\n)/);
    expect(value).not.toMatch(/(?<!\r)\n/);
    expect(value).toMatch(/SUMMARY:Møde\\n/);
    expect(value).toMatch(/LOCATION:Rådhuset\\nKalundborg/);
  });
});
