/**
 * Phone first: the header, sideways scrolling, the menu without JavaScript, and card grids
 * without a lone card on the last row, on one page of each template (taken from whatever content
 * the site has) and on every page with a card grid.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGES, entryUrl } from '../../src/lib/urls.ts';
import { siteInBrowser } from '../browser.ts';
import { contentPages } from '../dist.ts';
import { siteContent, templatePages } from './content.ts';

const content = await siteContent();
const TEMPLATES = templatePages(content);
/** Every page with a card grid of two or more cards, from the built site. */
const GRID_PAGES = (await contentPages())
  .filter(({ $ }) =>
    $('.card-grid')
      .get()
      .some((grid) => $(grid).children('li').length >= 2),
  )
  .map(({ route }) => route);

const PHONES = [320, 390];
const site = siteInBrowser();

async function open(
  route: string,
  width: number,
  options: { javaScriptEnabled?: boolean; browser?: Browser } = {},
): Promise<Page> {
  const page = await site.browser.newPage({
    viewport: { width, height: 844 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await page.goto(`${site.server.origin}${route}`);
  return page;
}

/** Each card grid's cards per row (by the top of each visible card), top row first. */
const gridRows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.card-grid')].map((grid) => {
      const tops = [...grid.children]
        .map((li) => li.getBoundingClientRect())
        .filter((box) => box.width > 0)
        .map((box) => Math.round(box.top));
      const rows = [...new Set(tops)].sort((a, b) => a - b);
      return rows.map((top) => tops.filter((t) => t === top).length);
    }),
  );

describe.each(PHONES)('at %i px wide', (width) => {
  it('on every template the header is at most 150 px tall and nothing scrolls sideways', async () => {
    const page = await open('/', width);
    const problems: string[] = [];
    for (const route of TEMPLATES) {
      await page.goto(`${site.server.origin}${route}`);
      const header = (await page.locator('.site-header').boundingBox())?.height ?? Infinity;
      if (header > 150) problems.push(`${route}: headeren er ${header} px høj`);
      const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${route}: siden ruller ${overflow} px sidelæns`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the navigation is folded behind a Menu control that opens it, also without JavaScript', async () => {
    const page = await open('/', width, { javaScriptEnabled: false });
    const links = page.locator('.site-nav a');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    const summary = page.locator('.site-nav summary');
    expect(await summary.isVisible()).toBe(true);
    for (let i = 0; i < count; i++) expect(await links.nth(i).isVisible()).toBe(false);
    // The control sits inside the header, next to the search, not below it.
    const header = await page.locator('.site-header').boundingBox();
    const control = await summary.boundingBox();
    expect(control!.y + control!.height).toBeLessThanOrEqual(header!.y + header!.height);
    await summary.click();
    for (let i = 0; i < count; i++) expect(await links.nth(i).isVisible()).toBe(true);
    await summary.click();
    expect(await links.first().isVisible()).toBe(false);
    await page.close();
  });

  it('the Menu control is reached by Tab after the search, opens with Enter and says it is open', async () => {
    const page = await open('/', width);
    const summary = page.locator('.site-nav summary');
    await page.locator('.search-form button').focus();
    await page.keyboard.press('Tab');
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('.site-nav details').getAttribute('open')).not.toBeNull();
    // A native disclosure: Chromium's accessibility tree tells a screen reader it is expanded.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored: boolean;
        name?: { value: unknown };
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    const control = nodes.find((n) => !n.ignored && n.name?.value === 'Menu');
    expect(control?.properties?.find((p) => p.name === 'expanded')?.value.value).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.site-nav ul') !== null)).toBe(true);
    await page.close();
  });
});

describe('on a wide screen', () => {
  it('every navigation link shows without a Menu control, also without JavaScript', async () => {
    const page = await open('/', 1280, { javaScriptEnabled: false });
    expect(await page.locator('.site-nav summary').isVisible()).toBe(false);
    const links = page.locator('.site-nav a');
    for (let i = 0; i < (await links.count()); i++) expect(await links.nth(i).isVisible()).toBe(true);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(200);
    await page.close();
  });
});

describe('card grids', () => {
  it('there are pages with card grids to check', () => {
    expect(GRID_PAGES).toContain('/');
  });

  it.each([768, 1280])('at %i px no grid leaves a lone card on its last row', async (width) => {
    const page = await site.browser.newPage({ viewport: { width, height: 900 } });
    const lone: string[] = [];
    for (const route of GRID_PAGES) {
      await page.goto(`${site.server.origin}${route}`);
      for (const rows of await gridRows(page)) {
        const cards = rows.reduce((a, b) => a + b, 0);
        if (cards >= 2 && rows.at(-1) === 1) lone.push(`${route}: ${rows.join('+')}`);
      }
    }
    expect(lone).toEqual([]);
    await page.close();
  });

  it('on a phone the cards stack in one column', async () => {
    const page = await open('/', 320);
    for (const rows of await gridRows(page)) expect(rows.every((n) => n === 1)).toBe(true);
    await page.close();
  });
});

describe('the front page', () => {
  const vision = content.all.get('texts')?.find((text) => text.id === 'forside');

  it('leads with the visitors’ tasks: buy, hire or retain, get listed, press', async () => {
    const page = await open('/', 390);
    const hrefs = await page.locator('#tasks ~ ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of [PAGES.catalogue, PAGES.guidance, PAGES.getListed, PAGES.press]) expect(hrefs).toContain(href);
    // The tasks are the first section of the page.
    const firstHeading = await page.locator('main h2').first().getAttribute('id');
    expect(firstHeading).toBe('tasks');
    await page.close();
  });

  it.runIf(vision)('shows the vision from the texts file after the tasks, on screen and in the document', async () => {
    const page = await open('/', 390);
    const tasks = await page.locator('#tasks').boundingBox();
    const heading = page.locator('#vision');
    expect((await heading.textContent())?.trim()).toBe(vision!.data['title']);
    const box = await heading.boundingBox();
    expect(box!.y).toBeGreaterThan(tasks!.y);
    const order = await page.evaluate(
      () =>
        document.querySelector('#tasks')!.compareDocumentPosition(document.querySelector('#vision')!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(order).toBeTruthy();
    expect(await page.locator('.vision figcaption').textContent()).toContain(vision!.data['summary']);
    await page.close();
  });
});

describe('an offering page on a phone', () => {
  const offering = content.offerings[0];
  it.runIf(offering)('shows price, delivery area and contact before the prose', async () => {
    const page = await open(entryUrl('offerings', offering!.id), 390);
    const facts = await page.locator('.facts').boundingBox();
    const cta = await page.locator('.cta').boundingBox();
    const prose = await page.locator('.prose').boundingBox();
    expect(facts!.y).toBeLessThan(prose!.y);
    expect(cta!.y).toBeLessThan(prose!.y);
    await page.close();
  });
});
