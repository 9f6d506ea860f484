/**
 * `node scripts/screenshots.ts [path …]`: screenshots of the built site at 320, 768 and 1280 px
 * into `screenshots/`, for looking at the design. Run `npm run build` first.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launch } from '../test/browser.ts';
import { serve } from '../test/serve.ts';

const routes = process.argv.slice(2);
const targets = routes.length > 0 ? routes : ['/'];
const out = path.resolve('screenshots');
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const width of [320, 768, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const route of targets) {
      await page.goto(`${server.origin}${route}`);
      // A full-page screenshot does not scroll, so lazy images below the fold would stay empty.
      await page.evaluate(async () => {
        const lazy = [...document.querySelectorAll('img[loading="lazy"]')] as HTMLImageElement[];
        for (const img of lazy) img.loading = 'eager';
        await Promise.all(lazy.map((img) => img.decode().catch(() => undefined)));
      });
      const name = `${route.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'forside'}-${width}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: true });
      console.log(path.join('screenshots', name));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
