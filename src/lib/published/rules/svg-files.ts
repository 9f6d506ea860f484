/**
 * `.svg` files (other than the site's own logo) read as XML: no `<script>`, no `on…` handler,
 * no `javascript:`/`vbscript:`/`data:` in a link or in an animation that could set one.
 */
import { SaxesParser } from 'saxes';
import { shorten } from '../html.ts';
import type { FileRule, Finding } from '../types.ts';
import { UNSAFE_SCHEMES, schemeOf } from '../urls.ts';

const ANIMATIONS = new Set(['animate', 'set', 'animateMotion', 'animateTransform', 'animateColor']);

export const svgFiles: FileRule = {
  name: 'svg',
  files: /\.svg$/i,
  async check(file) {
    const found: Finding[] = [];
    const parser = new SaxesParser({ xmlns: true, position: true });
    let error: string | undefined;
    parser.on('error', (e) => {
      error ??= e.message;
    });
    parser.on('opentag', (tag) => {
      const local = tag.local ?? tag.name;
      const at = `linje ${parser.line}: <${tag.name}>`;
      if (local.toLowerCase() === 'script') found.push({ message: `${at}: et script i en SVG-fil. Fjern det` });
      if (local === 'foreignObject') found.push({ message: `${at}: HTML indlejret i en SVG-fil. Fjern det` });
      for (const a of Object.values(tag.attributes)) {
        if (/^on/i.test(a.local)) found.push({ message: `${at}: attributten ${a.name} kører JavaScript. Fjern den` });
        const scheme = schemeOf(a.value);
        const urlAttribute = a.local === 'href' || a.local === 'src' || ANIMATIONS.has(local);
        const values = ANIMATIONS.has(local) ? a.value.split(';').map(schemeOf) : [scheme];
        if (urlAttribute && values.some((s) => s && UNSAFE_SCHEMES.has(s)))
          found.push({ message: `${at}: ${a.name}="${shorten(a.value, 60)}" kan køre kode. Fjern den` });
      }
    });
    try {
      parser.write(await file.text()).close();
    } catch (e) {
      error ??= (e as Error).message;
    }
    if (error !== undefined) found.push({ message: `filen er ikke gyldig XML (${shorten(error, 200)})` });
    return found;
  },
};
