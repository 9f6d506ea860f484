/**
 * Draws share cards in a worker thread (`./card-worker.ts`): Astro renders a build's pages one
 * after another on the main thread, and satori's layout is JavaScript, so drawn there it waited
 * for the pages and they for it. In a thread of its own a card is drawn while pages render, and
 * sharp's encoding runs on libuv's threads beside both.
 *
 * The thread does not keep the process alive while it has nothing to do, and if it dies every
 * card it owed fails with the reason; the next card starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { CardBrand, CardInput } from './card.ts';
import type { CardAnswer, CardJob } from './card-worker.ts';
import { cardStats } from './stats.ts';

/** `workerFile` is `card-worker.ts` on disk (the build's own copy of this module is bundled by Vite). */
export function cardThread(
  workerFile: string,
  brand: CardBrand,
  cacheDir: string,
): (input: CardInput) => Promise<string> {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (file: string) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  const start = () => {
    const thread = new Worker(workerFile);
    thread.on('message', (answer: CardAnswer) => {
      const job = waiting.get(answer.id);
      if (!job) return;
      waiting.delete(answer.id);
      if (waiting.size === 0) thread.unref();
      if ('error' in answer) return job.reject(new Error(answer.error));
      if (answer.drawn) cardStats.drawn++;
      else cardStats.cached++;
      job.resolve(answer.file);
    });
    thread.on('error', (error) => failAll(new Error(`Tråden, der tegner delekort, fejlede: ${error.message}`)));
    thread.on('exit', (code) => {
      worker = undefined;
      failAll(new Error(`Tråden, der tegner delekort, stoppede (kode ${code}), før kortet var tegnet.`));
    });
    return thread;
  };
  return (input) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, input, brand, cacheDir } satisfies CardJob);
    });
}
