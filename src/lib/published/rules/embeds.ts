/** Elements that embed another document or change where every relative URL leads: never on the site. */
import { describe, type PageRule } from '../html.ts';

const EMBEDS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe']);

export const embeds: PageRule = {
  name: 'embed',
  check(element) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'base')
      return [`${describe(element)}: <base> ændrer, hvor alle sidens links og scripts peger hen. Fjern det`];
    if (EMBEDS.has(tag))
      return [
        `${describe(element)}: <${tag}> indlejrer et andet dokument i siden. Fjern det, og link i stedet til indholdet`,
      ];
    return [];
  },
};
