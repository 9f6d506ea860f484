import { checkMarkdownBody, checkMdxBody } from '../body.ts';
import { findExcessiveNesting, forbiddenCharacter, forbiddenCharacterMessage } from '../bounds.ts';
import type { Problem } from '../problem.ts';
import { checkRenderedMarkdown } from '../rendered.ts';
import type { EntryRule } from './types.ts';

/**
 * The body's rules, after a cheap scan that refuses absurd nesting before any parser sees it,
 * and characters the feeds cannot carry. A parser that still throws becomes a problem line.
 */
export const bodySafety: EntryRule = {
  name: 'body-safety',
  description:
    'No code, unsafe URL, forbidden character or absurd nesting in a body, judged in the source and as rendered and parsed by a browser.',
  stage: 'body',
  check({ body, file, root }) {
    if (!body) return [];
    const { text, line: bodyLine, mdx } = body;
    const lineOf = (index: number) => bodyLine + text.slice(0, index).split('\n').length - 1;
    const issues: { line: number | undefined; message: string }[] = [];
    const code = forbiddenCharacter(text);
    if (code) {
      const index = text.search(new RegExp(code.replace('U+', '\\u')));
      issues.push({ line: index >= 0 ? lineOf(index) : undefined, message: forbiddenCharacterMessage(code) });
    }
    const deep = findExcessiveNesting(text);
    if (deep) issues.push({ line: bodyLine + deep.line - 1, message: deep.message });
    else {
      try {
        const source = mdx ? checkMdxBody(text, bodyLine, file, root) : checkMarkdownBody(text, bodyLine);
        // What the source passes is judged again as rendered and parsed by a browser; a rule the
        // source already broke is not repeated.
        const rendered =
          mdx || source.length > 0 ? [] : checkRenderedMarkdown(text).map((message) => ({ line: undefined, message }));
        issues.push(...source, ...rendered);
      } catch (error) {
        const reason = error instanceof RangeError ? 'teksten er for indviklet' : String(error).slice(0, 200);
        issues.push({
          line: undefined,
          message: `teksten kunne ikke læses (${reason}). Skriv den enklere, som i eksemplerne`,
        });
      }
    }
    return issues.map((issue): Problem => ({
      file,
      field: 'body',
      message: issue.line ? `linje ${issue.line}: ${issue.message}` : issue.message,
    }));
  },
};
