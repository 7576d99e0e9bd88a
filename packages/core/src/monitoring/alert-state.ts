/**
 * The monitor alert state machine (after Prometheus' inactive → pending → firing): from the previous state,
 * one window's observation, the rule and `at`, decide the next state and whether to notify. An alert is
 * "open" from its fire notification to its resolve notification, so each episode notifies exactly once each
 * way however many no_data or error windows interrupt it; escalation (warning → critical) notifies once.
 */
import type { Severity } from "./threshold-condition.js";
import type { Instant } from "./windows.js";
import { toEpochMs } from "./windows.js";

/** The states a monitor can be in after an evaluation. */
export type AlertStatus = "ok" | "pending" | "firing" | "resolved" | "no_data" | "error";

/** A violation's severity. */
export type ViolationSeverity = Exclude<Severity, "none">;

/** What an evaluation tells the state machine about one window. */
export type AlertObservation =
  /** The metric was computed over `sampleSize` rows and earned `severity` from its condition. */
  | { readonly kind: "value"; readonly severity: Severity; readonly sampleSize: number }
  /** The metric is undefined for this window (no rows, one class, zero denominator). */
  | { readonly kind: "insufficient_data"; readonly reason: string }
  /** The evaluation itself failed (store unreachable, bad configuration). */
  | { readonly kind: "error"; readonly message: string };

/** When a monitor fires: after `forWindows` consecutive violating windows; smaller samples count as no_data. */
export interface AlertRule {
  readonly forWindows: number;
  readonly minSampleSize: number;
}

/** A monitor's persisted alert state (JSON-serialisable). */
export interface AlertState {
  readonly status: AlertStatus;
  /** Violating windows in the current run; reset by a normal or no_data window, kept through an error. */
  readonly consecutiveViolations: number;
  /** Worst severity of the current pending run or open alert; null when neither. */
  readonly severity: ViolationSeverity | null;
  /** A fire notification went out and no resolve notification yet. */
  readonly isAlertOpen: boolean;
  readonly sinceMs: number;
  readonly evaluatedAtMs: number;
  readonly firedAtMs: number | null;
  /** Why the last window was no_data or error; null otherwise. */
  readonly detail: string | null;
}

/** The notification an evaluation asks for, if any. */
export type AlertNotification = "fire" | "escalate" | "resolve" | null;

/** The next state, the notification to send, and whether the status changed. */
export interface AlertTransition {
  readonly state: AlertState;
  readonly notify: AlertNotification;
  readonly statusChanged: boolean;
}

/** The state of a monitor that has never been evaluated. */
export function computeInitialAlertState(at: Instant): AlertState {
  const atMs = toEpochMs(at);
  return {
    status: "ok",
    consecutiveViolations: 0,
    severity: null,
    isAlertOpen: false,
    sinceMs: atMs,
    evaluatedAtMs: atMs,
    firedAtMs: null,
    detail: null,
  };
}

function assertValidRule(rule: AlertRule): void {
  if (!Number.isInteger(rule.forWindows) || rule.forWindows < 1)
    throw new RangeError("forWindows must be >= 1");
  if (!(rule.minSampleSize >= 0)) throw new RangeError("minSampleSize must be >= 0");
}

function selectWorse(a: ViolationSeverity | null, b: ViolationSeverity): ViolationSeverity {
  return a === "critical" || b === "critical" ? "critical" : "warning";
}

type NextFields = Omit<AlertState, "sinceMs" | "evaluatedAtMs">;

function decideOnViolation(previous: AlertState, severity: ViolationSeverity, rule: AlertRule, atMs: number) {
  const consecutiveViolations = previous.consecutiveViolations + 1;
  const worst = selectWorse(previous.severity, severity);
  const base = { consecutiveViolations, severity: worst, detail: null };
  if (previous.isAlertOpen) {
    const notify: AlertNotification = worst !== previous.severity ? "escalate" : null;
    const fields: NextFields = {
      ...base,
      status: "firing",
      isAlertOpen: true,
      firedAtMs: previous.firedAtMs,
    };
    return { fields, notify };
  }
  if (consecutiveViolations >= rule.forWindows) {
    const fields: NextFields = { ...base, status: "firing", isAlertOpen: true, firedAtMs: atMs };
    return { fields, notify: "fire" as const };
  }
  const fields: NextFields = { ...base, status: "pending", isAlertOpen: false, firedAtMs: null };
  return { fields, notify: null };
}

function decideFields(
  previous: AlertState,
  observation: AlertObservation,
  rule: AlertRule,
  atMs: number,
): { fields: NextFields; notify: AlertNotification } {
  const open = previous.isAlertOpen;
  if (observation.kind === "error") {
    // An evaluation failure says nothing about the model, so the run and any open alert carry on.
    return { fields: { ...previous, status: "error", detail: observation.message }, notify: null };
  }
  const isSmallSample = observation.kind === "value" && observation.sampleSize < rule.minSampleSize;
  if (observation.kind === "insufficient_data" || isSmallSample) {
    const detail =
      observation.kind === "insufficient_data"
        ? observation.reason
        : `sample size ${observation.sampleSize} below minimum ${rule.minSampleSize}`;
    // A window without enough data breaks "N consecutive windows"; an open alert stays open.
    const severity = open ? previous.severity : null;
    const fields: NextFields = { ...previous, status: "no_data", consecutiveViolations: 0, severity, detail };
    return { fields, notify: null };
  }
  if (observation.severity === "none") {
    const fields: NextFields = {
      status: open ? "resolved" : "ok",
      consecutiveViolations: 0,
      severity: null,
      isAlertOpen: false,
      firedAtMs: null,
      detail: null,
    };
    return { fields, notify: open ? "resolve" : null };
  }
  return decideOnViolation(previous, observation.severity, rule, atMs);
}

/** Decides a monitor's next alert state from the previous one (null when never evaluated) and one observation. */
export function computeNextAlertState(input: {
  readonly previous: AlertState | null;
  readonly observation: AlertObservation;
  readonly rule: AlertRule;
  readonly at: Instant;
}): AlertTransition {
  assertValidRule(input.rule);
  const atMs = toEpochMs(input.at);
  const previous = input.previous ?? computeInitialAlertState(atMs);
  const { fields, notify } = decideFields(previous, input.observation, input.rule, atMs);
  const statusChanged = fields.status !== previous.status;
  return {
    state: { ...fields, sinceMs: statusChanged ? atMs : previous.sinceMs, evaluatedAtMs: atMs },
    notify,
    statusChanged,
  };
}
