/**
 * Walking the content schemas the way zod 4 defines them (`schema._zod.def`), independently of
 * the JSON Schema export the CMS generator uses: the field paths of every collection, for the
 * tests of the hint table and of the generated CMS configuration.
 */
import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from '../src/schemas/index.ts';

/** The parts of zod 4's internal definition the walk reads (`schema._zod.def`). */
export interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  valueType?: Schema;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number } } }[];
}
export interface Schema {
  _zod: { def: Def };
}

export const asSchema = (s: z.ZodType) => s as unknown as Schema;

/** The schema a value is checked against, without optional/default wrappers or transforms. */
export function unwrap(s: Schema): Schema {
  const def = s._zod.def;
  if (def.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(def.type))
    return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return s;
}

/** Every field path of a schema, objects and lists included: "address", "address.street", "people.name"; the schemas unwrapped. */
export const fieldPaths = (s: Schema): Map<string, Schema> =>
  new Map([...rawFieldPaths(s)].map(([path, field]) => [path, unwrap(field)]));

/** The editor's stand-ins for `image()` and `reference()`, with the metadata the generator reads. */
const helpers = {
  image: () => z.string().meta({ cms: 'image' }),
  reference: (collection: CollectionName) => z.string().meta({ cms: 'relation', collection }),
};
export const schemaOf = (name: CollectionName) => asSchema(COLLECTIONS[name].schema(helpers));

/** Is the field optional in the files (left out, or given a default)? */
export function isOptional(s: Schema): boolean {
  const def = s._zod.def;
  if (['optional', 'default', 'prefault'].includes(def.type)) return true;
  if (def.innerType && ['nullable', 'readonly', 'catch'].includes(def.type)) return isOptional(def.innerType);
  return false;
}

/** Every field path with the field's schema as written (wrappers and metadata kept), as {@link fieldPaths} names them. */
export function rawFieldPaths(s: Schema, prefix = '', out = new Map<string, Schema>()): Map<string, Schema> {
  const def = unwrap(s)._zod.def;
  if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.set(path, field);
      rawFieldPaths(field, path, out);
    }
  } else if (def.type === 'array' && def.element) {
    // Fields of objects in a list are named by the list, without an index.
    rawFieldPaths(def.element, prefix, out);
  } else if (def.type === 'union') {
    for (const option of def.options ?? []) rawFieldPaths(option, prefix, out);
  }
  return out;
}

/** Every field path with whether a file may leave it out. */
export const optionalFields = (s: Schema): Map<string, boolean> =>
  new Map([...rawFieldPaths(s)].map(([path, field]) => [path, isOptional(field)]));

/** The `cms` metadata a field carries (src/schemas/shared.ts), looked up through its wrappers. */
export function cmsMetaOf(s: Schema): Record<string, unknown> | undefined {
  for (let current: Schema | undefined = s; current;) {
    const meta = z.globalRegistry.get(current as unknown as z.ZodType) as Record<string, unknown> | undefined;
    if (meta && ('cms' in meta || 'pattern' in meta)) return meta;
    const def: Def = current._zod.def;
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}
