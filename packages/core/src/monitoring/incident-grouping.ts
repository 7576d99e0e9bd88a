/**
 * Incident grouping decisions: a new violation joins the unresolved incident of the same model and segment
 * whose time frame (earliest to latest violating window, widened by `groupingWindowMs`) holds its window,
 * or opens a new one; a repeat of a recorded
 * (monitor, window) cause is dropped. One incident notifies once when it opens and once more only when it
 * escalates to critical, never while snoozed, and never for the same cause (model, segment, monitor,
 * severity) within `cooldownMs` of that cause's last notification, even across incidents.
 */
import type { ViolationSeverity } from "./alert-state.js";
import type { Incident, IncidentCause, IncidentNotification } from "./incident-lifecycle.js";
import { isIncidentSnoozed } from "./incident-lifecycle.js";
import type { Instant } from "./windows.js";
import { toEpochMs } from "./windows.js";

/** A firing monitor's violation for one window. */
export interface MonitorViolation {
  readonly modelId: string;
  readonly segment: string | null;
  readonly monitorId: string;
  readonly windowStartMs: number;
  readonly severity: ViolationSeverity;
}

/** How violations group and how often one cause may notify. */
export interface IncidentPolicy {
  readonly groupingWindowMs: number;
  readonly cooldownMs: number;
}

/** Why a decision does not notify. */
export type NotificationSuppression = "cooldown" | "snoozed" | "grouped";

/** What to do with one violation. */
export type IncidentDecision =
  | {
      readonly action: "open" | "append";
      readonly incident: Incident;
      readonly notify: boolean;
      readonly suppressedBy: NotificationSuppression | null;
    }
  | { readonly action: "dedup"; readonly incidentId: string };

/** Identity of a cause for cool-down: model, segment, monitor and severity. */
export function computeCauseKey(violation: MonitorViolation): string {
  return JSON.stringify([violation.modelId, violation.segment, violation.monitorId, violation.severity]);
}

/** Deterministic id for an incident opened by `violation` at `atMs` (storage may map it to its own ids). */
export function computeIncidentId(violation: MonitorViolation, atMs: number): string {
  return `incident:${JSON.stringify([violation.modelId, violation.segment, violation.windowStartMs, atMs])}`;
}

function isSameScope(incident: Incident, violation: MonitorViolation): boolean {
  return incident.modelId === violation.modelId && incident.segment === violation.segment;
}

function isRecorded(incident: Incident, violation: MonitorViolation): boolean {
  return incident.causes.some(
    (cause) =>
      cause.monitorId === violation.monitorId &&
      cause.windowStartMs === violation.windowStartMs &&
      (cause.severity === "critical" || violation.severity === "warning"),
  );
}

function isCoolingDown(
  incidents: readonly Incident[],
  causeKey: string,
  atMs: number,
  cooldownMs: number,
): boolean {
  return incidents.some((incident) =>
    incident.notifications.some((sent) => sent.causeKey === causeKey && atMs - sent.atMs < cooldownMs),
  );
}

function selectGroupingIncident(
  incidents: readonly Incident[],
  violation: MonitorViolation,
  groupingWindowMs: number,
): Incident | undefined {
  let chosen: Incident | undefined;
  for (const incident of incidents) {
    if (incident.status === "resolved" || !isSameScope(incident, violation)) continue;
    // The incident's time frame runs from its earliest to its latest violating window; a late window
    // inside it (labels arriving days later) belongs to it, as does one within groupingWindowMs of either end.
    const firstWindowStartMs = Math.min(
      incident.lastWindowStartMs,
      ...incident.causes.map((cause) => cause.windowStartMs),
    );
    if (violation.windowStartMs < firstWindowStartMs - groupingWindowMs) continue;
    if (violation.windowStartMs > incident.lastWindowStartMs + groupingWindowMs) continue;
    if (chosen === undefined || incident.lastWindowStartMs > chosen.lastWindowStartMs) chosen = incident;
  }
  return chosen;
}

