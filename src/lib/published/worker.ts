/**
 * One worker thread of the gate (`threads.ts` starts them): it loads the rules itself and judges
 * the batches of files the main thread sends, reading them (and hashing them for the verdict cache)
 * here too. Loaded by plain
 * Node, which strips the types (see `judge.ts` for what that allows).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gateContext, judgeFiles } from './judge.ts';
import type { Batch, BatchResult, WorkerInput } from './threads.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts er udgivelsestjekkets arbejdstråd og startes af threads.ts, ikke direkte');
const { distDir, options, keys } = workerData as WorkerInput;
const context = gateContext(options);

port.on('message', (batch: Batch | null) => {
  // No more batches: closing the port lets the thread end.
  if (batch === null) return port.close();
  judgeFiles(distDir, batch.files, context, keys).then(
    (verdicts) => port.postMessage({ batch: batch.index, verdicts } satisfies BatchResult),
    (error: unknown) =>
      port.postMessage({
        batch: batch.index,
        error: error instanceof Error ? error.message : String(error),
      } satisfies BatchResult),
  );
});
