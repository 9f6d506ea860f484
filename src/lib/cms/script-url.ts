/**
 * The URL `/admin/` loads the editor's entry module from (`bundle.ts`), set by the integration
 * (`src/integrations/cms.ts`) and read by the page. Kept on `globalThis`: the build's pages run
 * from Vite's bundle and the integration from the config, two copies of any module.
 */
const SCRIPT = Symbol.for('socialoekonomi.cms-editor-script');
const shared = globalThis as { [SCRIPT]?: string };

/** Called by the integration. */
export const setEditorScript = (url: string): void => void (shared[SCRIPT] = url);

/** The URL of the editor's entry module, as the integration set it. */
export function editorScript(): string {
  const url = shared[SCRIPT];
  if (!url) throw new Error('Redigeringsværktøjets script er ukendt: integrationen cms mangler i astro.config.mjs');
  return url;
}
