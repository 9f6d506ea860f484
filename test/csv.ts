/**
 * A strict RFC 4180 reader for the open-data tests: quoted fields, doubled quotes, separators
 * and line breaks inside quotes. Small on purpose; it only has to read what csv-stringify writes,
 * and it throws on anything malformed rather than guessing.
 */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== separator && text[i] !== '\r')
          throw new Error(`tegn efter et lukkende anførselstegn ved ${i}`);
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === separator) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '"') {
      throw new Error(`uventet ${JSON.stringify(c)} uden for anførselstegn ved ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('et anførselstegn lukkes aldrig');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
