import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  AlertNotification,
  AlertObservation,
  AlertRule,
  AlertState,
  AlertStatus,
} from "./alert-state.js";
import { computeInitialAlertState, computeNextAlertState } from "./alert-state.js";

const RULE: AlertRule = { forWindows: 3, minSampleSize: 100 };
const T0 = Date.parse("2024-06-01T00:00:00Z");
const AT = T0 + 3_600_000;

function state(fields: Partial<AlertState> & Pick<AlertState, "status">): AlertState {
  return { ...computeInitialAlertState(T0), ...fields };
}

const previousStates: Record<string, AlertState> = {
  ok: state({ status: "ok" }),
  "pending 1/3": state({ status: "pending", consecutiveViolations: 1, severity: "warning" }),
  "pending 2/3": state({ status: "pending", consecutiveViolations: 2, severity: "warning" }),
  firing: state({
    status: "firing",
    consecutiveViolations: 3,
    severity: "warning",
    isAlertOpen: true,
    firedAtMs: T0,
  }),
  resolved: state({ status: "resolved" }),
  no_data: state({ status: "no_data", detail: "no rows" }),
  "no_data (alert open)": state({ status: "no_data", severity: "warning", isAlertOpen: true, firedAtMs: T0 }),
  "error (mid pending run)": state({
    status: "error",
    consecutiveViolations: 1,
    severity: "warning",
    detail: "x",
  }),
  "error (alert open)": state({
    status: "error",
    consecutiveViolations: 4,
    severity: "warning",
    isAlertOpen: true,
    firedAtMs: T0,
  }),
};

const observations: Record<string, AlertObservation> = {
  warning: { kind: "value", severity: "warning", sampleSize: 500 },
  critical: { kind: "value", severity: "critical", sampleSize: 500 },
  normal: { kind: "value", severity: "none", sampleSize: 500 },
  "small sample": { kind: "value", severity: "critical", sampleSize: 50 },
  insufficient: { kind: "insufficient_data", reason: "one class only" },
  error: { kind: "error", message: "store unreachable" },
};

// previous, observation, next status, notify, consecutive violations, alert open, severity
type Row = [string, string, AlertStatus, AlertNotification, number, boolean, "warning" | "critical" | null];
const table: Row[] = [
  ["ok", "warning", "pending", null, 1, false, "warning"],
  ["ok", "critical", "pending", null, 1, false, "critical"],
  ["ok", "normal", "ok", null, 0, false, null],
  ["ok", "small sample", "no_data", null, 0, false, null],
  ["ok", "insufficient", "no_data", null, 0, false, null],
  ["ok", "error", "error", null, 0, false, null],
  ["pending 1/3", "warning", "pending", null, 2, false, "warning"],
  ["pending 1/3", "critical", "pending", null, 2, false, "critical"],
  ["pending 1/3", "normal", "ok", null, 0, false, null],
  ["pending 1/3", "small sample", "no_data", null, 0, false, null],
  ["pending 1/3", "insufficient", "no_data", null, 0, false, null],
  ["pending 1/3", "error", "error", null, 1, false, "warning"],
  ["pending 2/3", "warning", "firing", "fire", 3, true, "warning"],
  ["pending 2/3", "critical", "firing", "fire", 3, true, "critical"],
  ["pending 2/3", "normal", "ok", null, 0, false, null],
  ["pending 2/3", "small sample", "no_data", null, 0, false, null],
  ["pending 2/3", "insufficient", "no_data", null, 0, false, null],
  ["pending 2/3", "error", "error", null, 2, false, "warning"],
  ["firing", "warning", "firing", null, 4, true, "warning"],
  ["firing", "critical", "firing", "escalate", 4, true, "critical"],
  ["firing", "normal", "resolved", "resolve", 0, false, null],
  ["firing", "small sample", "no_data", null, 0, true, "warning"],
  ["firing", "insufficient", "no_data", null, 0, true, "warning"],
  ["firing", "error", "error", null, 3, true, "warning"],
  ["resolved", "warning", "pending", null, 1, false, "warning"],
  ["resolved", "critical", "pending", null, 1, false, "critical"],
  ["resolved", "normal", "ok", null, 0, false, null],
  ["resolved", "small sample", "no_data", null, 0, false, null],
  ["resolved", "insufficient", "no_data", null, 0, false, null],
  ["resolved", "error", "error", null, 0, false, null],
  ["no_data", "warning", "pending", null, 1, false, "warning"],
  ["no_data", "critical", "pending", null, 1, false, "critical"],
  ["no_data", "normal", "ok", null, 0, false, null],
  ["no_data", "small sample", "no_data", null, 0, false, null],
  ["no_data", "insufficient", "no_data", null, 0, false, null],
  ["no_data", "error", "error", null, 0, false, null],
  ["no_data (alert open)", "warning", "firing", null, 1, true, "warning"],
  ["no_data (alert open)", "critical", "firing", "escalate", 1, true, "critical"],
  ["no_data (alert open)", "normal", "resolved", "resolve", 0, false, null],
  ["no_data (alert open)", "small sample", "no_data", null, 0, true, "warning"],
  ["no_data (alert open)", "insufficient", "no_data", null, 0, true, "warning"],
  ["no_data (alert open)", "error", "error", null, 0, true, "warning"],
  ["error (mid pending run)", "warning", "pending", null, 2, false, "warning"],
  ["error (mid pending run)", "critical", "pending", null, 2, false, "critical"],
  ["error (mid pending run)", "normal", "ok", null, 0, false, null],
  ["error (mid pending run)", "small sample", "no_data", null, 0, false, null],
  ["error (mid pending run)", "insufficient", "no_data", null, 0, false, null],
  ["error (mid pending run)", "error", "error", null, 1, false, "warning"],
  ["error (alert open)", "warning", "firing", null, 5, true, "warning"],
  ["error (alert open)", "critical", "firing", "escalate", 5, true, "critical"],
  ["error (alert open)", "normal", "resolved", "resolve", 0, false, null],
  ["error (alert open)", "small sample", "no_data", null, 0, true, "warning"],
  ["error (alert open)", "insufficient", "no_data", null, 0, true, "warning"],
  ["error (alert open)", "error", "error", null, 4, true, "warning"],
];

