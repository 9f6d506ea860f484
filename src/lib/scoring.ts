/**
 * The CSR prize's scoring formula, in one place: the prize year pages (`scorePrize`) and the
 * self-check (`src/lib/self-check.ts`, also run in the browser) both use it, so they cannot drift.
 * Pure, with no Astro import, so a page script can bundle it.
 */

/** The jury's scale: each criterion gets 0–5 points. */
export const MAX_POINTS = 5;

/** A criterion's part of the total: points × weight ÷ 5, so full points on every criterion give the weight. */
export const weightedPoints = (points: number, weight: number): number => (points * weight) / MAX_POINTS;

/** The weighted total (0–100 when the weights sum to 100): the sum of every criterion's weighted points. */
export const weightedTotal = (scores: readonly { points: number; weight: number }[]): number =>
  scores.reduce((sum, s) => sum + weightedPoints(s.points, s.weight), 0);
