/** Search figures for the benchmarks: the size of Pagefind's index and what a first query downloads. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { launch } from '../../test/browser.ts';

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { bytes, files };
}

/**
 * The text types a static host (GitHub Pages, Netlify, Cloudflare, nginx's `gzip_types`)
 * compresses on the way out. Pagefind's own files (`.pagefind`, `.pf_*`) are gzip files already
 * and go out as they are, as such hosts send them.
 */
const COMPRESSED: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

/**
 * Serves `dist` as a static host does: text gzipped (zlib's default level, as nginx and most
 * hosts use) when the browser asks for it, everything else byte for byte (test/serve.ts, the
 * tests' server, sends everything uncompressed).
 */
async function serveLikeAHost(dist: string): Promise<{ origin: string; close(): Promise<void> }> {
  const files = sirv(dist, { dev: false, etag: false, extensions: ['html'] });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    const type = COMPRESSED[path.extname(file)];
    if (type && file.startsWith(dist) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      const bytes = await readFile(file).catch(() => undefined);
      if (bytes) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
        res.end(gzipSync(bytes));
        return;
      }
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.end('404');
    });
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface FirstQuery {
  /** Bytes of the response bodies as they crossed the network (compressed where the host compresses). */
  bytes: number;
  /** The same bodies decoded: what an uncompressing server would have sent. */
  decoded: number;
  requests: number;
  /** Per file under /pagefind/, in the order fetched: name, bytes on the wire, decoded bytes. */
  files: { name: string; bytes: number; decoded: number }[];
  results: string;
}

/** Bytes under /pagefind/ a fresh visitor downloads to see the results of one query. */
export async function firstQueryBytes(dist: string, query: string): Promise<FirstQuery> {
  const server = await serveLikeAHost(dist);
  const browser = await launch();
  const page = await browser.newPage();
  const seen: Promise<{ name: string; bytes: number; decoded: number }>[] = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith('/pagefind/')) return;
    seen.push(
      (async () => {
        const decoded = (await response.body().catch(() => Buffer.alloc(0))).length;
        const sizes = await response.request().sizes();
        return { name: pathname.slice('/pagefind/'.length), bytes: sizes.responseBodySize, decoded };
      })(),
    );
  });
  await page.goto(`${server.origin}/soeg/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() =>
    /resultat|Ingen/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
  );
  await page.waitForLoadState('networkidle');
  const results = (await page.locator('[data-search-status]').textContent()) ?? '';
  const files = await Promise.all(seen);
  await browser.close();
  await server.close();
  const sum = (key: 'bytes' | 'decoded') => files.reduce((total, f) => total + f[key], 0);
  return { bytes: sum('bytes'), decoded: sum('decoded'), requests: files.length, files, results };
}

/** The files of a first query by kind: `pagefind.js`, the meta index, WebAssembly, index chunks, filters, fragments. */
function byKind(files: FirstQuery['files']): string {
  const kinds = new Map<string, { bytes: number; decoded: number; count: number }>();
  for (const file of files) {
    const kind = file.name.includes('/')
      ? `${file.name.split('/')[0]}/`
      : file.name.replace(/^(pagefind)\.[\w-]+(\.pf_meta)$/, '$1…$2');
    const k = kinds.get(kind) ?? { bytes: 0, decoded: 0, count: 0 };
    kinds.set(kind, { bytes: k.bytes + file.bytes, decoded: k.decoded + file.decoded, count: k.count + 1 });
  }
  return [...kinds]
    .map(
      ([kind, k]) =>
        `${kind}${k.count > 1 ? ` ×${k.count}` : ''} ${kb(k.bytes)}${k.decoded !== k.bytes ? ` (udpakket ${kb(k.decoded)})` : ''}`,
    )
    .join(', ');
}

/** Prints the index's size and files, and what three first queries cost, file by file. */
export async function searchFigures(
  label: string,
  dist: string,
  queries = ['frokost', 'genbrug af møbler', 'fleksjob'],
): Promise<void> {
  const index = await folderSize(path.join(dist, 'pagefind'));
  const fragments = (await readdir(path.join(dist, 'pagefind', 'fragment'))).length;
  console.log(`\n${label}: ${fragments} sider i indekset; indeks ${kb(index.bytes)} i ${index.files} filer`);
  console.log(
    '  (over nettet: tekst gzip-komprimeret som på en statisk vært; udpakket: som en server uden komprimering)',
  );
  for (const query of queries) {
    const first = await firstQueryBytes(dist, query);
    console.log(
      `  første søgning "${query}": ${kb(first.bytes)} over nettet, ${kb(first.decoded)} udpakket, i ${first.requests} filer (${first.results})`,
    );
    console.log(`    ${byKind(first.files)}`);
  }
}
