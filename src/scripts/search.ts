/**
 * Enhances the search page (`/soeg/`): runs Pagefind in the browser on the query in the URL,
 * shows facets as checkboxes with counts (only once wanted: their files are ~100 KB at 10,000
 * pages), announces the result count to screen readers and keeps query and filters in the URL
 * so a search can be shared. The page works without it: the form still GETs `/soeg/?q=…` and
 * the page says how to browse instead.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The page's facets; `type` says what it is (Virksomhed, Historie …). */
  filters?: Record<string, string[] | undefined>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (term: string | null, o: { filters: Record<string, { any: string[] }> }) => Promise<PagefindSearch | null>;
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void enhance(root);

async function enhance(root: HTMLElement): Promise<void> {
  const text = JSON.parse(root.dataset['search'] ?? '{}') as Record<string, string>;
  const labels = JSON.parse(root.dataset['facets'] ?? '{}') as Record<string, string>;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const facetsBox = root.querySelector<HTMLElement>('[data-search-facets]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  root.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');

  let pagefind: Pagefind;
  try {
    const url = '/pagefind/pagefind.js';
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // No web worker: Pagefind 1.6 would fetch its own 42 KB copy of the search code for one, a
    // quarter of the 150 KB a first search may cost (issue 12); the index is small enough to
    // search on the page itself.
    await pagefind.options({ baseUrl: '/', excerptLength: 24, noWorker: true });
    await pagefind.init();
  } catch {
    status.textContent = text['unavailable'] ?? '';
    return;
  }

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const grid = facetsBox.querySelector<HTMLElement>('[data-search-facet-grid]')!;
  // The facets as the URL gave them, until the checkboxes are drawn; then the checkboxes.
  const initial: Record<string, string[]> = {};
  for (const key of Object.keys(labels)) if (params.getAll(key).length > 0) initial[key] = params.getAll(key);
  let drawn = false;
  /** The latest search; an older one that finishes late changes nothing. */
  let run = 0;
  const selected = (): Record<string, string[]> => {
    if (!drawn) return initial;
    const chosen: Record<string, string[]> = {};
    for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
      (chosen[box.name] ??= []).push(box.value);
    }
    return chosen;
  };

  // The checkboxes need every facet's values, i.e. all of Pagefind's filter files (~108 KB at
  // 10,000 pages, issue 12), while a search — with or without facets — needs only its own. So they are drawn when wanted: the disclosure opened (or about to be:
  // pointer over or focus on it), or facets in the URL. Results never wait for them.
  let facetsLoaded: Promise<void> | undefined;
  const loadFacets = (): Promise<void> =>
    (facetsLoaded ??= (async () => {
      grid.setAttribute('aria-busy', 'true');
      grid.textContent = text['facetsLoading'] ?? '';
      renderFacets(await pagefind.filters(), initial);
      grid.removeAttribute('aria-busy');
      drawn = true;
      // Counts for what is on the page now; a search that is still running counts for itself.
      const current = run;
      const counts = await countFacets(input.value.trim(), selected());
      if (counts && current === run) updateCounts(counts);
    })());
  facetsBox.hidden = false;
  facetsBox.addEventListener('toggle', () => {
    if ((facetsBox as HTMLDetailsElement).open) void loadFacets();
  });
  const summary = facetsBox.querySelector('summary')!;
  for (const event of ['pointerenter', 'focus']) summary.addEventListener(event, () => void loadFacets());
  if (Object.keys(initial).length > 0) {
    facetsBox.setAttribute('open', '');
    void loadFacets();
  }

  // Results are fetched ten at a time: each one is a small download, so a first query stays light.
  const PAGE_SIZE = 10;
  let pending: PagefindSearch['results'] = [];
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.textContent = text['more'] ?? '';
  more.hidden = true;
  list.after(more);
  more.addEventListener('click', async () => {
    const next = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = (await Promise.all(next.map((r) => r.data()))).map(resultItem);
    list.append(...items);
    more.hidden = pending.length === 0;
    items[0]?.querySelector('a')?.focus();
  });

  async function search(pushUrl: boolean): Promise<void> {
    const current = ++run;
    const query = input.value.trim();
    const chosen = selected();
    if (pushUrl) {
      const next = new URLSearchParams();
      if (query) next.set('q', query);
      for (const [key, values] of Object.entries(chosen)) for (const v of values) next.append(key, v);
      history.replaceState(null, '', `${location.pathname}${next.size > 0 ? `?${next}` : ''}`);
    }
    if (!query && Object.keys(chosen).length === 0) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = text['prompt'] ?? '';
      return;
    }
    status.textContent = text['loading'] ?? '';
    const found = await pagefind.search(query || null, { filters: filtersOf(chosen) });
    if (!found || current !== run) return;
    // Only drawn checkboxes have counts, and only with every filter file loaded are they whole.
    const counts = drawn ? await countFacets(query, chosen, found) : undefined;
    const data = await Promise.all(found.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (current !== run) return;
    if (counts) updateCounts(counts);
    list.replaceChildren(...data.map(resultItem));
    pending = found.results.slice(PAGE_SIZE);
    more.hidden = pending.length === 0;
    const count = found.results.length;
    const template = `result${count === 1 ? 'One' : 'Many'}${query ? '' : 'All'}`;
    status.textContent =
      count === 0
        ? (text['noResults'] ?? '').replace('%q', query)
        : (text[template] ?? '').replace('%n', String(count)).replace('%q', query);
  }

  function filtersOf(chosen: Record<string, string[]>, skip?: string): Record<string, { any: string[] }> {
    return Object.fromEntries(
      Object.entries(chosen)
        .filter(([k]) => k !== skip)
        .map(([k, v]) => [k, { any: v }]),
    );
  }

  /**
   * A facet's counts say what each choice would give alongside the other facets' choices, so a
   * chosen facet is counted by a search without it.
   */
  async function countFacets(
    query: string,
    chosen: Record<string, string[]>,
    found?: PagefindSearch,
  ): Promise<Record<string, Record<string, number>> | undefined> {
    // Nothing searched, nothing counted (the page asks for a word or a choice).
    if (!query && Object.keys(chosen).length === 0) return undefined;
    const all = found ?? (await pagefind.search(query || null, { filters: filtersOf(chosen) }));
    const counts = { ...all?.filters };
    for (const key of Object.keys(chosen)) {
      const without = await pagefind.search(query || null, { filters: filtersOf(chosen, key) });
      if (without) counts[key] = without.filters[key] ?? {};
    }
    return counts;
  }

  function renderFacets(all: Record<string, Record<string, number>>, chosen: Record<string, string[]>): void {
    // A value the URL chose is shown even where the index has none of it (an old link): the
    // search applies it, so the page says so and it can be unticked.
    const values = (key: string) => [...new Set([...Object.keys(all[key] ?? {}), ...(chosen[key] ?? [])])];
    const fieldsets = Object.keys(labels)
      .filter((key) => values(key).length > 1 || (chosen[key]?.length ?? 0) > 0)
      .map((key) => {
        const fieldset = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = labels[key] ?? key;
        fieldset.append(legend);
        for (const value of values(key).sort((a, b) => a.localeCompare(b, 'da'))) {
          const label = document.createElement('label');
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.name = key;
          box.value = value;
          box.checked = chosen[key]?.includes(value) ?? false;
          const count = document.createElement('span');
          count.className = 'facet-count';
          count.dataset['facetCount'] = `${key}\u0000${value}`;
          label.append(box, ` ${value} `, count);
          fieldset.append(label);
        }
        return fieldset;
      });
    grid.replaceChildren(...fieldsets);
    if (fieldsets.length === 0) {
      // Nothing to choose between (a site with one kind of content): no disclosure to open.
      if (facetsBox.contains(document.activeElement)) input.focus();
      facetsBox.hidden = true;
    }
    if (Object.keys(chosen).length > 0) facetsBox.setAttribute('open', '');
  }

  function updateCounts(counts: Record<string, Record<string, number>>): void {
    for (const span of facetsBox.querySelectorAll<HTMLElement>('[data-facet-count]')) {
      const [key, value] = (span.dataset['facetCount'] ?? '').split('\u0000') as [string, string];
      span.textContent = `(${counts[key]?.[value] ?? 0})`;
    }
  }

  function resultItem(result: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta['title'] ?? result.url;
    heading.append(link);
    // What the hit is, from its `type` facet, so a company and its offering are told apart.
    const kind = document.createElement('p');
    kind.className = 'search-result__type';
    kind.textContent = result.filters?.['type']?.[0] ?? '';
    const excerpt = document.createElement('p');
    // Pagefind marks matches with <mark>; rebuild them as elements instead of parsing HTML.
    for (const [i, part] of result.excerpt.split(/<\/?mark>/).entries()) {
      const node = document.createTextNode(decode(part));
      if (i % 2 === 1) {
        const mark = document.createElement('mark');
        mark.append(node);
        excerpt.append(mark);
      } else excerpt.append(node);
    }
    const summary = document.createElement('p');
    summary.textContent = result.meta['summary'] ?? '';
    // With a query the excerpt shows where the words matched; without one, the summary says what it is.
    item.append(heading, ...(kind.textContent ? [kind] : []), input.value.trim() ? excerpt : summary);
    return item;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(true);
  });
  facetsBox.addEventListener('change', () => void search(true));
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void search(true), 250);
  });
  await search(false);
}

function decode(text: string): string {
  const area = document.createElement('textarea');
  area.innerHTML = text;
  return area.value;
}
export {};
