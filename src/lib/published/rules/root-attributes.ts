/**
 * `<html>` and `<body>` carry only what BaseLayout and RedirectPage write (`<html lang>`, a
 * bare `<body>`): an attribute from elsewhere on them (a handler, a style, a `data-` hook for
 * some script) means something other than the templates wrote the page.
 */
import { attrName, describe, type PageRule } from '../html.ts';

const ALLOWED: Record<string, ReadonlySet<string>> = {
  html: new Set(['lang']),
  body: new Set(),
};

export const rootAttributes: PageRule = {
  name: 'root-attributes',
  check(element, page) {
    const allowed = ALLOWED[element.tagName];
    if (!allowed || page.kind !== 'page') return [];
    return element.attrs
      .filter((a) => !allowed.has(attrName(a)))
      .map((a) => `${describe(element)}: attributten ${attrName(a)} skrives ikke af webstedets skabeloner. Fjern den`);
  },
};
