/**
 * The browser editor's configuration (Sveltia CMS, `/admin/`), generated from the content model
 * in `src/schemas/index.ts`: every collection, every field with the widget its schema calls for,
 * required or optional as the schema says, the schema's limits, and the Danish labels and hints
 * of `src/schemas/hints.ts` (the same texts the scaffolder writes as comments). Nothing here is
 * written by hand per field, so the editor and the checker cannot disagree about the contract;
 * `test/unit/cms-config.test.ts` fails when they drift.
 *
 * The schemas are read through zod's own JSON Schema export (`z.toJSONSchema`, input side), and
 * what JSON Schema cannot say — a calendar day, a Copenhagen date-time, an image, a reference, a
 * pejlemærke, a town — comes from the `cms` metadata the shared building blocks carry.
 */
import type { CmsConfig } from '@sveltia/cms';
import { z } from 'astro/zod';
import { t } from '../i18n/da.ts';
import { CATALOGUE_COMPANY_KIND } from '../validation/rules/catalogue-companies.ts';
import { MAX_IMAGE_BYTES } from '../validation/images.ts';
import { COLLECTIONS, CONTENT_DIR, PILLARS, type CollectionName } from '../../schemas/index.ts';
import { COLLECTION_HINTS, FIELD_HINTS, type FieldHint } from '../../schemas/hints.ts';
import type { CmsMeta } from '../../schemas/shared.ts';
import { site } from '../../site.config.ts';

type Field = Record<string, unknown> & { name: string; widget: string };
type Collection = NonNullable<CmsConfig['collections']>[number];

interface JsonNode {
  type?: string | string[];
  properties?: Record<string, JsonNode>;
  required?: string[];
  items?: JsonNode;
  anyOf?: JsonNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  additionalProperties?: boolean | JsonNode;
  cms?: CmsMeta['cms'];
  collection?: CollectionName;
  patternMessage?: string;
}

/** Where an entry's images go: `images/` beside the entry, written as `./images/<file>`, as the contract says. */
export const IMAGE_FOLDER = 'images';

/** Danish names for the closed vocabularies, from the site's dictionary, keyed by their values. */
const ENUM_LABELS: Record<string, Record<string, string>> = {
  [Object.keys(t.companyKind).join()]: t.companyKind,
  [Object.keys(t.inclusion).join()]: t.inclusion,
  [Object.keys(t.audiences).join()]: t.audiences,
  [Object.keys(t.eventKinds).join()]: t.eventKinds,
  [Object.keys(t.esrs).join()]: t.esrs,
  [Object.keys(t.catalogue.types).join()]: t.catalogue.types,
  [Object.keys(t.partnerships.status).join()]: t.partnerships.status,
  [Object.keys(t.admin.pageContacts).join()]: t.admin.pageContacts,
};

/** The Danish label of an enum value; the test requires one for every value. */
export function enumLabel(values: readonly unknown[], value: string): string | undefined {
  return ENUM_LABELS[values.join()]?.[value];
}

/** The collections kept as one YAML list per file: the list (the file's root) and each item's id. */
const LIST_FIELD = 'items';
const LIST_ID = 'id';

export interface PrizeCriterion {
  id: string;
  title: string;
}

/** What a field is generated in: its collection, and the prize criteria a nominee is scored on. */
interface Context {
  collection: CollectionName;
  criteria: readonly PrizeCriterion[];
}

/**
 * Rules across files that a relation can keep by offering only what they allow: an offering's
 * supplier is a social-economy company (the checker's rule `catalogue-companies`).
 */
const RELATION_FILTERS: Record<string, { field: string; values: string[] }[]> = {
  'offerings.company': [{ field: 'kind', values: [CATALOGUE_COMPANY_KIND] }],
};

/** Which field names an entry's slug, per folder collection. */
const IDENTIFIER: Partial<Record<CollectionName, string>> = { companies: 'name', prizes: 'year' };

function hintFor(collection: CollectionName, path: string): FieldHint {
  const hint = FIELD_HINTS[collection][path];
  if (!hint) throw new Error(`src/schemas/hints.ts mangler en tekst til ${collection}: ${path}`);
  return hint;
}

