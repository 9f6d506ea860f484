/**
 * How labels from a closed vocabulary (audiences, inclusion practices, company kinds) are written
 * when several share one place. The dictionary writes each label as it stands alone, capitalised:
 * a filter choice, a tag, a list item, one value in a fact list. Several values in one place are
 * one phrase, as Danish writes a list: a capital on the first word only, "og" before the last
 * ("Virksomheder, offentlige indkøbere og privatpersoner"). An abbreviation (IGU) keeps its capitals.
 */
const isUpper = (c: string) => c !== c.toLocaleLowerCase('da') && c === c.toLocaleUpperCase('da');

/** A label as an ordinary word inside a phrase: lower-case first letter, unless it is an abbreviation. */
export function inlineLabel(label: string): string {
  const [first = '', second = ''] = label;
  return isUpper(second) ? label : first.toLocaleLowerCase('da') + label.slice(first.length);
}

/** Labels as one Danish phrase: "A", "A og b", "A, b og c". */
export function labelList(labels: readonly string[]): string {
  const [head, ...rest] = labels;
  if (head === undefined) return '';
  const words = [head, ...rest.map(inlineLabel)];
  return words.length === 1 ? head : `${words.slice(0, -1).join(', ')} og ${words.at(-1)}`;
}
