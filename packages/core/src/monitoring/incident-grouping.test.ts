import { describe, expect, it } from "vitest";
import type { IncidentPolicy, MonitorViolation } from "./incident-grouping.js";
import { computeCauseKey, decideIncidentAction, decideIncidentActions } from "./incident-grouping.js";
import type { Incident } from "./incident-lifecycle.js";

const HOUR = 3_600_000;
const T0 = Date.parse("2024-06-20T00:00:00Z");
const POLICY: IncidentPolicy = { groupingWindowMs: 24 * HOUR, cooldownMs: 6 * HOUR };

function violation(fields: Partial<MonitorViolation> = {}): MonitorViolation {
  return {
    modelId: "churn",
    segment: null,
    monitorId: "drift-age",
    windowStartMs: T0,
    severity: "warning",
    ...fields,
  };
}

function incident(fields: Partial<Incident> = {}): Incident {
  const base = violation();
  return {
    id: "inc-1",
    modelId: "churn",
    segment: null,
    status: "open",
    severity: "warning",
    openedAtMs: T0,
    acknowledgedAtMs: null,
    resolvedAtMs: null,
    snoozedUntilMs: null,
    lastWindowStartMs: T0,
    causes: [{ monitorId: "drift-age", windowStartMs: T0, severity: "warning", recordedAtMs: T0 }],
    notifications: [{ causeKey: computeCauseKey(base), atMs: T0 }],
    ...fields,
  };
}

type Row = [
  string,
  Incident[],
  MonitorViolation,
  number,
  "open" | "append" | "dedup",
  boolean,
  string | null,
];
const at = T0 + HOUR;
const table: Row[] = [
  ["no incident: opens and notifies", [], violation(), at, "open", true, null],
  ["same cause, same window: dedup", [incident()], violation(), at, "dedup", false, null],
  [
    "same window, escalated severity: append and notify",
    [incident()],
    violation({ severity: "critical" }),
    at,
    "append",
    true,
    null,
  ],
  [
    "other monitor same model: grouped, no notification",
    [incident()],
    violation({ monitorId: "drift-income" }),
    at,
    "append",
    false,
    "grouped",
  ],
  [
    "next window same monitor: grouped",
    [incident()],
    violation({ windowStartMs: T0 + HOUR }),
    at,
    "append",
    false,
    "grouped",
  ],
  [
    "late window inside the incident's frame (labels days later): grouped",
    [incident({ lastWindowStartMs: T0 + 72 * HOUR })],
    violation({ monitorId: "realised-f1", windowStartMs: T0 + 24 * HOUR }),
    T0 + 96 * HOUR,
    "append",
    false,
    "grouped",
  ],
  [
    "window long before the incident's frame: new incident",
    [incident({ lastWindowStartMs: T0 + 72 * HOUR })],
    violation({ monitorId: "realised-f1", windowStartMs: T0 - 25 * HOUR }),
    T0 + 96 * HOUR,
    "open",
    true,
    null,
  ],
  ["other segment: opens its own", [incident()], violation({ segment: "EU" }), at, "open", true, null],
  ["other model: opens its own", [incident()], violation({ modelId: "fraud" }), at, "open", true, null],
  [
    "beyond the grouping window: new incident",
    [incident()],
    violation({ windowStartMs: T0 + 25 * HOUR }),
    T0 + 25 * HOUR,
    "open",
    true,
    null,
  ],
  [
    "same cause re-fires within cool-down after resolve: silent open",
    [incident({ status: "resolved", resolvedAtMs: T0 + 1 })],
    violation({ windowStartMs: T0 + 2 * HOUR }),
    T0 + 2 * HOUR,
    "open",
    false,
    "cooldown",
  ],
  [
    "same cause after cool-down: notifies",
    [incident({ status: "resolved", resolvedAtMs: T0 + 1 })],
    violation({ windowStartMs: T0 + 7 * HOUR }),
    T0 + 7 * HOUR,
    "open",
    true,
    null,
  ],
  [
    "escalation while snoozed: silent",
    [incident({ snoozedUntilMs: T0 + 2 * HOUR })],
    violation({ monitorId: "perf", severity: "critical" }),
    at,
    "append",
    false,
    "snoozed",
  ],
  [
    "escalation after snooze ended: notifies",
    [incident({ snoozedUntilMs: T0 + HOUR })],
    violation({ monitorId: "perf", severity: "critical" }),
    at,
    "append",
    true,
    null,
  ],
  [
    "escalation within the cause's cool-down: silent",
    [
      incident({
        notifications: [{ causeKey: computeCauseKey(violation({ severity: "critical" })), atMs: T0 }],
      }),
    ],
    violation({ severity: "critical", windowStartMs: T0 + HOUR }),
    at,
    "append",
    false,
    "cooldown",
  ],
  [
    "acknowledged incident still groups",
    [incident({ status: "acknowledged" })],
    violation({ monitorId: "x" }),
    at,
    "append",
    false,
    "grouped",
  ],
  [
    "late data for an old window of a resolved incident: dedup",
    [incident({ status: "resolved" })],
    violation(),
    T0 + 30 * HOUR,
    "dedup",
    false,
    null,
  ],
];

describe("decideIncidentAction decision table", () => {
  it.each(table)("%s", (_name, incidents, observed, atMs, action, notify, suppressedBy) => {
    const decision = decideIncidentAction({ incidents, violation: observed, at: atMs, policy: POLICY });
    expect(decision.action).toBe(action);
    if (decision.action === "dedup") return;
    expect(decision.notify).toBe(notify);
    expect(decision.suppressedBy).toBe(suppressedBy);
    const sent = decision.incident.notifications.filter((n) => n.atMs === atMs);
    expect(sent).toHaveLength(notify ? 1 : 0);
    expect(decision.incident.causes.at(-1)?.monitorId).toBe(observed.monitorId);
    if (action === "open") expect(decision.incident.status).toBe("open");
  });

  it("appends raise severity and move the latest window forward only", () => {
    const late = decideIncidentAction({
      incidents: [incident({ lastWindowStartMs: T0 + 5 * HOUR })],
      violation: violation({ windowStartMs: T0 + 2 * HOUR, severity: "critical", monitorId: "m2" }),
      at,
      policy: POLICY,
    });
    if (late.action !== "append") throw new Error("expected append");
    expect(late.incident.lastWindowStartMs).toBe(T0 + 5 * HOUR);
    expect(late.incident.severity).toBe("critical");
  });

  it("rejects a negative policy", () => {
    expect(() =>
      decideIncidentAction({
        incidents: [],
        violation: violation(),
        at,
        policy: { groupingWindowMs: -1, cooldownMs: 0 },
      }),
    ).toThrow(RangeError);
  });
});

describe("decideIncidentActions", () => {
  it("twenty drifted features open one incident and send one notification", () => {
    const violations = Array.from({ length: 20 }, (_, i) => violation({ monitorId: `drift-f${i}` }));
    const { decisions, incidents } = decideIncidentActions({ incidents: [], violations, at, policy: POLICY });
    expect(incidents).toHaveLength(1);
    expect(decisions.filter((d) => d.action === "open")).toHaveLength(1);
    expect(decisions.filter((d) => d.action !== "dedup" && d.notify)).toHaveLength(1);
    expect(incidents[0]?.causes).toHaveLength(20);
    const again = decideIncidentActions({ incidents, violations, at: at + HOUR, policy: POLICY });
    expect(again.decisions.every((d) => d.action === "dedup")).toBe(true);
  });
});