/** The JSON Schema of a collection's entry, with the editor's stand-ins for `image()` and `reference()`. */
export function entryJsonSchema(name: CollectionName): JsonNode {
  const schema = COLLECTIONS[name].schema({
    image: () => z.string().meta({ cms: 'image' }),
    reference: (collection) => z.string().meta({ cms: 'relation', collection }),
  });
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
}

/** A relation to another collection: folder collections by slug, list files by their `id`. */
function relation(collection: CollectionName): Record<string, unknown> {
  const target = COLLECTIONS[collection];
  if (target.type === 'file') {
    const label = collection === 'prize-criteria' ? 'title' : collection.startsWith('self-check') ? 'id' : 'name';
    return {
      widget: 'relation',
      collection,
      file: collection,
      value_field: `${LIST_FIELD}.*.${LIST_ID}`,
      display_fields: [`${LIST_FIELD}.*.${label}`],
      search_fields: [`${LIST_FIELD}.*.${label}`],
    };
  }
  const label = IDENTIFIER[collection] ?? 'title';
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    display_fields: [label],
    search_fields: [label],
  };
}

/** A real limit, not zod's "any safe integer" (±2^53 − 1) for an unbounded `int()`. */
const bounded = (n: number | undefined): n is number => n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;

/** Turns one schema node into a field: the widget its type calls for, with the schema's limits. */
/** The Danish-named choices of an enum. */
const enumOptions = (values: unknown[]) =>
  values.map((value) => ({ value, label: enumLabel(values, String(value)) ?? String(value) }));

/** A choice of several from `options`, with the list's size limits. */
const multiSelect = (base: Field, node: JsonNode, options: { value: unknown; label: string }[]): Field => ({
  ...base,
  widget: 'select',
  multiple: true,
  ...(node.minItems ? { min: node.minItems } : {}),
  ...(node.maxItems ? { max: node.maxItems } : {}),
  options,
});

