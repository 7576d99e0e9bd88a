/**
 * Count, mean, population and sample standard deviation, min and max. Two passes with Neumaier
 * compensation (mean first, then Σ(x − mean)²), as NumPy's `std(ddof)` does with pairwise sums, so
 * large offsets do not cancel. Empty input → insufficient_data; one value → stdSample unavailable.
 */
import type { MetricValue } from "../metrics/metric-value.js";
import { toMetricValue } from "../metrics/metric-value.js";
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import { computeCompensatedSum } from "./compensated-sum.js";

/** Summary moments of a sample. */
export interface Moments {
  readonly count: number;
  readonly mean: number;
  readonly stdPopulation: number;
  readonly stdSample: MetricValue;
  readonly min: number;
  readonly max: number;
}

/** Moments of `values` (ddof 0 and ddof 1 standard deviations). */
export function computeMoments(values: ArrayLike<number>): StatResult<Moments> {
  const n = values.length;
  if (n === 0) return toInsufficientData("no values");
  const mean = computeCompensatedSum(values) / n;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    if (value < min) min = value;
    if (value > max) max = value;
    const square = (value - mean) * (value - mean);
    const next = sum + square;
    compensation += sum >= square ? sum - next + square : square - next + sum;
    sum = next;
  }
  const squaredDeviations = sum + compensation;
  return toOk({
    count: n,
    mean,
    stdPopulation: Math.sqrt(squaredDeviations / n),
    stdSample:
      n < 2
        ? toInsufficientData("sample standard deviation needs two values")
        : toMetricValue(Math.sqrt(squaredDeviations / (n - 1))),
    min,
    max,
  });
}
