import { describe, expect, it } from "vitest";
import type { AlertStatus } from "./alert-state.js";
import {
  computeMonitorReplay,
  decideMonitorWindow,
  deriveConditionFromSpec,
  type MonitorBaselineFacts,
  type MonitorConditionSpec,
  type MonitorObservation,
} from "./monitor-decision.js";

const noBaseline: MonitorBaselineFacts = { value: null, chunkValues: [], dummyValue: null };
const value = (v: number, sampleSize = 100): MonitorObservation => ({ kind: "value", value: v, sampleSize });

describe("decideMonitorWindow (one row per case)", () => {
  const rule = { forWindows: 1, minSampleSize: 50 };
  const cases: {
    name: string;
    spec: MonitorConditionSpec;
    baseline?: MonitorBaselineFacts;
    observation: MonitorObservation;
    severity: string;
    status: AlertStatus;
  }[] = [
    {
      name: "fixed upper below warning",
      spec: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.2 },
      observation: value(0.05),
      severity: "none",
      status: "ok",
    },
    {
      name: "fixed upper warning",
      spec: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.2 },
      observation: value(0.15),
      severity: "warning",
      status: "firing",
    },
    {
      name: "fixed upper critical",
      spec: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.2 },
      observation: value(0.25),
      severity: "critical",
      status: "firing",
    },
    {
      name: "fixed lower (F1 drop)",
      spec: { kind: "fixed", direction: "higher_is_better", warning: 0.6 },
      observation: value(0.5),
      severity: "warning",
      status: "firing",
    },
    {
      name: "range above upper",
      spec: { kind: "fixed_range", lowerWarning: 10, upperWarning: 20 },
      observation: value(21),
      severity: "warning",
      status: "firing",
    },
    {
      name: "range inside",
      spec: { kind: "fixed_range", lowerWarning: 10, upperWarning: 20 },
      observation: value(15),
      severity: "none",
      status: "ok",
    },
    {
      name: "relative drop 30% of 0.8",
      spec: { kind: "relative", direction: "higher_is_better", warningPercent: 10, criticalPercent: 25 },
      baseline: { value: 0.8, chunkValues: [], dummyValue: null },
      observation: value(0.56),
      severity: "critical",
      status: "firing",
    },
    {
      name: "relative without baseline value",
      spec: { kind: "relative", direction: "higher_is_better", warningPercent: 10 },
      observation: value(0.1),
      severity: "none",
      status: "no_data",
    },
    {
      name: "learned 2 sigma",
      spec: { kind: "learned", direction: "two_sided" },
      baseline: { value: null, chunkValues: [1, 2, 3], dummyValue: null },
      observation: value(4.5),
      severity: "warning",
      status: "firing",
    },
    {
      name: "learned too few chunks",
      spec: { kind: "learned", direction: "two_sided" },
      baseline: { value: null, chunkValues: [1], dummyValue: null },
      observation: value(4.5),
      severity: "none",
      status: "no_data",
    },
    {
      name: "not better than dummy",
      spec: { kind: "better_than_dummy", direction: "higher_is_better" },
      baseline: { value: null, chunkValues: [], dummyValue: 0.5 },
      observation: value(0.5),
      severity: "critical",
      status: "firing",
    },
    {
      name: "better than dummy",
      spec: { kind: "better_than_dummy", direction: "higher_is_better" },
      baseline: { value: null, chunkValues: [], dummyValue: 0.5 },
      observation: value(0.51),
      severity: "none",
      status: "ok",
    },
    {
      name: "small sample is no_data",
      spec: { kind: "fixed", direction: "lower_is_better", warning: 0.1 },
      observation: value(0.9, 10),
      severity: "none",
      status: "no_data",
    },
    {
      name: "insufficient data",
      spec: { kind: "fixed", direction: "lower_is_better", warning: 0.1 },
      observation: { kind: "insufficient_data", reason: "no rows" },
      severity: "none",
      status: "no_data",
    },
    {
      name: "error",
      spec: { kind: "fixed", direction: "lower_is_better", warning: 0.1 },
      observation: { kind: "error", message: "boom" },
      severity: "none",
      status: "error",
    },
  ];
  it.each(cases)("$name", ({ spec, baseline, observation, severity, status }) => {
    const decision = decideMonitorWindow({
      spec,
      baseline: baseline ?? noBaseline,
      observation,
      rule,
      previous: null,
      at: 1000,
    });
    expect(decision.severity).toBe(severity);
    expect(decision.transition.state.status).toBe(status);
  });
});

describe("deriveConditionFromSpec", () => {
  it("needs a dummy value for better_than_dummy", () => {
    expect(
      deriveConditionFromSpec({ kind: "better_than_dummy", direction: "higher_is_better" }, noBaseline)
        .status,
    ).toBe("insufficient_data");
  });
});

describe("computeMonitorReplay", () => {
  it("fires after forWindows violations and resolves once", () => {
    const decisions = computeMonitorReplay({
      spec: { kind: "fixed", direction: "lower_is_better", warning: 0.1 },
      baseline: noBaseline,
      rule: { forWindows: 2, minSampleSize: 0 },
      steps: [0.05, 0.2, 0.3, 0.4, 0.01].map((v, i) => ({ at: i * 3600_000, observation: value(v) })),
    });
    expect(decisions.map((d) => d.transition.state.status)).toEqual([
      "ok",
      "pending",
      "firing",
      "firing",
      "resolved",
    ]);
    expect(decisions.map((d) => d.transition.notify)).toEqual([null, null, "fire", null, "resolve"]);
  });
});