function field(ctx: Context, path: string, name: string, node: JsonNode, required: boolean): Field {
  const { collection, criteria } = ctx;
  const { label, hint } = hintFor(collection, path);
  const base: Field = { name, label, widget: 'string', required, ...(hint ? { hint } : {}) };
  if (node.default !== undefined) base['default'] = node.default;
  const cms = node.cms;

  if (cms === 'image') {
    return {
      ...base,
      widget: 'image',
      choose_url: false,
      media_folder: IMAGE_FOLDER,
      public_folder: `./${IMAGE_FOLDER}`,
      accept: 'image/jpeg,image/png,image/webp,image/avif',
    };
  }
  if (cms === 'relation' && node.collection) {
    const filters = RELATION_FILTERS[`${collection}.${path}`];
    return { ...base, ...relation(node.collection), ...(filters ? { filters } : {}) };
  }
  if (cms === 'date') {
    return { ...base, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
  }
  if (cms === 'datetime') {
    // Wall-clock time in Copenhagen, as the schema reads it, wherever the editor's computer is.
    return {
      ...base,
      widget: 'datetime',
      type: 'datetime-local',
      format: 'YYYY-MM-DDTHH:mm',
      input_timezone: 'Europe/Copenhagen',
    };
  }
  if (cms === 'pillars') {
    return multiSelect(
      base,
      node,
      PILLARS.map((n) => ({ value: n, label: `${n}. ${t.pillars[n]}` })),
    );
  }
  if (cms === 'towns') {
    return multiSelect(
      base,
      node,
      site.towns.map((town) => ({ value: town, label: town })),
    );
  }
  if (node.enum) return { ...base, widget: 'select', options: enumOptions(node.enum) };

  // `true` or left out (`municipality: true`): a checkbox would write `false`, which the schema refuses.
  if (node.const === true) return { ...base, widget: 'select', options: [{ value: true, label: t.admin.yes }] };

  const type = Array.isArray(node.type) ? node.type : [node.type];
  if (type.includes('array') && node.items) {
    const items = node.items;
    const limits = {
      ...(node.minItems ? { min: node.minItems } : {}),
      ...(node.maxItems ? { max: node.maxItems } : {}),
    };
    if (items.cms === 'relation' && items.collection) {
      return { ...base, ...relation(items.collection), multiple: true, ...limits };
    }
    if (items.enum) return multiSelect(base, node, enumOptions(items.enum));
    if (items.properties) {
      return {
        ...base,
        widget: 'list',
        ...limits,
        fields: objectFields(ctx, path, items),
        ...(items.properties['name'] ? { summary: '{{fields.name}}' } : {}),
      };
    }
    return { ...base, widget: 'list', ...limits, field: field(ctx, path, name, items, true) };
  }
  if (type.includes('object') && node.properties) {
    return { ...base, widget: 'object', fields: objectFields(ctx, path, node) };
  }
  if (cms === 'scores' && criteria.length > 0) {
    // A nominee's scores: one whole number from 0 to 5 per criterion of prize-criteria.yaml.
    return {
      ...base,
      widget: 'object',
      fields: criteria.map((c) => ({
        name: c.id,
        label: c.title,
        widget: 'number',
        value_type: 'int',
        min: 0,
        max: 5,
        required: true,
      })),
    };
  }
  if (type.includes('object')) return { ...base, widget: 'keyvalue' };
  if (type.includes('boolean')) return { ...base, widget: 'boolean' };
  if (type.includes('integer') || (type.includes('number') && !type.includes('string'))) {
    return {
      ...base,
      widget: 'number',
      value_type: 'int',
      ...(bounded(node.minimum) ? { min: node.minimum } : {}),
      ...(bounded(node.maximum) ? { max: node.maximum } : {}),
    };
  }
  // Strings: a URL, an e-mail, a slug, a CVR or phone number, or text — long text gets a text area.
  const string: Field = { ...base, widget: (node.maxLength ?? 0) > 200 ? 'text' : 'string' };
  if (node.minLength && node.minLength > 1) string['minlength'] = node.minLength;
  if (node.maxLength) string['maxlength'] = node.maxLength;
  if (node.format === 'uri') string['type'] = 'url';
  if (node.format === 'email') string['type'] = 'email';
  else if (node.pattern) string['pattern'] = [node.pattern, node.patternMessage ?? hint ?? label];
  return string;
}

function objectFields(ctx: Context, prefix: string, node: JsonNode): Field[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) =>
    field(ctx, prefix ? `${prefix}.${name}` : name, name, child, required.has(name) && child.default === undefined),
  );
}

/** Every field of an entry, in the schema's order, then the Markdown body. */
function entryFields(name: CollectionName, criteria: readonly PrizeCriterion[]): Field[] {
  const fields = objectFields({ collection: name, criteria }, '', entryJsonSchema(name));
  const definition = COLLECTIONS[name];
  if (definition.type === 'file') return fields;
  const { label, hint } = hintFor(name, 'body');
  return [...fields, { name: 'body', label, widget: 'markdown', required: false, ...(hint ? { hint } : {}) }];
}

function folderCollection(name: CollectionName, folder: string, criteria: readonly PrizeCriterion[]): Collection {
  const hints = COLLECTION_HINTS[name];
  const identifier = IDENTIFIER[name] ?? 'title';
  return {
    name,
    label: hints.label,
    label_singular: hints.singular,
    description: hints.description,
    folder: `${CONTENT_DIR}/${folder}`,
    extension: 'md',
    format: 'frontmatter',
    // MDX stays a developer's format: the editor lists and writes `.md` only.
    create: name !== 'texts',
    i18n: true,
    identifier_field: identifier,
    // Made once from the title (the year for a prize) and never changed here: a new slug is a new URL
    // and needs `redirectFrom`, a text's and a prize's file name is fixed, and a typed slug could
    // break the checker's rule.
    slug: { template: name === 'prizes' ? '{{year}}' : `{{${identifier}}}`, editable: false },
    summary: `{{${identifier}}}`,
    media_folder: IMAGE_FOLDER,
    public_folder: `./${IMAGE_FOLDER}`,
    fields: entryFields(name, criteria),
  } as Collection;
}

