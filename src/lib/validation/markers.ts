/**
 * What the checker's stand-ins for Astro's `image()` and `reference()` produce, so the
 * cross-file rules can find every image and every reference in parsed data, wherever it is.
 */
import { z } from 'astro/zod';
import type { CollectionName } from '../../schemas/shared.ts';

export class LocalImage {
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }
}

export class Ref {
  readonly collection: CollectionName;
  readonly id: string;
  constructor(collection: CollectionName, id: string) {
    this.collection = collection;
    this.id = id;
  }
}

export const checkerHelpers = {
  image: () =>
    z
      .string({ error: 'skriv stien til billedet relativt til filen, fx ./images/foto.jpg' })
      .refine((src) => src.startsWith('./') || src.startsWith('../'), {
        error:
          'skriv stien til billedet relativt til filen, fx ./images/foto.jpg (billeder fra nettet kan ikke bruges)',
      })
      .transform((src) => new LocalImage(src)),
  reference: (collection: CollectionName) =>
    z
      .string({ error: `skriv id'et (filnavnet uden endelse) på en fil i ${collection}` })
      .transform((id) => new Ref(collection, id)),
};

/** Every marker of type `T` in `data`, with the path that leads to it. */
export function findMarkers<T>(
  data: unknown,
  type: abstract new (...args: never[]) => T,
): { value: T; path: PropertyKey[] }[] {
  const found: { value: T; path: PropertyKey[] }[] = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (node instanceof type) found.push({ value: node, path });
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (node && typeof node === 'object' && !(node instanceof Date)) {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    }
  };
  walk(data, []);
  return found;
}
