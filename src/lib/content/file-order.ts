/**
 * The order of the items in a content YAML list. Astro's data store does not keep the file's
 * order, but the self-check's questions are shown as the editor wrote them, so the file is read
 * once more here (with the checker's bounded reader, which the build has already run).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlList } from '../validation/read.ts';

/** Each id's position in the list file at `filePath` (relative to `root`); empty when it cannot be read. */
export function readFileOrder(root: string, filePath: string | undefined): Map<string, number> {
  const order = new Map<string, number>();
  if (!filePath) return order;
  try {
    const parsed = parseYamlList(readFileSync(path.resolve(root, filePath), 'utf8'));
    if (!parsed.ok) return order;
    parsed.value.forEach((item, i) => {
      if (item && typeof item === 'object' && 'id' in item) order.set(String(item.id), i);
    });
  } catch {
    // No file, no order: the caller keeps the store's order.
  }
  return order;
}
