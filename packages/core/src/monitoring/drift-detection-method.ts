/**
 * DDM, the Drift Detection Method (Gama et al. 2004) on a 0/1 error stream: p_i = error rate, s_i =
 * √(p_i(1−p_i)/i); after `minInstances` values the minimum of p + s is tracked; warning when p + s ≥ p_min +
 * 2·s_min, drift (and restart) when p + s ≥ p_min + 3·s_min. Deviation from the paper: the minimum is only
 * recorded once s > 0, so an error-free start (p = s = 0) cannot turn the first error into a drift.
 */
import type { DetectorStep } from "./streaming-detector.js";
import { assertFiniteStreamValue } from "./streaming-detector.js";

/** DDM parameters. */
export interface DdmOptions {
  readonly minInstances: number;
  readonly warningLevel: number;
  readonly driftLevel: number;
}

/** DDM state (JSON-serialisable; null minimum until one is recorded). */
export interface DdmState {
  readonly options: DdmOptions;
  readonly count: number;
  readonly errorRate: number;
  readonly minErrorRate: number | null;
  readonly minStandardDeviation: number | null;
}

/** STATISTICS.md defaults. */
export const DDM_DEFAULTS: DdmOptions = { minInstances: 30, warningLevel: 2, driftLevel: 3 };

/** A fresh DDM detector. */
export function computeInitialDdmState(options: Partial<DdmOptions> = {}): DdmState {
  const merged = { ...DDM_DEFAULTS, ...options };
  if (!(merged.minInstances >= 1) || !(merged.driftLevel >= merged.warningLevel && merged.warningLevel > 0)) {
    throw new RangeError("DDM needs minInstances >= 1 and 0 < warningLevel <= driftLevel");
  }
  return { options: merged, count: 0, errorRate: 0, minErrorRate: null, minStandardDeviation: null };
}

/** Feeds one prediction outcome: 1 wrong, 0 right (values in [0, 1]). */
export function computeDdmStep(state: DdmState, value: number): DetectorStep<DdmState> {
  assertFiniteStreamValue(value);
  if (value < 0 || value > 1) throw new RangeError(`DDM values must lie in [0, 1], got ${value}`);
  const { options } = state;
  const count = state.count + 1;
  const errorRate = state.errorRate + (value - state.errorRate) / count;
  const sd = Math.sqrt((errorRate * (1 - errorRate)) / count);
  let { minErrorRate, minStandardDeviation } = state;
  if (count >= options.minInstances && sd > 0) {
    if (
      minErrorRate === null ||
      minStandardDeviation === null ||
      errorRate + sd <= minErrorRate + minStandardDeviation
    ) {
      minErrorRate = errorRate;
      minStandardDeviation = sd;
    }
  }
  if (count < options.minInstances || minErrorRate === null || minStandardDeviation === null) {
    return {
      state: { options, count, errorRate, minErrorRate, minStandardDeviation },
      warning: false,
      drift: false,
    };
  }
  const level = errorRate + sd;
  if (level >= minErrorRate + options.driftLevel * minStandardDeviation) {
    return { state: computeInitialDdmState(options), warning: false, drift: true };
  }
  const warning = level >= minErrorRate + options.warningLevel * minStandardDeviation;
  return { state: { options, count, errorRate, minErrorRate, minStandardDeviation }, warning, drift: false };
}
