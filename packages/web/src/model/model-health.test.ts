import { describe, expect, it } from "vitest";
import { deriveAreaHealth, deriveMonitorStatus, isUnhealthy } from "./model-health.js";
import { deriveDriftMatrix } from "./drift-matrix.js";
import { computeOverlayHistogram } from "./histogram-overlay.js";
import { deriveFixedSeverity } from "./monitor-thresholds.js";

const state = (
  status: "ok" | "firing" | "pending" | "no_data" | "error",
  severity: "warning" | "critical" | null = null,
) => ({
  segment: null,
  status,
  severity,
  since: "2026-11-01T00:00:00.000Z",
  detail: null,
});

describe("model health", () => {
  it.each([
    [[state("ok")], "healthy"],
    [[state("firing", "critical")], "critical"],
    [[state("firing", "warning"), state("ok")], "warning"],
    [[state("pending")], "warning"],
    [[state("no_data")], "no_data"],
    [[], "no_data"],
  ] as const)("a monitor with states %j is %s", (states, expected) => {
    expect(deriveMonitorStatus({ health: "healthy", states: [...states] })).toBe(expected);
  });

  it("takes the worst monitor per area and ignores disabled ones", () => {
    const health = deriveAreaHealth([
      { kind: "data_drift", enabled: true, health: "healthy", states: [state("ok")] },
      { kind: "dataset_drift", enabled: true, health: "healthy", states: [state("firing", "critical")] },
      { kind: "fairness", enabled: false, health: "healthy", states: [state("firing", "critical")] },
    ]);
    expect(health).toEqual({
      drift: "critical",
      quality: "unmonitored",
      performance: "unmonitored",
      fairness: "unmonitored",
      kpi: "unmonitored",
    });
    expect(isUnhealthy(health, 0)).toBe(true);
    expect(isUnhealthy({ ...health, drift: "healthy" }, 0)).toBe(false);
    expect(isUnhealthy({ ...health, drift: "healthy" }, 1)).toBe(true);
  });

  it("shows an area healthy when one monitor has data and another waits for late labels", () => {
    const health = deriveAreaHealth([
      { kind: "performance", enabled: true, health: "healthy", states: [state("no_data")] },
      { kind: "estimated_performance", enabled: true, health: "healthy", states: [state("ok")] },
      { kind: "fairness", enabled: true, health: "healthy", states: [state("no_data")] },
      { kind: "business_kpi", enabled: true, health: "failing", states: [state("no_data")] },
    ]);
    expect(health).toMatchObject({ performance: "healthy", fairness: "no_data", kpi: "error" });
  });
});

describe("drift matrix", () => {
  const result = (windowStart: string, columns: { column: string; score: number; drifted: boolean }[]) => ({
    monitorId: "mon_00000000",
    segment: null,
    windowStart,
    windowEnd: windowStart,
    value: 0,
    sampleSize: 10,
    severity: "none" as const,
    status: "ok" as const,
    detail: null,
    evidence: { columns },
    evaluatedAt: windowStart,
  });
  it("ranks the feature drifted in most windows first", () => {
    const matrix = deriveDriftMatrix([
      result("2026-11-02T00:00:00Z", [
        { column: "a", score: 0.1, drifted: false },
        { column: "b", score: 0.9, drifted: true },
      ]),
      result("2026-11-01T00:00:00Z", [
        { column: "a", score: 0.1, drifted: true },
        { column: "b", score: 0.9, drifted: true },
      ]),
    ]);
    expect(matrix.windows).toEqual(["2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"]);
    expect(matrix.features.map((f) => [f.name, f.driftedWindows])).toEqual([
      ["b", 2],
      ["a", 1],
    ]);
  });
});

describe("overlay histogram", () => {
  it("bins numbers over shared edges into shares", () => {
    const h = computeOverlayHistogram([0, 1, 2, 3], [3, 3, 3, null], 2);
    expect(h.kind).toBe("numeric");
    expect(h.reference).toEqual([0.5, 0.5]);
    expect(h.current).toEqual([0, 1]);
    expect(h.currentSize).toBe(3);
  });
  it("counts categories over their union", () => {
    const h = computeOverlayHistogram(["x", "y"], ["y", "z", "z", "z"]);
    expect(h.labels).toEqual(["x", "y", "z"]);
    expect(h.current).toEqual([0, 0.25, 0.75]);
  });
});

describe("fixed severity", () => {
  it.each([
    [0.05, "none"],
    [0.2, "warning"],
    [0.3, "critical"],
  ] as const)("%f is %s when lower is better", (value, expected) => {
    expect(
      deriveFixedSeverity(
        { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.25 },
        value,
      ),
    ).toBe(expected);
  });
});
