import { describe, expect, it } from "vitest";
import type { Incident, IncidentAction, IncidentStatus } from "./incident-lifecycle.js";
import { computeIncidentAfterAction, isIncidentSnoozed } from "./incident-lifecycle.js";

const T0 = Date.parse("2024-06-01T00:00:00Z");
const AT = T0 + 60_000;

function incidentIn(status: IncidentStatus): Incident {
  return {
    id: "inc-1",
    modelId: "churn",
    segment: null,
    status,
    severity: "warning",
    openedAtMs: T0,
    acknowledgedAtMs: status === "acknowledged" ? T0 + 1 : null,
    resolvedAtMs: status === "resolved" ? T0 + 2 : null,
    snoozedUntilMs: null,
    lastWindowStartMs: T0,
    causes: [],
    notifications: [],
  };
}

const actions: Record<string, IncidentAction> = {
  acknowledge: { kind: "acknowledge" },
  resolve: { kind: "resolve" },
  reopen: { kind: "reopen" },
  snooze: { kind: "snooze", until: AT + 3_600_000 },
  unsnooze: { kind: "unsnooze" },
};

// from, action, resulting status (null = rejected)
const table: [IncidentStatus, string, IncidentStatus | null][] = [
  ["open", "acknowledge", "acknowledged"],
  ["open", "resolve", "resolved"],
  ["open", "reopen", null],
  ["open", "snooze", "open"],
  ["open", "unsnooze", "open"],
  ["acknowledged", "acknowledge", null],
  ["acknowledged", "resolve", "resolved"],
  ["acknowledged", "reopen", null],
  ["acknowledged", "snooze", "acknowledged"],
  ["acknowledged", "unsnooze", "acknowledged"],
  ["resolved", "acknowledge", null],
  ["resolved", "resolve", null],
  ["resolved", "reopen", "open"],
  ["resolved", "snooze", null],
  ["resolved", "unsnooze", null],
];

describe("computeIncidentAfterAction transition table", () => {
  it.each(table)("%s + %s → %s", (from, actionName, expected) => {
    const result = computeIncidentAfterAction({
      incident: incidentIn(from),
      action: actions[actionName]!,
      at: AT,
    });
    if (expected === null) {
      expect(result.status).toBe("rejected");
      return;
    }
    if (result.status !== "applied") throw new Error(result.reason);
    expect(result.incident.status).toBe(expected);
    if (actionName === "acknowledge") expect(result.incident.acknowledgedAtMs).toBe(AT);
    if (actionName === "resolve") expect(result.incident.resolvedAtMs).toBe(AT);
    if (actionName === "reopen") expect(result.incident.resolvedAtMs).toBeNull();
    if (actionName === "snooze") expect(result.incident.snoozedUntilMs).toBe(AT + 3_600_000);
    if (actionName === "unsnooze") expect(result.incident.snoozedUntilMs).toBeNull();
  });
});

describe("snooze", () => {
  it("is active until its end and refuses an end in the past", () => {
    const result = computeIncidentAfterAction({
      incident: incidentIn("open"),
      action: actions.snooze!,
      at: AT,
    });
    if (result.status !== "applied") throw new Error("not applied");
    expect(isIncidentSnoozed(result.incident, AT + 3_599_999)).toBe(true);
    expect(isIncidentSnoozed(result.incident, AT + 3_600_000)).toBe(false);
    expect(isIncidentSnoozed(incidentIn("open"), AT)).toBe(false);
    const past = computeIncidentAfterAction({
      incident: incidentIn("open"),
      action: { kind: "snooze", until: new Date(AT) },
      at: AT,
    });
    expect(past.status).toBe("rejected");
  });

  it("resolving clears the snooze", () => {
    const snoozed = { ...incidentIn("open"), snoozedUntilMs: AT + 1000 };
    const result = computeIncidentAfterAction({ incident: snoozed, action: actions.resolve!, at: AT });
    expect(result.status === "applied" && result.incident.snoozedUntilMs).toBeNull();
  });
});
