/**
 * The browser editor's entry module (`/admin/`): bundled with Sveltia CMS by `bundle.ts` once per
 * version, not by every site build, and loaded by the page as an external module script.
 */

// Danish, whatever the browser's language, unless the editor has chosen another in the editor's
// settings. Written before the editor's module runs: it reads the setting on load.
const PREFS = 'sveltia-cms.prefs';
try {
  const prefs = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as { locale?: string };
  if (!prefs.locale) localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: 'da' }));
} catch {
  // Storage may be blocked; the editor then follows the browser's language.
}

// Not inside another site's frame: a meta CSP cannot say `frame-ancestors`, and the editor holds a
// GitHub token and can publish with one click. Framed, the editor's code is not even loaded.
if (window.top === window.self) {
  const { default: CMS } = await import('@sveltia/cms');
  void CMS.init();
} else {
  document.getElementById('framed')?.removeAttribute('hidden');
}

export {};