function toCause(violation: MonitorViolation, atMs: number): IncidentCause {
  const { monitorId, windowStartMs, severity } = violation;
  return { monitorId, windowStartMs, severity, recordedAtMs: atMs };
}

function toNewIncident(
  violation: MonitorViolation,
  atMs: number,
  notifications: IncidentNotification[],
): Incident {
  return {
    id: computeIncidentId(violation, atMs),
    modelId: violation.modelId,
    segment: violation.segment,
    status: "open",
    severity: violation.severity,
    openedAtMs: atMs,
    acknowledgedAtMs: null,
    resolvedAtMs: null,
    snoozedUntilMs: null,
    lastWindowStartMs: violation.windowStartMs,
    causes: [toCause(violation, atMs)],
    notifications,
  };
}

function assertValidPolicy(policy: IncidentPolicy): void {
  if (!(policy.groupingWindowMs >= 0) || !(policy.cooldownMs >= 0)) {
    throw new RangeError("groupingWindowMs and cooldownMs must be >= 0");
  }
}

/** Decides open / append / dedup for one violation, given the model's open and recently resolved incidents. */
export function decideIncidentAction(input: {
  readonly incidents: readonly Incident[];
  readonly violation: MonitorViolation;
  readonly at: Instant;
  readonly policy: IncidentPolicy;
}): IncidentDecision {
  const { incidents, violation, policy } = input;
  assertValidPolicy(policy);
  const atMs = toEpochMs(input.at);
  const duplicate = incidents.find(
    (incident) => isSameScope(incident, violation) && isRecorded(incident, violation),
  );
  if (duplicate !== undefined) return { action: "dedup", incidentId: duplicate.id };

  const causeKey = computeCauseKey(violation);
  const coolingDown = isCoolingDown(incidents, causeKey, atMs, policy.cooldownMs);
  const target = selectGroupingIncident(incidents, violation, policy.groupingWindowMs);
  if (target === undefined) {
    const incident = toNewIncident(violation, atMs, coolingDown ? [] : [{ causeKey, atMs }]);
    return { action: "open", incident, notify: !coolingDown, suppressedBy: coolingDown ? "cooldown" : null };
  }
  const escalates = violation.severity === "critical" && target.severity === "warning";
  let suppressedBy: NotificationSuppression | null = null;
  if (!escalates) suppressedBy = "grouped";
  else if (isIncidentSnoozed(target, atMs)) suppressedBy = "snoozed";
  else if (coolingDown) suppressedBy = "cooldown";
  const notify = suppressedBy === null;
  const incident: Incident = {
    ...target,
    severity: escalates ? "critical" : target.severity,
    lastWindowStartMs: Math.max(target.lastWindowStartMs, violation.windowStartMs),
    causes: [...target.causes, toCause(violation, atMs)],
    notifications: notify ? [...target.notifications, { causeKey, atMs }] : target.notifications,
  };
  return { action: "append", incident, notify, suppressedBy };
}

/** Decides a batch of violations in order, each seeing the incidents the earlier ones opened or changed. */
export function decideIncidentActions(input: {
  readonly incidents: readonly Incident[];
  readonly violations: readonly MonitorViolation[];
  readonly at: Instant;
  readonly policy: IncidentPolicy;
}): { decisions: IncidentDecision[]; incidents: Incident[] } {
  let incidents = [...input.incidents];
  const decisions: IncidentDecision[] = [];
  for (const violation of input.violations) {
    const decision = decideIncidentAction({ incidents, violation, at: input.at, policy: input.policy });
    decisions.push(decision);
    if (decision.action === "open") incidents = [...incidents, decision.incident];
    if (decision.action === "append") {
      const updated = decision.incident;
      incidents = incidents.map((incident) => (incident.id === updated.id ? updated : incident));
    }
  }
  return { decisions, incidents };
}
