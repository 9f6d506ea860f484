/**
 * `npm run bench:build`'s busy cores per step (scripts/bench/busy.ts): read from /proc/stat's
 * ticks, over the samples that span each step.
 */
import { describe, expect, it } from 'vitest';
import { busyCores, parseProcStat, sampleBusy, stageCores, type BusySample } from '../../scripts/bench/busy.ts';

/** /proc/stat of a 2-CPU machine (Linux 6), first lines. */
const STAT = `cpu  84290 12 44105 156799 2556 7 1631 40 0 0
cpu0 39976 1 20516 83265 258 3 737 20 0 0
cpu1 44313 11 23588 73533 2297 4 894 20 0 0
intr 1234 0 0
ctxt 5678
`;

/** Samples a second apart on a 2-CPU machine, `busy` ticks of 200 each second (100 ticks a CPU a second). */
const samples = (busyPerSecond: number[]): BusySample[] => {
  let busy = 0;
  const out: BusySample[] = [{ at: 0, busy: 0, total: 0, cpus: 2 }];
  busyPerSecond.forEach((b, i) => {
    busy += b;
    out.push({ at: i + 1, busy, total: (i + 1) * 200, cpus: 2 });
  });
  return out;
};

describe("the machine's busy cores", () => {
  it('reads busy and total ticks and the number of CPUs from /proc/stat', () => {
    expect(parseProcStat(STAT)).toEqual({
      busy: 84290 + 12 + 44105 + 7 + 1631,
      total: 84290 + 12 + 44105 + 7 + 1631 + 156799 + 2556 + 40,
      cpus: 2,
    });
    expect(parseProcStat('intr 1 2 3\n')).toBeUndefined();
    expect(parseProcStat('')).toBeUndefined();
  });

  it('averages the busy cores over the samples that span a step', () => {
    // One core busy for two seconds, then both for two.
    const s = samples([100, 100, 200, 200]);
    expect(busyCores(s, 0, 2)).toBeCloseTo(1);
    expect(busyCores(s, 2, 4)).toBeCloseTo(2);
    expect(busyCores(s, 0, 4)).toBeCloseTo(1.5);
    // A step between samples is read from the sample before it to the one after it.
    expect(busyCores(s, 1.5, 2.5)).toBeCloseTo(1.5);
    // Nothing to read across.
    expect(busyCores([], 0, 1)).toBeUndefined();
    expect(busyCores(s.slice(0, 1), 0, 1)).toBeUndefined();
  });

  it('gives each step of a build its own figure, and none to a step too short to read', () => {
    const s = samples([100, 100, 200, 200, 50]);
    const cores = stageCores(
      [
        { name: 'opstart', seconds: 2 },
        { name: 'tøm dist', seconds: 0.1 },
        { name: 'sider', seconds: 1.9 },
        { name: 'afslutning', seconds: 1 },
      ],
      s,
    );
    expect([...cores.keys()]).toEqual(['opstart', 'sider', 'afslutning']);
    expect(cores.get('opstart')).toBeCloseTo(1);
    expect(cores.get('sider')).toBeCloseTo(2);
    expect(cores.get('afslutning')).toBeCloseTo(0.5);
  });

  it('samples this machine while something runs, on the clock it is given', async () => {
    let now = 0;
    const sampler = sampleBusy(() => now, 10);
    await new Promise((resolve) => setTimeout(resolve, 60));
    now = 1;
    const taken = sampler.stop();
    expect(taken.length).toBeGreaterThanOrEqual(2);
    expect(taken[0]!.at).toBe(0);
    expect(taken.at(-1)!.at).toBe(1);
    for (const sample of taken) {
      expect(sample.busy).toBeLessThanOrEqual(sample.total);
      expect(sample.cpus).toBeGreaterThanOrEqual(1);
    }
  });
});
