/**
 * `npm run bench:build`'s probe of the machine's cores and its ratios per round
 * (scripts/bench/cores.ts).
 */
import { describe, expect, it } from 'vitest';
import { coreYield, roundRatios } from '../../scripts/bench/cores.ts';

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
  it('one core alone gives about one core of work, counted in real rounds of the loop, and copies memory', async () => {
    const probe = await coreYield(200, 1);
    expect(probe.cores).toBe(1);
    expect(probe.oneRate).toBeGreaterThan(0);
    // The same one thread twice: the same work give or take the machine's noise.
    expect(probe.yield).toBeGreaterThan(0.5);
    expect(probe.yield).toBeLessThan(1.5);
    // 32 MB copied at least once in 200 ms, by any machine this runs on.
    expect(probe.memoryGbps).toBeGreaterThan(0.1);
  });
});
