/**
 * Monitor conditions: the bounds a metric must stay within (fixed, relative to a baseline, learned from
 * baseline-chunk variability as mean ± k·σ with the sample σ (n − 1), or strictly better than a dummy
 * model) and the severity a value earns by crossing them. Direction decides which side is a violation.
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";

/** Which way a metric gets worse: a drop, a rise, or any departure (two_sided). */
export type MetricDirection = "higher_is_better" | "lower_is_better" | "two_sided";

/** Outcome of a condition, ordered none < warning < critical. */
export type Severity = "none" | "warning" | "critical";

/** Warning and critical levels; at least one is given. */
export interface SeverityLevels {
  readonly warning?: number;
  readonly critical?: number;
}

/** A monitor's threshold; see the module header for each kind. */
export type ThresholdCondition =
  /** Absolute bounds; two_sided takes explicit lower and upper levels. */
  | {
      readonly kind: "fixed";
      readonly direction: Exclude<MetricDirection, "two_sided">;
      readonly levels: SeverityLevels;
    }
  | {
      readonly kind: "fixed";
      readonly direction: "two_sided";
      readonly lower: SeverityLevels;
      readonly upper: SeverityLevels;
    }
  /** Bounds at baseline ∓ percent/100·|baseline|, e.g. warning 10 and critical 20 (percent). */
  | {
      readonly kind: "relative";
      readonly direction: MetricDirection;
      readonly baseline: number;
      readonly percent: SeverityLevels;
    }
  /** Bounds at mean ∓ k·σ of the metric over baseline chunks; defaults k = 2 (warning) and 3 (critical). */
  | {
      readonly kind: "learned";
      readonly direction: MetricDirection;
      readonly baselineValues: readonly number[];
      readonly sigmaMultipliers?: SeverityLevels;
    }
  /** Critical when not strictly better than the dummy's value; warning within `warningMargin` of it. */
  | {
      readonly kind: "better_than_dummy";
      readonly direction: Exclude<MetricDirection, "two_sided">;
      readonly dummyValue: number;
      readonly warningMargin?: number;
    };

/** Resolved limits: a value below a lower or above an upper level violates it. */
export interface ThresholdBounds {
  readonly lower: SeverityLevels;
  readonly upper: SeverityLevels;
  /** True when reaching a bound exactly already violates it (better-than-dummy needs strictly better). */
  readonly inclusive: boolean;
}

/** The severity a value earns and, when not none, the bound it crossed. */
export interface ConditionVerdict {
  readonly severity: Severity;
  readonly crossedBound: number | null;
  readonly side: "lower" | "upper" | null;
  readonly bounds: ThresholdBounds;
}

const DEFAULT_SIGMA_MULTIPLIERS: SeverityLevels = { warning: 2, critical: 3 };

function assertLevels(levels: SeverityLevels, what: string): void {
  if (levels.warning === undefined && levels.critical === undefined) {
    throw new RangeError(`${what} needs a warning or a critical level`);
  }
  for (const level of [levels.warning, levels.critical]) {
    if (level !== undefined && !Number.isFinite(level)) throw new RangeError(`${what} levels must be finite`);
  }
}

function mapLevels(levels: SeverityLevels, map: (level: number) => number): SeverityLevels {
  return {
    ...(levels.warning === undefined ? {} : { warning: map(levels.warning) }),
    ...(levels.critical === undefined ? {} : { critical: map(levels.critical) }),
  };
}

/** Bounds on the worsening side(s) of `centre` at distance `spreads`. */
function spreadAround(centre: number, spreads: SeverityLevels, direction: MetricDirection): ThresholdBounds {
  for (const spread of [spreads.warning, spreads.critical]) {
    if (spread !== undefined && spread < 0) throw new RangeError("spreads and percentages must be >= 0");
  }
  const lower = direction === "lower_is_better" ? {} : mapLevels(spreads, (spread) => centre - spread);
  const upper = direction === "higher_is_better" ? {} : mapLevels(spreads, (spread) => centre + spread);
  return { lower, upper, inclusive: false };
}

function assertOrdered(bounds: ThresholdBounds): void {
  const { lower, upper } = bounds;
  if (lower.warning !== undefined && lower.critical !== undefined && lower.critical > lower.warning) {
    throw new RangeError("lower critical level must not exceed the lower warning level");
  }
  if (upper.warning !== undefined && upper.critical !== undefined && upper.critical < upper.warning) {
    throw new RangeError("upper critical level must not be below the upper warning level");
  }
}

function computeSampleMeanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(squares / (values.length - 1)) };
}

