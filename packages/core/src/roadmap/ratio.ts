/**
 * Ratio arithmetic for coverage facts: construction, threshold tests with an explicit rule for empty
 * denominators, the number of models still missing to reach a threshold, and display text.
 */

import type { Ratio } from "./types.js";

/** Builds a ratio; `ratio` is null when the denominator is 0. */
export function toRatio(num: number, den: number): Ratio {
  return { num, den, ratio: den === 0 ? null : num / den };
}

// Shares such as 4/5 are compared with a small tolerance so that 0.8 computed as 8/10 still passes.
const RATIO_EPSILON = 1e-9;

/** Whether a ratio reaches `threshold`; an empty denominator counts as `whenEmpty`. */
export function isRatioAtLeast(r: Ratio, threshold: number, whenEmpty = false): boolean {
  if (r.ratio === null) return whenEmpty;
  return r.ratio + RATIO_EPSILON >= threshold;
}

/** How many more numerator units the ratio needs to reach `threshold` (0 when reached or empty). */
export function computeRatioGap(r: Ratio, threshold: number): number {
  if (r.den === 0) return 0;
  return Math.max(0, Math.ceil(threshold * r.den - r.num - RATIO_EPSILON));
}

/** Coverage value of a ratio for scoring: an empty denominator counts as 0. */
export function toCoverage(r: Ratio): number {
  return r.ratio ?? 0;
}

/** Display text such as `9/25 (36%)`, or `0/0 (n/a)`. */
export function formatRatio(r: Ratio): string {
  if (r.ratio === null) return `${r.num}/${r.den} (n/a)`;
  return `${r.num}/${r.den} (${Math.round(r.ratio * 100)}%)`;
}
