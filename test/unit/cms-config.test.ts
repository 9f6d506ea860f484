/**
 * The browser editor's configuration (src/lib/cms/config.ts) against the content model: every
 * collection and every field of the schemas, required as the schemas say, with the schemas'
 * limits and the Danish labels of src/schemas/hints.ts — and valid by Sveltia CMS's own JSON
 * Schema. The schemas are walked here through zod's definitions, not the JSON Schema export the
 * generator reads, so a field the generator loses or mistypes shows.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { cmsConfig, enumLabel } from '../../src/lib/cms/config.ts';
import { COLLECTION_HINTS, FIELD_HINTS } from '../../src/schemas/hints.ts';
import { COLLECTIONS, CONTENT_DIR, type CollectionName } from '../../src/schemas/index.ts';
import { site } from '../../src/site.config.ts';
import { projectRoot } from '../helpers.ts';
import { cmsMetaOf, fieldPaths, optionalFields, rawFieldPaths, schemaOf, unwrap } from '../schema-walk.ts';

interface Field {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  fields?: Field[];
  field?: Field;
  options?: { value: unknown; label: string }[];
  collection?: string;
  multiple?: boolean;
  maxlength?: number;
  minlength?: number;
  min?: number;
  max?: number;
  format?: string;
  type?: string;
  pattern?: [string, string];
  input_timezone?: string;
  root?: boolean;
  media_folder?: string;
  public_folder?: string;
}
interface Collection {
  name: string;
  label: string;
  folder?: string;
  extension?: string;
  fields?: Field[];
  files?: { name: string; file: string; fields: Field[] }[];
}

const criteria = [
  { id: 'rummelighed', title: 'Rummelighed' },
  { id: 'samarbejde', title: 'Samarbejde' },
];
const config = cmsConfig({ prizeCriteria: criteria }) as unknown as {
  collections: Collection[];
  backend: Record<string, unknown>;
  publish_mode: string;
  slug: Record<string, unknown>;
};
const names = Object.keys(COLLECTIONS) as CollectionName[];
const collectionOf = (name: CollectionName) => {
  const found = config.collections.find((c) => c.name === name);
  if (!found) throw new Error(`${name} mangler i konfigurationen`);
  return found;
};
/** An entry's fields: a folder collection's own, or the items of a list file's root list. */
const entryFields = (name: CollectionName): Field[] => {
  const c = collectionOf(name);
  if (c.fields) return c.fields;
  const list = c.files?.[0]?.fields[0];
  return list?.fields ?? [];
};

/** Every field of a configuration, by the path the hint table uses ("people.consent"). */
function configPaths(fields: Field[], prefix = '', out = new Map<string, Field>()): Map<string, Field> {
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    out.set(path, f);
    // A nominee's scores are one field per criterion of prize-criteria.yaml: content, not schema.
    if (f.fields && !(f.widget === 'object' && path === 'nominees.scores')) configPaths(f.fields, path, out);
  }
  return out;
}

