/**
 * One monitor window's decision: a condition spec (as users write it) is resolved against the baseline
 * facts into a threshold condition, the window's metric value earns a severity, and the alert state machine
 * moves on. The runner and the offline rule tester (`sextant monitors test`) both call this, so a replayed
 * fixture series decides exactly as the scheduler does. No clock: `at` is always passed in.
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import type { AlertObservation, AlertRule, AlertState, AlertTransition } from "./alert-state.js";
import { computeNextAlertState } from "./alert-state.js";
import type {
  ConditionVerdict,
  MetricDirection,
  Severity,
  ThresholdCondition,
} from "./threshold-condition.js";
import { evaluateCondition } from "./threshold-condition.js";
import type { Instant } from "./windows.js";

/** A condition as a monitor definition states it; baseline-derived numbers are filled in at evaluation. */
export type MonitorConditionSpec =
  | {
      readonly kind: "fixed";
      readonly direction: Exclude<MetricDirection, "two_sided">;
      readonly warning?: number;
      readonly critical?: number;
    }
  | {
      readonly kind: "fixed_range";
      readonly lowerWarning?: number;
      readonly lowerCritical?: number;
      readonly upperWarning?: number;
      readonly upperCritical?: number;
    }
  | {
      readonly kind: "relative";
      readonly direction: MetricDirection;
      readonly warningPercent?: number;
      readonly criticalPercent?: number;
    }
  | {
      readonly kind: "learned";
      readonly direction: MetricDirection;
      readonly warningSigmas?: number;
      readonly criticalSigmas?: number;
    }
  | {
      readonly kind: "better_than_dummy";
      readonly direction: Exclude<MetricDirection, "two_sided">;
      readonly warningMargin?: number;
    };

/** What the baseline says about the metric: its value, its per-chunk values, and a dummy model's value. */
export interface MonitorBaselineFacts {
  readonly value: number | null;
  readonly chunkValues: readonly number[];
  readonly dummyValue: number | null;
}

/** A window's measurement: a value over `sampleSize` rows, no value (with why), or a failed evaluation. */
export type MonitorObservation =
  | { readonly kind: "value"; readonly value: number; readonly sampleSize: number }
  | { readonly kind: "insufficient_data"; readonly reason: string }
  | { readonly kind: "error"; readonly message: string };

/** The decision of one window. */
export interface MonitorWindowDecision {
  readonly severity: Severity;
  readonly verdict: ConditionVerdict | null;
  /** Why no severity could be given (condition unresolvable, no value); null when a verdict exists. */
  readonly reason: string | null;
  readonly transition: AlertTransition;
}

function levels(warning: number | undefined, critical: number | undefined) {
  return {
    ...(warning === undefined ? {} : { warning }),
    ...(critical === undefined ? {} : { critical }),
  };
}

/** Resolves a condition spec against baseline facts; a missing baseline number → insufficient_data. */
export function deriveConditionFromSpec(
  spec: MonitorConditionSpec,
  baseline: MonitorBaselineFacts,
): StatResult<{ condition: ThresholdCondition }> {
  switch (spec.kind) {
    case "fixed":
      return toOk({
        condition: { kind: "fixed", direction: spec.direction, levels: levels(spec.warning, spec.critical) },
      });
    case "fixed_range":
      return toOk({
        condition: {
          kind: "fixed",
          direction: "two_sided",
          lower: levels(spec.lowerWarning, spec.lowerCritical),
          upper: levels(spec.upperWarning, spec.upperCritical),
        },
      });
    case "relative":
      if (baseline.value === null) return toInsufficientData("the baseline has no value for this metric");
      return toOk({
        condition: {
          kind: "relative",
          direction: spec.direction,
          baseline: baseline.value,
          percent: levels(spec.warningPercent, spec.criticalPercent),
        },
      });
    case "learned":
      return toOk({
        condition: {
          kind: "learned",
          direction: spec.direction,
          baselineValues: baseline.chunkValues,
          sigmaMultipliers: levels(spec.warningSigmas ?? 2, spec.criticalSigmas ?? 3),
        },
      });
    case "better_than_dummy":
      if (baseline.dummyValue === null) return toInsufficientData("no dummy-model value for this metric");
      return toOk({
        condition: {
          kind: "better_than_dummy",
          direction: spec.direction,
          dummyValue: baseline.dummyValue,
          ...(spec.warningMargin === undefined ? {} : { warningMargin: spec.warningMargin }),
        },
      });
  }
}

function toAlertObservation(
  observation: MonitorObservation,
  spec: MonitorConditionSpec,
  baseline: MonitorBaselineFacts,
): { alert: AlertObservation; verdict: ConditionVerdict | null; reason: string | null } {
  if (observation.kind === "error") {
    return { alert: observation, verdict: null, reason: observation.message };
  }
  if (observation.kind === "insufficient_data") {
    return { alert: observation, verdict: null, reason: observation.reason };
  }
  const resolved = deriveConditionFromSpec(spec, baseline);
  if (resolved.status !== "ok") {
    return {
      alert: { kind: "insufficient_data", reason: resolved.reason },
      verdict: null,
      reason: resolved.reason,
    };
  }
  const verdict = evaluateCondition({ value: observation.value, condition: resolved.condition });
  if (verdict.status !== "ok") {
    return {
      alert: { kind: "insufficient_data", reason: verdict.reason },
      verdict: null,
      reason: verdict.reason,
    };
  }
  const alert: AlertObservation = {
    kind: "value",
    severity: verdict.severity,
    sampleSize: observation.sampleSize,
  };
  return { alert, verdict, reason: null };
}

/** Decides one window: severity of the observation under the resolved condition, then the next alert state. */
export function decideMonitorWindow(input: {
  readonly spec: MonitorConditionSpec;
  readonly baseline: MonitorBaselineFacts;
  readonly observation: MonitorObservation;
  readonly rule: AlertRule;
  readonly previous: AlertState | null;
  readonly at: Instant;
}): MonitorWindowDecision {
  const { alert, verdict, reason } = toAlertObservation(input.observation, input.spec, input.baseline);
  const transition = computeNextAlertState({
    previous: input.previous,
    observation: alert,
    rule: input.rule,
    at: input.at,
  });
  const small = alert.kind === "value" && alert.sampleSize < input.rule.minSampleSize;
  return {
    severity: verdict === null || small ? "none" : verdict.severity,
    verdict: small ? null : verdict,
    reason: small ? `sample size below minimum ${input.rule.minSampleSize}` : reason,
    transition,
  };
}

/** One step of a replayed series: its instant and observation. */
export interface MonitorReplayStep {
  readonly at: Instant;
  readonly observation: MonitorObservation;
}

/** Replays a series of windows through `decideMonitorWindow` from a fresh state (offline rule tests). */
export function computeMonitorReplay(input: {
  readonly spec: MonitorConditionSpec;
  readonly baseline: MonitorBaselineFacts;
  readonly rule: AlertRule;
  readonly steps: readonly MonitorReplayStep[];
}): MonitorWindowDecision[] {
  const decisions: MonitorWindowDecision[] = [];
  let previous: AlertState | null = null;
  for (const step of input.steps) {
    const decision = decideMonitorWindow({ ...input, observation: step.observation, previous, at: step.at });
    decisions.push(decision);
    previous = decision.transition.state;
  }
  return decisions;
}