describe("computeNextAlertState transition table (forWindows 3, minSampleSize 100)", () => {
  it("covers every previous state × observation kind", () => {
    expect(table).toHaveLength(Object.keys(previousStates).length * Object.keys(observations).length);
  });

  it.each(table)("%s + %s → %s (notify %s)", (from, observed, status, notify, count, open, severity) => {
    const previous = previousStates[from]!;
    const {
      state: next,
      notify: sent,
      statusChanged,
    } = computeNextAlertState({
      previous,
      observation: observations[observed]!,
      rule: RULE,
      at: AT,
    });
    expect(next.status).toBe(status);
    expect(sent).toBe(notify);
    expect(next.consecutiveViolations).toBe(count);
    expect(next.isAlertOpen).toBe(open);
    expect(next.severity).toBe(severity);
    expect(statusChanged).toBe(status !== previous.status);
    expect(next.sinceMs).toBe(statusChanged ? AT : previous.sinceMs);
    expect(next.evaluatedAtMs).toBe(AT);
    if (notify === "fire") expect(next.firedAtMs).toBe(AT);
    if (open && notify !== "fire") expect(next.firedAtMs).toBe(T0);
    if (status === "no_data" || status === "error") expect(next.detail).not.toBeNull();
    else expect(next.detail).toBeNull();
  });
});

describe("computeNextAlertState", () => {
  it("fires on the first violation when forWindows is 1, and starts from ok when never evaluated", () => {
    const first = computeNextAlertState({
      previous: null,
      observation: observations.critical!,
      rule: { forWindows: 1, minSampleSize: 0 },
      at: new Date(AT),
    });
    expect(first.state.status).toBe("firing");
    expect(first.notify).toBe("fire");
  });

  it("rejects invalid rules", () => {
    const run = (rule: AlertRule) => () =>
      computeNextAlertState({ previous: null, observation: observations.normal!, rule, at: AT });
    expect(run({ forWindows: 0, minSampleSize: 0 })).toThrow(RangeError);
    expect(run({ forWindows: 1.5, minSampleSize: 0 })).toThrow(RangeError);
    expect(run({ forWindows: 1, minSampleSize: -1 })).toThrow(RangeError);
  });

  it("replays a fixture series like a rule tester: one fire, one resolve", () => {
    const series: AlertObservation[] = [
      observations.normal!,
      observations.warning!,
      observations.error!,
      observations.warning!,
      observations.warning!,
      observations.insufficient!,
      observations.warning!,
      observations.normal!,
      observations.normal!,
    ];
    let current: AlertState | null = null;
    const log: string[] = [];
    series.forEach((observation, index) => {
      const transition = computeNextAlertState({
        previous: current,
        observation,
        rule: RULE,
        at: T0 + index,
      });
      current = transition.state;
      log.push(transition.notify === null ? current.status : `${current.status}!${transition.notify}`);
    });
    expect(log).toEqual([
      "ok",
      "pending",
      "error",
      "pending",
      "firing!fire",
      "no_data",
      "firing",
      "resolved!resolve",
      "ok",
    ]);
  });

  it("notifications alternate fire → (escalate) → resolve on any observation sequence", () => {
    const kinds = Object.values(observations);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...kinds), { maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        (sequence, forWindows) => {
          let current: AlertState | null = null;
          let open = false;
          let escalated = false;
          sequence.forEach((observation, index) => {
            const next = computeNextAlertState({
              previous: current,
              observation,
              rule: { forWindows, minSampleSize: 100 },
              at: T0 + index,
            });
            if (next.notify === "fire") {
              expect(open).toBe(false);
              open = true;
              escalated = next.state.severity === "critical";
            } else if (next.notify === "escalate") {
              expect(open && !escalated).toBe(true);
              escalated = true;
            } else if (next.notify === "resolve") {
              expect(open).toBe(true);
              open = false;
            }
            expect(next.state.isAlertOpen).toBe(open);
            expect(next.state.status === "firing").toBe(open && next.state.status === "firing");
            current = next.state;
          });
        },
      ),
    );
  });
});
