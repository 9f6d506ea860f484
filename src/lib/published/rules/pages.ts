/** Every `.html` file through the page rules (the table `PAGE_RULES` in `../judge.ts`). */
import { judgePage, type PageRule } from '../html.ts';
import type { FileRule } from '../types.ts';

export function pages(rules: readonly PageRule[]): FileRule {
  return {
    name: 'html',
    files: /\.html$/,
    async check(file, context) {
      const url = new URL(file.urlPath, context.origin);
      const redirectTo = context.options.content?.redirects.get(file.urlPath);
      const source = context.sourceFor(file.urlPath);
      return judgePage(await file.text(), { url, origin: context.origin, redirectTo }, rules).map((f) => ({
        ...f,
        source,
      }));
    },
  };
}