function listFileCollection(name: CollectionName, file: string, criteria: readonly PrizeCriterion[]): Collection {
  const hints = COLLECTION_HINTS[name];
  return {
    name,
    label: hints.label,
    description: hints.description,
    files: [
      {
        name,
        label: hints.label,
        file: `${CONTENT_DIR}/${file}`,
        format: 'yaml',
        fields: [
          {
            name: LIST_FIELD,
            label: hints.label,
            label_singular: hints.singular,
            widget: 'list',
            root: true,
            summary: '{{fields.id}}',
            fields: entryFields(name, criteria),
          },
        ],
      },
    ],
  } as unknown as Collection;
}

export interface CmsOptions {
  /** `owner/name` on GitHub; by default from `repository` in src/site.config.ts. */
  repo?: string;
  /** The branch pull requests go to. */
  branch?: string;
  /** The OAuth service that hands out GitHub tokens; by default `cmsAuthUrl` in src/site.config.ts. */
  authBaseUrl?: string | undefined;
  /** The criteria of prize-criteria.yaml, for the nominees' score fields. */
  prizeCriteria?: readonly PrizeCriterion[];
}

/** The whole configuration `/admin/config.yml` publishes. */
export function cmsConfig({
  repo = new URL(site.repository).pathname.replace(/^\/|\.git$|\/$/g, ''),
  branch = 'main',
  authBaseUrl = site.cmsAuthUrl,
  prizeCriteria = [],
}: CmsOptions = {}): CmsConfig {
  const collections = (Object.entries(COLLECTIONS) as [CollectionName, (typeof COLLECTIONS)[CollectionName]][]).map(
    ([name, definition]) =>
      definition.type === 'folder'
        ? folderCollection(name, definition.folder, prizeCriteria)
        : listFileCollection(name, definition.file, prizeCriteria),
  );
  return {
    backend: {
      name: 'github',
      repo,
      branch,
      // Without an OAuth service, only access tokens: Sveltia would otherwise send editors to Netlify's.
      ...(authBaseUrl ? { base_url: authBaseUrl } : { auth_methods: ['token'] }),
      commit_messages: {
        create: 'Opret {{collection}} "{{slug}}"',
        update: 'Ret {{collection}} "{{slug}}"',
        delete: 'Slet {{collection}} "{{slug}}"',
        uploadMedia: 'Upload "{{path}}"',
        deleteMedia: 'Slet "{{path}}"',
      },
    },
    // Editors' work becomes a pull request, so the checker, the tests and the preview run before anything is published.
    publish_mode: 'editorial_workflow',
    // Every image field has its own folder beside the entry; this global one only backs the editor's
    // media page, and points where the checker accepts photos (CONTRIBUTING says to add photos in the form).
    media_folder: `${CONTENT_DIR}/${COLLECTIONS.stories.folder}/${IMAGE_FOLDER}`,
    media_libraries: {
      default: {
        config: {
          // The checker's limit; and every photo is re-encoded in the browser, which drops its metadata
          // (a phone's GPS position, which the checker refuses) and turns HEIC into WebP.
          max_file_size: MAX_IMAGE_BYTES,
          transformations: { raster_image: { format: 'webp', quality: 85, width: 2400, height: 2400 } },
        },
      },
    },
    // The municipality's name and logo on the sign-in page and in the browser tab.
    app_title: `${t.admin.title} – ${site.municipality}`,
    logo: { src: site.logo.src },
    site_url: site.url,
    display_url: site.url,
    // A single Danish locale: only so that slugs are transliterated the Danish way (æ→ae, ø→oe, å→aa), as the checker wants.
    i18n: {
      structure: 'multiple_files',
      locales: ['da'],
      default_locale: 'da',
      omit_default_locale_from_file_path: true,
    },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    output: { omit_empty_optional_fields: true },
    collections,
  } as unknown as CmsConfig;
}
