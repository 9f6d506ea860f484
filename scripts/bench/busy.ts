/**
 * How many of the machine's cores were busy during each step of a build, read from /proc/stat
 * while it runs: every process counts, the build's own children (esbuild's service, Pagefind's
 * binary) as well as anything else on the machine. A build's own CPU time (GNU time) says how
 * much work it did; this says whether a step left a core idle, which is what a change that does
 * work earlier or beside another step can use. (A cold build of 1,000 generated entries had both
 * cores busy from the content check to the content sync, because esbuild worked beside Astro
 * there: drawing share cards in that time slowed the start by three times what the pages gained.)
 * Linux only; elsewhere the sampler reports nothing.
 */
import { readFileSync } from 'node:fs';

/** What /proc/stat says: the machine's busy and total time in clock ticks, over how many CPUs. */
export interface Ticks {
  busy: number;
  total: number;
  cpus: number;
}

/** One reading, with the moment it was taken in seconds on the caller's clock. */
export interface BusySample extends Ticks {
  at: number;
}

/**
 * The machine's busy and total ticks from /proc/stat's first line (every CPU together): busy is
 * user, nice, system, irq and softirq; total adds idle, iowait and steal (time the host gave
 * another guest). Guest time is already in user. The CPUs are the `cpuN` lines after it. Undefined
 * when the first line is not there.
 */
export function parseProcStat(text: string): Ticks | undefined {
  const fields = /^cpu\s+([\d\s]+)/.exec(text)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 4) return undefined;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  const busy = user + nice + system + irq + softirq;
  const cpus = text.match(/^cpu\d+\s/gm)?.length ?? 1;
  return { busy, total: busy + idle + iowait + steal, cpus };
}

/**
 * Busy cores on average between `from` and `to` (seconds on the samples' clock): from the last
 * sample at or before `from` to the first at or after `to`, so a short step is read over a little
 * more than itself. Undefined when fewer than two samples span the step.
 */
export function busyCores(samples: readonly BusySample[], from: number, to: number): number | undefined {
  let first: BusySample | undefined;
  let last: BusySample | undefined;
  for (const sample of samples) {
    if (sample.at <= from) first = sample;
    if (sample.at >= to && !last) last = sample;
  }
  first ??= samples[0];
  last ??= samples.at(-1);
  if (!first || !last || last.total <= first.total) return undefined;
  return ((last.busy - first.busy) / (last.total - first.total)) * last.cpus;
}

/** Steps shorter than this get no figure: it would be the samples' neighbourhood more than the step. */
export const SHORTEST_STEP = 0.5;

/**
 * Each step's busy cores, by its name. The steps follow one another from the build's start
 * (`stages.ts`), so their times add up to their bounds.
 */
export function stageCores(
  stages: readonly { name: string; seconds: number }[],
  samples: readonly BusySample[],
): Map<string, number> {
  const cores = new Map<string, number>();
  let from = 0;
  for (const stage of stages) {
    const busy = stage.seconds < SHORTEST_STEP ? undefined : busyCores(samples, from, from + stage.seconds);
    if (busy !== undefined) cores.set(stage.name, busy);
    from += stage.seconds;
  }
  return cores;
}

/** Reads /proc/stat every `everyMs` until `stop()`, which gives the samples (none where /proc is missing). */
export function sampleBusy(clock: () => number, everyMs = 200): { stop: () => BusySample[] } {
  const samples: BusySample[] = [];
  const read = () => {
    try {
      const ticks = parseProcStat(readFileSync('/proc/stat', 'utf8'));
      if (ticks) samples.push({ at: clock(), ...ticks });
    } catch {
      // No /proc here.
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return samples;
    },
  };
}
