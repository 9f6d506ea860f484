/**
 * `/admin/config.yml`: the browser editor's configuration, generated from the content model
 * (src/lib/cms/config.ts). Sveltia CMS reads it from beside `/admin/`.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import yaml from 'js-yaml';
import { cmsConfig } from '../../lib/cms/config.ts';

export const GET: APIRoute = async () => {
  const prizeCriteria = (await getCollection('prize-criteria')).map((c) => ({ id: c.id, title: c.data.title }));
  const config = cmsConfig({ prizeCriteria, authBaseUrl: import.meta.env['CMS_AUTH_URL'] || undefined });
  return new Response(yaml.dump(config, { lineWidth: -1, noRefs: true }), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
