/**
 * The self-check (/for-virksomheder/selvtjek/) as a company uses it in Chromium: answers chosen
 * from the content files, and the total, the points per criterion, the stage and the booking
 * e-mail the page shows, against the prize's formula worked out here from the same files. No
 * request leaves the page while answering, and without JavaScript the questionnaire is whole.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../src/lib/urls.ts';
import { siteInBrowser } from '../browser.ts';
import { siteContent } from './content.ts';

const content = await siteContent();
const refId = (value: unknown): string => (value as { id: string }).id;
const questions = (content.all.get('self-check-questions') ?? []).map((q) => ({
  id: q.id,
  question: String(q.data['question']),
  criterion: refId(q.data['criterion']),
  answers: q.data['answers'] as { label: string; points: number }[],
}));
const stages = (content.all.get('self-check-stages') ?? [])
  .map((s) => ({ id: s.id, title: String(s.data['title']), from: Number(s.data['from']) }))
  .sort((a, b) => a.from - b.from);
const setUp = questions.length > 0 && stages.length > 0 && content.criteria.length > 0;

/** Danish, at most one decimal, as the page shows points. */
const danish = (n: number) =>
  new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(Math.round(n * 10) / 10);

/** What the page should show for a choice of answer (an index) per question, worked out by hand. */
function expected(choice: (questionIndex: number, answers: number) => number) {
  const points = new Map(questions.map((q, i) => [q.id, q.answers[choice(i, q.answers.length)]!.points]));
  const criteria = content.criteria.map((c) => {
    const own = questions.filter((q) => q.criterion === c.id);
    const mean = own.length ? own.reduce((sum, q) => sum + points.get(q.id)!, 0) / own.length : 0;
    return { id: c.id, title: c.title, points: mean, weighted: (mean * c.weight) / 5 };
  });
  const total = criteria.reduce((sum, c) => sum + c.weighted, 0);
  const stage = stages.filter((s) => total + 1e-9 >= s.from).at(-1)!;
  return { criteria, total, stage };
}

const site = siteInBrowser();

async function open(javaScriptEnabled = true): Promise<{ page: Page; requests: string[] }> {
  const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${site.server.origin}${PAGES.selfCheck}`, { waitUntil: 'networkidle' });
  return { page, requests };
}

async function answer(page: Page, choice: (questionIndex: number, answers: number) => number) {
  for (const [i, q] of questions.entries()) await page.check(`#${q.id}-${choice(i, q.answers.length)}`);
}

