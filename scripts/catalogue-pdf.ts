/**
 * `node scripts/catalogue-pdf.ts [out.pdf]`: prints `/katalog/print/` of the built site to an A4
 * PDF with Chromium, the way a buyer's "Gem som PDF" would. Run `npm run build` first.
 * Default output: `screenshots/katalog.pdf` (git-ignored).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launch } from '../test/browser.ts';
import { serve } from '../test/serve.ts';

const out = path.resolve(process.argv[2] ?? 'screenshots/katalog.pdf');
await mkdir(path.dirname(out), { recursive: true });
const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/katalog/print/`, { waitUntil: 'networkidle' });
  await page.emulateMedia({ media: 'print' });
  // Margins come from the page's own @page rule, so what Chromium prints is what a browser prints.
  await page.pdf({
    path: out,
    format: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
  });
  console.log(path.relative(process.cwd(), out));
} finally {
  await browser.close();
  await server.close();
}
