/**
 * `npm run screenshots:cms`: pictures of the browser editor for CONTRIBUTING.md, taken from the
 * built site (`npm run build` first) in Chromium with the real content as a local repository:
 * the sign-in page, a collection, and the story form — its top and its consent section — filled
 * in as an editor would. Written to `docs/cms/`. Nothing is saved in the content.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launch } from '../test/browser.ts';
import { fillRepository, labelOf, pickerGivesRepository } from '../test/cms.ts';
import { projectRoot } from '../test/helpers.ts';
import { serve } from '../test/serve.ts';
import { ADMIN } from '../src/lib/urls.ts';
import { today } from '../src/schemas/shared.ts';

const out = path.join(projectRoot, 'docs', 'cms');
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 860 } });
  await pickerGivesRepository(context);
  const page = await context.newPage();
  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`docs/cms/${name}.png`);
  };
  await page.goto(`${server.origin}${ADMIN.page}`);
  await page.getByRole('button', { name: 'Arbejd med lokalt repository' }).waitFor();
  await shot('1-log-ind');

  await fillRepository(page, projectRoot);
  await page.getByRole('button', { name: 'Arbejd med lokalt repository' }).click();
  await page.evaluate(() => (location.hash = '#/collections/stories'));
  await page.getByRole('button', { name: 'Opret nyt dokument' }).waitFor();
  await shot('2-historier');

  await page.evaluate(() => (location.hash = '#/collections/stories/new'));
  const field = (name: string) => page.getByLabel(labelOf('stories', name), { exact: true });
  await field('title').fill('Ny café på havnen giver fem job');
  await field('lede').fill('Caféen ved færgelejet har ansat fem medarbejdere i fleksjob og småjob.');
  await field('published').fill(today().toISOString().slice(0, 10));
  await shot('3-ny-historie');

  const people = page.getByRole('button', { name: new RegExp(labelOf('stories', 'people')) });
  await people.scrollIntoViewIfNeeded();
  await people.click();
  await field('people.name').fill('Mette Hansen');
  await field('people.consent').fill(today().toISOString().slice(0, 10));
  await field('people.consentRef').fill('SAM-2026-101');
  await field('people.name').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, -200);
  await shot('4-samtykke');
} finally {
  await browser.close();
  await server.close();
}
