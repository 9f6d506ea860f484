/**
 * Serves a built site on 127.0.0.1 for browser tests and screenshots, the way a static host
 * would: `/x/` → `/x/index.html`, unknown paths → `404.html` with status 404.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { distDir } from './dist.ts';

export interface Served {
  origin: string;
  close(): Promise<void>;
}

export async function serve(dir = distDir): Promise<Served> {
  const files = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const notFound = sirv(dir, { dev: false });
  const server: Server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      req.url = '/404.html';
      notFound(req, res, () => {
        res.end('404');
      });
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