describe.runIf(setUp)('the self-check, answered in a browser', () => {
  const choices: [string, (i: number, n: number) => number][] = [
    ['a mix of answers', (i, n) => (i * 2 + 1) % n],
    ['the first answer everywhere', () => 0],
    ['the last answer everywhere', (_, n) => n - 1],
  ];

  it.each(choices)(
    '%s: the total, each criterion, the stage and the e-mail follow the prize formula',
    async (_, choice) => {
      const { page, requests } = await open();
      const before = requests.length;
      await answer(page, choice);
      const want = expected(choice);

      expect(await page.locator('[data-self-check-result]').isVisible()).toBe(true);
      expect(await page.locator('[data-total]').textContent()).toBe(`${danish(want.total)} af 100`);
      for (const c of want.criteria) {
        const row = page.locator(`[data-criterion="${c.id}"]`);
        expect(await row.locator('[data-points]').textContent(), c.id).toBe(danish(c.points));
        expect(await row.locator('[data-weighted]').textContent(), c.id).toBe(danish(c.weighted));
      }
      const live = page.locator('[aria-live="polite"]', { has: page.locator('[data-total]') });
      expect(await live.locator('[data-stage-link]').textContent()).toBe(want.stage.title);
      expect(await live.locator('[data-stage-link]').getAttribute('href')).toBe(`#trin-${want.stage.id}`);
      expect(await page.locator(`#trin-${want.stage.id}`).getAttribute('class')).toContain('is-current');
      expect(await page.locator('.is-current').count()).toBe(1);
      expect(await live.locator('[data-answered]').textContent()).toContain(
        `${questions.length} af ${questions.length}`,
      );

      const href = (await page.locator('[data-self-check-mail]').getAttribute('href'))!;
      expect(href).not.toMatch(/[\s]/);
      const mail = new URL(href);
      expect(mail.protocol).toBe('mailto:');
      expect(mail.searchParams.get('subject')).toContain(want.stage.title);
      const body = mail.searchParams.get('body')!;
      expect(body).toContain(`: ${want.stage.title}\r\n`);
      expect(body).toContain(`${danish(want.total)} af 100`);
      for (const c of want.criteria) expect(body).toContain(`- ${c.title}: ${danish(c.points)} af 5`);

      // No data leaves the browser: answering asks nothing of any server, and the page itself only its own.
      // (Chromium may fetch the favicon late, whatever the page does; that is the page's own file.)
      const icons = await page.$$eval('link[rel~="icon"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
      expect(requests.slice(before).filter((url) => !icons.includes(url))).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(site.server.origin))).toEqual([]);
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length)).toBe(0);
      await page.context().close();
    },
  );

  it('a keyboard user answers with the arrow keys, goes to the result without leaving the page, and clears it', async () => {
    const { page } = await open();
    const first = questions[0]!;
    await page.focus(`#${first.id}-0`);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked(`#${first.id}-1`)).toBe(true);
    expect(await page.locator('[data-answered]').textContent()).toContain(`1 af ${questions.length}`);
    await page.locator('[data-self-check-submit]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('self-check-result');
    expect(page.url()).toBe(`${site.server.origin}${PAGES.selfCheck}`);
    await page.locator('button[type="reset"]').click();
    await expect.poll(() => page.locator('[data-answered]').textContent()).toContain(`0 af ${questions.length}`);
    expect(await page.locator('[data-total]').textContent()).toBe('0 af 100');
    await page.context().close();
  });

  it('without JavaScript it is a whole questionnaire: every question, answer and points, the stages and a table to score by hand', async () => {
    const { page, requests } = await open(false);
    const legends = await page.locator('form fieldset legend').allTextContents();
    expect(legends.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(
      questions.map((q, i) => `${i + 1}. ${q.question}`),
    );
    for (const q of questions) {
      for (const [i, a] of q.answers.entries()) {
        const label = page.locator(`label:has(#${q.id}-${i})`);
        expect(await label.isVisible(), `${q.id}-${i}`).toBe(true);
        expect(await label.textContent()).toContain(a.label);
        expect(await page.getAttribute(`#${q.id}-${i}`, 'value')).toBe(String(a.points));
      }
    }
    expect(await page.locator('[data-self-check-result]').isVisible()).toBe(false);
    expect(await page.locator('[data-self-check-submit]').isVisible()).toBe(false);
    for (const s of stages) expect(await page.locator(`#trin-${s.id}`).isVisible(), s.id).toBe(true);
    const handRows = await page.locator('.self-check-hand tbody th').allTextContents();
    expect(handRows).toEqual(content.criteria.map((c) => c.title));
    expect(await page.locator('[data-self-check-mail]').getAttribute('href')).toMatch(/^mailto:[^?]+\?.*subject=/);
    expect(requests.filter((url) => !url.startsWith(site.server.origin))).toEqual([]);
    await page.context().close();
  });

  it('on paper the buttons that do nothing there are hidden, and the questions stay', async () => {
    const { page } = await open(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button[type="reset"]').isVisible()).toBe(false);
    expect(await page.locator('[data-self-check-mail]').isVisible()).toBe(false);
    expect(await page.locator('form fieldset').first().isVisible()).toBe(true);
    await page.context().close();
  });
});

describe.runIf(!setUp)('a site without a self-check', () => {
  it('says so on the page, and the guidance page does not link to it', async () => {
    const { page } = await open(false);
    expect(await page.locator('form[data-self-check]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('ikke sat op');
    await page.goto(`${site.server.origin}${PAGES.guidance}`);
    expect(await page.locator(`a[href="${PAGES.selfCheck}"]`).count()).toBe(0);
    await page.context().close();
  });
});

describe.runIf(setUp)('the guidance page', () => {
  it('links to the self-check', async () => {
    const { page } = await open(false);
    await page.goto(`${site.server.origin}${PAGES.guidance}`);
    expect(await page.locator(`main a[href="${PAGES.selfCheck}"]`).count()).toBe(1);
    await page.context().close();
  });
});
