/** Keyboard, focus and zoom on each page template, as a keyboard or magnifier user meets them. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteInBrowser } from '../browser.ts';
import { siteContent, templatePages } from './content.ts';

const content = await siteContent();
const TEMPLATES = templatePages(content);

const site = siteInBrowser();

async function open(route: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await site.browser.newPage({ viewport });
  await page.goto(`${site.server.origin}${route}`);
  return page;
}

/** Is the focused element visibly marked (an outline or a box shadow)? */
const focusIsVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  });

describe.each(TEMPLATES)('%s', (route) => {
  it('the first Tab reaches a visible skip link, and Enter moves focus to the main content', async () => {
    const page = await open(route);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til sidens indhold');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('indhold');
    await page.close();
  });

  it('every link and field in the header and navigation is reached by Tab with a visible focus', async () => {
    const page = await open(route);
    const expected = await page.locator('header a, header input, header button').count();
    const reached = new Set<string>();
    for (let i = 0; i < expected + 1; i++) {
      await page.keyboard.press('Tab');
      const inHeader = await page.evaluate(() => Boolean(document.activeElement?.closest('header')));
      if (!inHeader) continue;
      expect(await focusIsVisible(page)).toBe(true);
      reached.add(await page.evaluate(() => (document.activeElement as HTMLElement).outerHTML));
    }
    expect(reached.size).toBe(expected);
    await page.close();
  });

  it('at 200 % zoom (640 px wide) nothing scrolls sideways and the heading is on screen', async () => {
    const page = await open(route, { width: 640, height: 400 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    const h1 = await page.locator('h1').boundingBox();
    expect(h1 && h1.x >= 0 && h1.x + h1.width <= 640).toBe(true);
    await page.close();
  });
});