describe('the CMS configuration', () => {
  it('has every collection of the content model, where the checker reads it', () => {
    expect(config.collections.map((c) => c.name)).toEqual(names);
    for (const name of names) {
      const definition = COLLECTIONS[name];
      const c = collectionOf(name);
      expect(c.label).toBe(COLLECTION_HINTS[name].label);
      if (definition.type === 'folder') {
        expect(c.folder).toBe(`${CONTENT_DIR}/${definition.folder}`);
        // MDX stays a developer's format.
        expect(c.extension).toBe('md');
      } else {
        expect(c.files?.[0]?.file).toBe(`${CONTENT_DIR}/${definition.file}`);
        expect(c.files?.[0]?.fields[0]).toMatchObject({ widget: 'list', root: true });
      }
    }
  });

  it.each(names)(
    '%s: exactly the schema’s fields, required as the schema says, with the table’s Danish labels',
    (name) => {
      const schemaFields = optionalFields(schemaOf(name));
      const fields = configPaths(entryFields(name));
      const expected = [...schemaFields.keys()];
      if (COLLECTIONS[name].type === 'folder') expected.push('body');
      expect([...fields.keys()].sort()).toEqual(expected.sort());
      for (const [path, optional] of schemaFields) {
        const f = fields.get(path)!;
        expect(f.required, `${name}: ${path}`).toBe(!optional);
        expect(f.label, `${name}: ${path}`).toBe(FIELD_HINTS[name][path]?.label);
        expect(f.hint, `${name}: ${path}`).toBe(FIELD_HINTS[name][path]?.hint);
      }
    },
  );

  it.each(names)('%s: each field has the widget and limits its schema calls for', (name) => {
    const fields = configPaths(entryFields(name));
    for (const [path, schema] of fieldPaths(schemaOf(name))) {
      const f = fields.get(path)!;
      const def = unwrap(schema)._zod.def as { type: string; entries?: Record<string, string> };
      const where = `${name}: ${path} (${f.widget})`;
      if (def.type === 'enum') {
        expect(f.widget, where).toBe('select');
        const values = Object.values(def.entries ?? {});
        expect(
          f.options?.map((o) => o.value),
          where,
        ).toEqual(values);
        // Every choice in Danish, from the site's dictionary.
        for (const value of values) expect(enumLabel(values, value), `${where}: ${value}`).toBeDefined();
      }
      const checks = (schema._zod.def as { checks?: { _zod: { def: { check: string; maximum?: number } } }[] }).checks;
      const max = checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
      if (def.type === 'string' && max !== undefined) expect(f.maxlength, where).toBe(max);
    }
  });

  it.each(names)(
    '%s: days, times, images, references, patterns and number and list limits as the schema marks them',
    (name) => {
      const fields = configPaths(entryFields(name));
      for (const [path, raw] of rawFieldPaths(schemaOf(name))) {
        const f = fields.get(path)!;
        const where = `${name}: ${path} (${f.widget})`;
        const meta = cmsMetaOf(raw);
        // A list of references or of pejlemærker carries its metadata on the items.
        const item = unwrap(raw)._zod.def.element;
        const kind = (meta?.['cms'] ?? (item && cmsMetaOf(item)?.['cms'])) as string | undefined;
        const target = meta?.['collection'] ?? (item && cmsMetaOf(item)?.['collection']);
        if (kind === 'date') expect(f, where).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' });
        if (kind === 'datetime')
          expect(f, where).toMatchObject({
            widget: 'datetime',
            format: 'YYYY-MM-DDTHH:mm',
            input_timezone: 'Europe/Copenhagen',
          });
        if (kind === 'image') expect(f, where).toMatchObject({ widget: 'image', media_folder: 'images' });
        if (kind === 'relation') expect(f, where).toMatchObject({ widget: 'relation', collection: target });
        if (kind === 'pillars')
          expect(
            f.options?.map((o) => o.value),
            where,
          ).toEqual([1, 2, 3, 4, 5]);
        if (kind === 'towns')
          expect(
            f.options?.map((o) => o.value),
            where,
          ).toEqual(site.towns);
        if (typeof meta?.['pattern'] === 'string') expect(f.pattern?.[0], where).toBe(meta['pattern']);
        const def = unwrap(raw)._zod.def;
        const check = (k: string) => def.checks?.find((c) => c._zod.def.check === k)?._zod.def;
        if (def.type === 'number' && !kind) {
          expect(f.widget, where).toBe('number');
          const min = check('greater_than')?.value;
          const max = check('less_than')?.value;
          if (min !== undefined) expect(f.min, where).toBe(min);
          if (max !== undefined) expect(f.max, where).toBe(max);
        }
        if (def.type === 'array') {
          const min = check('min_length')?.minimum;
          const max = check('max_length')?.maximum;
          if (min !== undefined) expect(f.min, where).toBe(min);
          if (max !== undefined) expect(f.max, where).toBe(max);
        }
      }
    },
  );

  it('offers images beside the entry, references as relations, dates in the checker’s format', () => {
    const story = configPaths(entryFields('stories'));
    expect(story.get('image')).toMatchObject({ widget: 'image', media_folder: 'images', public_folder: './images' });
    expect(story.get('companies')).toMatchObject({ widget: 'relation', collection: 'companies', multiple: true });
    expect(story.get('published')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD' });
    expect(story.get('people.consent')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', required: true });
    expect(story.get('people.minor')).toMatchObject({ widget: 'boolean', required: false });
    expect(story.get('pillars')?.options?.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(story.get('body')).toMatchObject({ widget: 'markdown' });
    const event = configPaths(entryFields('events'));
    expect(event.get('start')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', required: true });
    const offering = configPaths(entryFields('offerings'));
    expect(offering.get('category')).toMatchObject({ widget: 'relation', collection: 'categories' });
    expect(offering.get('deliversTo.towns')?.options?.map((o) => o.value)).toEqual(site.towns);
    const prize = configPaths(entryFields('prizes'));
    expect(prize.get('nominees.scores')?.fields?.map((f) => [f.name, f.label, f.min, f.max])).toEqual([
      ['rummelighed', 'Rummelighed', 0, 5],
      ['samarbejde', 'Samarbejde', 0, 5],
    ]);
  });

  it('opens pull requests against the site’s repository and slugs the checker’s way', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toMatchObject({ name: 'github', repo: new URL(site.repository).pathname.slice(1) });
    expect(config.slug).toMatchObject({ encoding: 'ascii', clean_accents: true });
  });

  it('is valid by Sveltia CMS’s own configuration schema', async () => {
    const schemaFile = path.join(projectRoot, 'node_modules', '@sveltia', 'cms', 'schema', 'sveltia-cms.json');
    const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    // The two formats the schema uses: a pattern must compile as a JavaScript regular expression.
    ajv.addFormat('regex', (value: string) => {
      try {
        new RegExp(value, 'u');
        return true;
      } catch {
        return false;
      }
    });
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    const validate = ajv.compile(schema);
    const valid = validate(JSON.parse(JSON.stringify(config)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // And the validator does fail on a configuration that is wrong.
    expect(validate({ ...config, publish_mode: 'straight-to-main' })).toBe(false);
  });
});
