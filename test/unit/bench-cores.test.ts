/**
 * `npm run bench:build`'s probe of the machine's cores and its ratios per round
 * (scripts/bench/cores.ts).
 */
import { describe, expect, it } from 'vitest';
import { coreYield, roundRatios, work } from '../../scripts/bench/cores.ts';

describe('each round against its own bare build', () => {
  it('divides every project build by the bare build of the same round, not by the median', () => {
    const ratios = roundRatios([
      { round: 1, kind: 'bare', seconds: 5 },
      { round: 1, kind: 'cold', seconds: 30 },
      { round: 1, kind: 'warm', seconds: 6 },
      { round: 2, kind: 'bare', seconds: 6 },
      { round: 2, kind: 'cold', seconds: 54 },
      { round: 2, kind: 'warm', seconds: 6 },
      { round: 3, kind: 'bare', seconds: 4 },
      { round: 3, kind: 'cold', seconds: 28 },
      { round: 3, kind: 'warm', seconds: 6 },
    ]);
    expect([...ratios.keys()]).toEqual(['cold', 'warm']);
    const cold = ratios.get('cold')!;
    expect([...cold.byRound]).toEqual([
      [1, 6],
      [2, 9],
      [3, 7],
    ]);
    expect([cold.median, cold.min, cold.max]).toEqual([7, 6, 9]);
    const warm = ratios.get('warm')!;
    expect([warm.median, warm.min, warm.max]).toEqual([1.2, 1, 1.5]);
  });

  it('gives a round without a bare build no ratio, and an even number of rounds the middle two', () => {
    const ratios = roundRatios([
      { round: 1, kind: 'bare', seconds: 2 },
      { round: 1, kind: 'cold', seconds: 10 },
      { round: 2, kind: 'cold', seconds: 99 },
      { round: 3, kind: 'bare', seconds: 2 },
      { round: 3, kind: 'cold', seconds: 14 },
    ]);
    const cold = ratios.get('cold')!;
    expect([...cold.byRound.keys()]).toEqual([1, 3]);
    expect(cold.median).toBe(6);
  });
});

describe('what the cores give', () => {
  it('counts real rounds of work: one thread, all threads at once, and memory copied', async () => {
    // Only that the probe measures something: how much depends on the machine and its load, which
    // is what the benchmark prints it for.
    const probe = await coreYield(300, 2);
    expect(probe.cores).toBe(2);
    expect(probe.oneRate).toBeGreaterThan(0);
    expect(Number.isFinite(probe.yield) && probe.yield > 0).toBe(true);
    expect(probe.memoryGbps).toBeGreaterThan(0);
    expect(probe.seconds).toBeGreaterThan(0.9);
  });

  it('gives a rate, not nothing, when a thread begins after the common start (a loaded machine)', async () => {
    // The start lies a second in the past: every thread comes "late", as one did once under load
    // and counted 0 rounds, so the probe said 0 GB/s.
    for (const kind of ['cpu', 'memory'] as const) {
      const rate = await work(kind, 2, 50, -1000);
      expect(rate, kind).toBeGreaterThan(0);
      expect(Number.isFinite(rate), kind).toBe(true);
    }
  });
});