function deriveFixedBounds(condition: Extract<ThresholdCondition, { kind: "fixed" }>): ThresholdBounds {
  if (condition.direction === "two_sided") {
    assertLevels(condition.lower, "lower");
    assertLevels(condition.upper, "upper");
    return { lower: condition.lower, upper: condition.upper, inclusive: false };
  }
  assertLevels(condition.levels, "fixed threshold");
  const dropIsWorse = condition.direction === "higher_is_better";
  return {
    lower: dropIsWorse ? condition.levels : {},
    upper: dropIsWorse ? {} : condition.levels,
    inclusive: false,
  };
}

function deriveLearnedBounds(
  condition: Extract<ThresholdCondition, { kind: "learned" }>,
): StatResult<{ bounds: ThresholdBounds }> {
  const multipliers = condition.sigmaMultipliers ?? DEFAULT_SIGMA_MULTIPLIERS;
  assertLevels(multipliers, "learned threshold");
  if (condition.baselineValues.length < 2) return toInsufficientData("need at least two baseline chunks");
  if (!condition.baselineValues.every(Number.isFinite))
    return toInsufficientData("baseline chunk value not finite");
  const { mean, sd } = computeSampleMeanAndSd(condition.baselineValues);
  return toOk({
    bounds: spreadAround(
      mean,
      mapLevels(multipliers, (k) => k * sd),
      condition.direction,
    ),
  });
}

function deriveDummyBounds(
  condition: Extract<ThresholdCondition, { kind: "better_than_dummy" }>,
): StatResult<{ bounds: ThresholdBounds }> {
  if (!Number.isFinite(condition.dummyValue)) return toInsufficientData("dummy metric is not finite");
  const margin = condition.warningMargin;
  if (margin !== undefined && !(margin >= 0)) throw new RangeError("warningMargin must be >= 0");
  const sign = condition.direction === "higher_is_better" ? 1 : -1;
  const levels: SeverityLevels = {
    critical: condition.dummyValue,
    ...(margin === undefined ? {} : { warning: condition.dummyValue + sign * margin }),
  };
  return toOk({ bounds: { lower: sign > 0 ? levels : {}, upper: sign > 0 ? {} : levels, inclusive: true } });
}

function deriveUncheckedBounds(condition: ThresholdCondition): StatResult<{ bounds: ThresholdBounds }> {
  switch (condition.kind) {
    case "fixed":
      return toOk({ bounds: deriveFixedBounds(condition) });
    case "relative": {
      assertLevels(condition.percent, "relative threshold");
      if (!Number.isFinite(condition.baseline)) return toInsufficientData("baseline value is not finite");
      const scale = Math.abs(condition.baseline) / 100;
      const spreads = mapLevels(condition.percent, (percent) => percent * scale);
      return toOk({ bounds: spreadAround(condition.baseline, spreads, condition.direction) });
    }
    case "learned":
      return deriveLearnedBounds(condition);
    case "better_than_dummy":
      return deriveDummyBounds(condition);
  }
}

/** Resolves a condition into numeric bounds; fewer than two baseline chunks → insufficient_data. */
export function deriveThresholdBounds(
  condition: ThresholdCondition,
): StatResult<{ bounds: ThresholdBounds }> {
  const resolved = deriveUncheckedBounds(condition);
  if (resolved.status === "ok") assertOrdered(resolved.bounds);
  return resolved;
}

function isBeyond(
  value: number,
  bound: number | undefined,
  side: "lower" | "upper",
  inclusive: boolean,
): boolean {
  if (bound === undefined) return false;
  if (side === "lower") return inclusive ? value <= bound : value < bound;
  return inclusive ? value >= bound : value > bound;
}

/** Severity of `value` under bounds already resolved, with the bound crossed. */
export function computeSeverity(value: number, bounds: ThresholdBounds): ConditionVerdict {
  if (!Number.isFinite(value)) throw new RangeError(`metric value must be finite, got ${value}`);
  for (const severity of ["critical", "warning"] as const) {
    for (const side of ["lower", "upper"] as const) {
      const bound = bounds[side][severity];
      if (isBeyond(value, bound, side, bounds.inclusive)) {
        return { severity, crossedBound: bound as number, side, bounds };
      }
    }
  }
  return { severity: "none", crossedBound: null, side: null, bounds };
}

/** Evaluates a metric value against a condition: severity none | warning | critical and the bound crossed. */
export function evaluateCondition(input: {
  readonly value: number;
  readonly condition: ThresholdCondition;
}): StatResult<ConditionVerdict> {
  const resolved = deriveThresholdBounds(input.condition);
  if (resolved.status !== "ok") return resolved;
  return toOk(computeSeverity(input.value, resolved.bounds));
}
