/**
 * Filters a server-rendered list in place (`/katalog/`, `/virksomheder/`): checkboxes per facet,
 * OR within a facet and AND across facets, counts that follow the other choices, the result
 * announced to screen readers, and the choices kept in the URL. The checkboxes sit behind a
 * "Filtrér (n)" control that counts the chosen filters; it is open from the start on a wide screen,
 * closed on a phone so the list comes first. Without JavaScript the form stays hidden and the full
 * list, category pages and kind groupings lead everywhere.
 */
const form = document.querySelector<HTMLFormElement>('[data-list-filter]');
if (form) enhance(form);

function enhance(form: HTMLFormElement): void {
  const items = [...document.querySelectorAll<HTMLElement>('[data-filter-item]')];
  const status = form.querySelector<HTMLElement>('[data-list-filter-status]')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const keys = [...new Set(boxes.map((b) => b.name))];
  const template = form.dataset['listFilter'] ?? '%n / %t';
  const toggle = form.closest<HTMLDetailsElement>('details[data-list-filter-toggle]');
  const label = toggle?.querySelector<HTMLElement>('[data-list-filter-label]');
  const valuesOf = (item: HTMLElement, key: string) =>
    (item.dataset[`f${key[0]!.toUpperCase()}${key.slice(1)}`] ?? '').split('|').filter(Boolean);

  const params = new URLSearchParams(location.search);
  for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value);

  const chosen = () => {
    const map = new Map<string, string[]>();
    for (const box of boxes) if (box.checked) map.set(box.name, [...(map.get(box.name) ?? []), box.value]);
    return map;
  };
  const matches = (item: HTMLElement, selection: Map<string, string[]>, except?: string) =>
    [...selection].every(([key, values]) => key === except || values.some((v) => valuesOf(item, key).includes(v)));

  function apply(updateUrl: boolean): void {
    const selection = chosen();
    let shown = 0;
    for (const item of items) {
      const visible = matches(item, selection);
      item.hidden = !visible;
      if (visible) shown++;
    }
    // Hide a group whose items are all filtered away, so no empty heading is left.
    for (const group of document.querySelectorAll<HTMLElement>('[data-filter-group]')) {
      group.hidden = group.querySelectorAll('[data-filter-item]:not([hidden])').length === 0;
    }
    for (const box of boxes) {
      const count = items.filter(
        (item) => matches(item, selection, box.name) && valuesOf(item, box.name).includes(box.value),
      ).length;
      const span = box.parentElement?.querySelector('.facet-count');
      if (span) span.textContent = `(${count})`;
    }
    status.textContent = template.replace('%n', String(shown)).replace('%t', String(items.length));
    if (toggle && label) {
      const active = [...selection.values()].reduce((n, values) => n + values.length, 0);
      label.textContent = (toggle.dataset['listFilterToggle'] ?? '%n').replace('%n', String(active));
    }
    if (updateUrl) {
      const next = new URLSearchParams();
      for (const key of keys) for (const value of selection.get(key) ?? []) next.append(key, value);
      history.replaceState(null, '', `${location.pathname}${next.size > 0 ? `?${next}` : ''}${location.hash}`);
    }
  }

  form.addEventListener('change', () => apply(true));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(() => apply(true)));
  form.hidden = false;
  if (toggle) {
    toggle.hidden = false;
    if (matchMedia('(min-width: 64em)').matches) toggle.open = true;
  }
  apply(false);
}
export {};
