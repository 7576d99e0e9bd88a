/**
 * The incident record and its lifecycle: open → acknowledged → resolved, reopen from resolved, and snooze
 * (no notifications until a time). A user action the current state does not allow is a value
 * (`rejected`, surfaced as a conflict), never a throw, because it comes from data, not code.
 */
import type { ViolationSeverity } from "./alert-state.js";
import type { Instant } from "./windows.js";
import { toEpochMs } from "./windows.js";

/** Where an incident is in its lifecycle. */
export type IncidentStatus = "open" | "acknowledged" | "resolved";

/** One violation recorded on an incident's timeline. */
export interface IncidentCause {
  readonly monitorId: string;
  readonly windowStartMs: number;
  readonly severity: ViolationSeverity;
  readonly recordedAtMs: number;
}

/** A notification the incident sent, keyed by cause for cool-down. */
export interface IncidentNotification {
  readonly causeKey: string;
  readonly atMs: number;
}

/** A group of violations for one model and segment over a time frame (JSON-serialisable). */
export interface Incident {
  readonly id: string;
  readonly modelId: string;
  /** Segment name, or null for all traffic. */
  readonly segment: string | null;
  readonly status: IncidentStatus;
  readonly severity: ViolationSeverity;
  readonly openedAtMs: number;
  readonly acknowledgedAtMs: number | null;
  readonly resolvedAtMs: number | null;
  readonly snoozedUntilMs: number | null;
  /** Latest violating window start, which decides whether a new violation still belongs here. */
  readonly lastWindowStartMs: number;
  readonly causes: readonly IncidentCause[];
  readonly notifications: readonly IncidentNotification[];
}

/** A user or system action on an incident. */
export type IncidentAction =
  | { readonly kind: "acknowledge" }
  | { readonly kind: "resolve" }
  | { readonly kind: "reopen" }
  | { readonly kind: "snooze"; readonly until: Instant }
  | { readonly kind: "unsnooze" };

/** The updated incident, or why the action is not allowed now. */
export type IncidentActionResult =
  | { readonly status: "applied"; readonly incident: Incident }
  | { readonly status: "rejected"; readonly reason: string };

const ALLOWED_FROM: Record<IncidentAction["kind"], readonly IncidentStatus[]> = {
  acknowledge: ["open"],
  resolve: ["open", "acknowledged"],
  reopen: ["resolved"],
  snooze: ["open", "acknowledged"],
  unsnooze: ["open", "acknowledged"],
};

/** True when `action` may be applied to an incident in `status`. */
export function isIncidentActionAllowed(status: IncidentStatus, action: IncidentAction["kind"]): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** True while the incident is snoozed at `atMs`. */
export function isIncidentSnoozed(incident: Incident, atMs: number): boolean {
  return incident.snoozedUntilMs !== null && atMs < incident.snoozedUntilMs;
}

/** Applies a lifecycle action at `at`; disallowed transitions come back as `rejected`. */
export function computeIncidentAfterAction(input: {
  readonly incident: Incident;
  readonly action: IncidentAction;
  readonly at: Instant;
}): IncidentActionResult {
  const { incident, action } = input;
  const atMs = toEpochMs(input.at);
  if (!isIncidentActionAllowed(incident.status, action.kind)) {
    return { status: "rejected", reason: `cannot ${action.kind} an incident that is ${incident.status}` };
  }
  switch (action.kind) {
    case "acknowledge":
      return { status: "applied", incident: { ...incident, status: "acknowledged", acknowledgedAtMs: atMs } };
    case "resolve":
      return {
        status: "applied",
        incident: { ...incident, status: "resolved", resolvedAtMs: atMs, snoozedUntilMs: null },
      };
    case "reopen":
      return {
        status: "applied",
        incident: { ...incident, status: "open", resolvedAtMs: null, acknowledgedAtMs: null },
      };
    case "snooze": {
      const untilMs = toEpochMs(action.until);
      if (untilMs <= atMs) return { status: "rejected", reason: "snooze must end in the future" };
      return { status: "applied", incident: { ...incident, snoozedUntilMs: untilMs } };
    }
    case "unsnooze":
      return { status: "applied", incident: { ...incident, snoozedUntilMs: null } };
  }
}
