/**
 * Page-Hinkley test for an increase in the mean of a stream (scikit-multiflow's form): with the running mean
 * x̄_t, m_t = max(0, α·m_{t−1} + x_t − x̄_t − δ); drift when m_t > λ after at least `minInstances` values,
 * and the detector restarts. Defaults min_instances 30, δ 0.005, λ 50, α 0.9999. No warning zone.
 */
import type { DetectorStep } from "./streaming-detector.js";
import { assertFiniteStreamValue } from "./streaming-detector.js";

/** Page-Hinkley parameters. */
export interface PageHinkleyOptions {
  readonly minInstances: number;
  readonly delta: number;
  readonly threshold: number;
  readonly alpha: number;
}

/** Page-Hinkley state (JSON-serialisable). */
export interface PageHinkleyState {
  readonly options: PageHinkleyOptions;
  readonly count: number;
  readonly mean: number;
  readonly cumulativeSum: number;
}

/** STATISTICS.md defaults. */
export const PAGE_HINKLEY_DEFAULTS: PageHinkleyOptions = {
  minInstances: 30,
  delta: 0.005,
  threshold: 50,
  alpha: 0.9999,
};

/** A fresh Page-Hinkley detector. */
export function computeInitialPageHinkleyState(options: Partial<PageHinkleyOptions> = {}): PageHinkleyState {
  const merged = { ...PAGE_HINKLEY_DEFAULTS, ...options };
  if (!(merged.minInstances >= 1) || !(merged.threshold > 0) || !(merged.alpha > 0 && merged.alpha <= 1)) {
    throw new RangeError("Page-Hinkley needs minInstances >= 1, threshold > 0 and alpha in (0, 1]");
  }
  return { options: merged, count: 0, mean: 0, cumulativeSum: 0 };
}

/** Feeds one value (e.g. 1 for a wrong prediction, 0 for a right one). */
export function computePageHinkleyStep(
  state: PageHinkleyState,
  value: number,
): DetectorStep<PageHinkleyState> {
  assertFiniteStreamValue(value);
  const { options } = state;
  const count = state.count + 1;
  const mean = state.mean + (value - state.mean) / count;
  const cumulativeSum = Math.max(0, options.alpha * state.cumulativeSum + value - mean - options.delta);
  const drift = count >= options.minInstances && cumulativeSum > options.threshold;
  const next = drift ? computeInitialPageHinkleyState(options) : { options, count, mean, cumulativeSum };
  return { state: next, warning: false, drift };
}
