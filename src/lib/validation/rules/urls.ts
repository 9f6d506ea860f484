import { RESERVED_SLUGS, ROUTE_PREFIX, type RoutedCollection } from '../../urls.ts';
import type { Problem } from '../problem.ts';
import { field, type CheckedEntry, type CrossFileRule } from './types.ts';

export const urls: CrossFileRule = {
  name: 'urls',
  description: 'Two files may not claim one URL: a slug, an old slug in redirectFrom, or a route of the site itself.',
  check({ entries }) {
    const problems: Problem[] = [];
    const claims = new Map<string, { entry: CheckedEntry; how: string }>();
    // Own slugs first, so a clash with an old slug is reported on the redirect, not the file name.
    const wanted: {
      entry: CheckedEntry;
      collection: RoutedCollection;
      slug: string;
      where: string;
      redirect: boolean;
    }[] = [];
    for (const [collection, list] of entries) {
      if (!(collection in ROUTE_PREFIX)) continue;
      for (const entry of list) {
        wanted.push({
          entry,
          collection: collection as RoutedCollection,
          slug: entry.id,
          where: entry.fieldPrefix.length ? field(entry, ['id']) : 'filnavn',
          redirect: false,
        });
        const redirects = Array.isArray(entry.data['redirectFrom']) ? (entry.data['redirectFrom'] as string[]) : [];
        redirects.forEach((slug, i) =>
          wanted.push({
            entry,
            collection: collection as RoutedCollection,
            slug,
            where: field(entry, ['redirectFrom', i]),
            redirect: true,
          }),
        );
      }
    }
    wanted.sort((a, b) => Number(a.redirect) - Number(b.redirect));
    for (const { entry, collection, slug, where } of wanted) {
      const url = `${ROUTE_PREFIX[collection]}${slug}/`;
      if ((RESERVED_SLUGS[collection] ?? []).includes(slug)) {
        problems.push({
          file: entry.file,
          field: where,
          message: `adressen ${url} er optaget af webstedet selv. Vælg et andet navn`,
        });
        continue;
      }
      const earlier = claims.get(url);
      if (earlier?.entry === entry) {
        problems.push({
          file: entry.file,
          field: where,
          message: `"${slug}" er filens eget navn og kan ikke også stå i redirectFrom. Fjern det`,
        });
      } else if (earlier) {
        problems.push({
          file: entry.file,
          field: where,
          message: `adressen ${url} bruges også af ${earlier.entry.file} (${earlier.how}). Hver adresse må kun høre til én fil`,
        });
      } else {
        claims.set(url, { entry, how: where });
      }
    }
    return problems;
  },
};
