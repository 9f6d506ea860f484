/** Gate: every built page is valid HTML (html-validate, recommended rules; see .htmlvalidate.json). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { projectRoot } from '../helpers.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** One line per error: `page: line:column rule: message`. */
export async function validatePages(dist: string, routes: string[]): Promise<string[]> {
  const errors: string[] = [];
  for (const route of routes) {
    const file = path.join(dist, route.endsWith('/') ? `${route}index.html` : route);
    const report = await validator.validateString(await readFile(file, 'utf8'), path.join(projectRoot, 'page.html'));
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${route} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return errors;
}
