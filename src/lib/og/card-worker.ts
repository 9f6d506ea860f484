/**
 * The thread that draws a build's share cards (`cardThread` in `./thread.ts`), so that satori's
 * layout, which is JavaScript, runs beside the pages Astro renders instead of between them. Plain
 * Node, no Vite: Node strips the types itself. Each message is one card to put in the cache; the
 * answer says where it is and whether it had to be drawn, or why it could not be.
 */
import { parentPort } from 'node:worker_threads';
import { cardFile, type CardBrand, type CardInput } from './card.ts';

export interface CardJob {
  id: number;
  input: CardInput;
  brand: CardBrand;
  cacheDir: string;
}
export type CardAnswer = { id: number; file: string; drawn: boolean } | { id: number; error: string };

parentPort?.on('message', (job: CardJob) => {
  cardFile(job.input, job.brand, job.cacheDir).then(
    ({ file, drawn }) => parentPort?.postMessage({ id: job.id, file, drawn } satisfies CardAnswer),
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies CardAnswer),
  );
});
