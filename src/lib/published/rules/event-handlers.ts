/** `on…` attributes run JavaScript on any element, in HTML, SVG and MathML alike. */
import { attrName, describe, type PageRule } from '../html.ts';

export const eventHandlers: PageRule = {
  name: 'event-handler',
  check(element) {
    return element.attrs
      .filter((a) => /^on/i.test(a.name))
      .map((a) => `${describe(element)}: attributten ${attrName(a)} kører JavaScript. Fjern den`);
  },
};
