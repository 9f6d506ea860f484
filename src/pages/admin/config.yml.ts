/**
 * `/admin/config.yml`: the browser editor's configuration, generated from the content model
 * (src/lib/cms/config.ts). Sveltia CMS reads it from beside `/admin/`.
 */
import type { APIRoute } from 'astro';
import yaml from 'js-yaml';
import { cmsConfig } from '../../lib/cms/config.ts';
import { criteria } from '../../lib/content/index.ts';

export const GET: APIRoute = async () => {
  // In the order the prize pages show them: by weight, then title.
  const prizeCriteria = criteria.map((c) => ({ id: c.id, title: c.data.title }));
  const config = cmsConfig({ prizeCriteria });
  return new Response(yaml.dump(config, { lineWidth: -1, noRefs: true }), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
