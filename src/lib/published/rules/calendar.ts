/**
 * `.ics` files, line by line as RFC 5545 demands: CRLF line ends only (a bare CR or LF lets
 * text end a property and start a new one), no content line over 75 octets unless folded,
 * every unfolded line a `NAME[;PARAM]:value`, and BEGIN/END in pairs.
 */
import { shorten } from '../html.ts';
import type { FileRule, Finding } from '../types.ts';

export const calendars: FileRule = {
  name: 'ics',
  files: /\.ics$/,
  async check(file) {
    const text = await file.text();
    const found: Finding[] = [];
    const fix = 'Ret det, der skriver kalenderfilen';
    if (!text.endsWith('\r\n')) found.push({ message: `filen slutter ikke med CRLF. ${fix}` });
    const lines = text.replace(/\r\n$/, '').split('\r\n');
    const stack: string[] = [];
    let logical = '';
    let logicalLine = 0;
    const endLogical = () => {
      if (!logical) return;
      const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^;:,"]*)(?:,(?:"[^"]*"|[^;:,"]*))*)*):(.*)$/s.exec(
        logical,
      );
      if (!m) {
        found.push({
          message: `linje ${logicalLine}: "${shorten(logical, 60)}" er ikke en gyldig kalenderlinje. ${fix}`,
        });
        return;
      }
      const name = m[1]?.toUpperCase();
      if (name === 'BEGIN') stack.push(m[3] ?? '');
      else if (name === 'END' && stack.pop() !== m[3])
        found.push({ message: `linje ${logicalLine}: END:${m[3]} passer ikke til en BEGIN. ${fix}` });
    };
    lines.forEach((line, i) => {
      const n = i + 1;
      if (line.includes('\r'))
        found.push({ message: `linje ${n}: et CR uden LF (linjeskift midt i en værdi). ${fix}` });
      if (line.includes('\n'))
        found.push({ message: `linje ${n}: et LF uden CR (linjeskift midt i en værdi). ${fix}` });
      if (Buffer.byteLength(line, 'utf8') > 75)
        found.push({ message: `linje ${n}: ${Buffer.byteLength(line, 'utf8')} bytes; højst 75 uden foldning. ${fix}` });
      if (line.startsWith(' ') || line.startsWith('\t')) {
        logical += line.slice(1);
        return;
      }
      endLogical();
      logical = line;
      logicalLine = n;
    });
    endLogical();
    if (stack.length > 0) found.push({ message: `BEGIN:${stack.join(', BEGIN:')} afsluttes aldrig med END. ${fix}` });
    if (!text.startsWith('BEGIN:VCALENDAR')) found.push({ message: `filen begynder ikke med BEGIN:VCALENDAR. ${fix}` });
    return found;
  },
};
