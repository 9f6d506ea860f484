/**
 * The memory of a process and all its descendants, sampled from /proc while it runs:
 * GNU time's "maximum resident set" is one process's own, so a build's children (the editor's
 * bundling, Pagefind's binary) and its worker threads' share of the main process were seen
 * only in part or apart. Linux only; elsewhere the sampler reports nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';

export interface MemoryPeak {
  /** The largest sum over the tree, in MB. */
  totalMb: number;
  /** When it was reached: seconds after sampling began, and the wall-clock time (to match a log's HH:MM:SS). */
  atSeconds: number;
  clock: string;
  /** Each process at that moment: its command (shortened) and MB. */
  processes: { command: string; mb: number }[];
}

/**
 * A process's proportional share of resident memory (PSS): pages shared with another process
 * count half in each, so the sum over a tree is what it really holds. A child between fork and
 * exec shares all of its parent's pages and would double the figure in RSS. VmRSS where the
 * kernel has no smaps_rollup.
 */
const memoryKb = (pid: number): number => {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  }
};

const childrenOf = (pid: number): number[] => {
  const children: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    if (list) children.push(...list.split(/\s+/).map(Number));
  }
  return children;
};

const commandOf = (pid: number): string =>
  readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    .split('\0')
    .filter(Boolean)
    .map((part) => part.replace(/^.*\/(node_modules|bin)\//, ''))
    .join(' ')
    .slice(0, 80);

/** One sample of the tree under `pid`; processes that end meanwhile are skipped. */
function sample(pid: number): { command: string; mb: number }[] {
  const found: { command: string; mb: number }[] = [];
  const visit = (p: number) => {
    try {
      found.push({ command: commandOf(p), mb: memoryKb(p) / 1024 });
      for (const child of childrenOf(p)) visit(child);
    } catch {
      // Gone between listing and reading.
    }
  };
  visit(pid);
  return found;
}

/** Samples `pid`'s tree every `everyMs` until `stop()`, which gives the peak (undefined where /proc is missing). */
export function sampleMemory(pid: number, everyMs = 200): { stop: () => MemoryPeak | undefined } {
  const started = performance.now();
  let peak: MemoryPeak | undefined;
  const timer = setInterval(() => {
    let processes: { command: string; mb: number }[];
    try {
      processes = sample(pid);
    } catch {
      return;
    }
    const totalMb = processes.reduce((sum, p) => sum + p.mb, 0);
    if (!peak || totalMb > peak.totalMb) {
      peak = {
        totalMb,
        atSeconds: (performance.now() - started) / 1000,
        clock: new Date().toTimeString().slice(0, 8),
        processes: processes.filter((p) => p.mb >= 1),
      };
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
