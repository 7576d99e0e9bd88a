import type { ColumnSpec } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import { needsRawValues } from "./auto-drift-gather.js";
import { resolveEmbeddingSettings } from "./embedding-gather.js";
import type { MonitorRecord } from "./monitoring-records.js";

const monitor = (metric: string, params: MonitorRecord["params"] = {}) =>
  ({ kind: "dataset_drift", metric, params }) as MonitorRecord;
const column = (type: ColumnSpec["type"]): ColumnSpec => ({
  name: type,
  role: "feature",
  type,
  nullable: true,
  description: "",
});

describe("needsRawValues (binned counts or raw values)", () => {
  it.each([
    { metric: "psi", params: {}, types: ["numeric", "categorical"], raw: false },
    { metric: "drift_share", params: { method: "jensenshannon" }, types: ["numeric"], raw: false },
    { metric: "drift_share", params: {}, types: ["numeric", "categorical"], raw: true },
    { metric: "auto", params: {}, types: ["categorical", "boolean"], raw: false },
    { metric: "psi", params: {}, types: ["text"], raw: true },
    { metric: "auto", params: {}, types: ["text", "categorical"], raw: true },
  ] as const)("$metric $params on $types → raw $raw", ({ metric, params, types, raw }) => {
    expect(needsRawValues(monitor(metric, { ...params }), types.map(column))).toBe(raw);
  });
});

describe("resolveEmbeddingSettings", () => {
  it("defaults to mmd with STATISTICS.md's caps and takes overrides from params", () => {
    expect(resolveEmbeddingSettings(monitor("auto"))).toMatchObject({
      method: "mmd",
      maxRowsPerSide: 1000,
      options: { permutationCount: 100 },
    });
    expect(
      resolveEmbeddingSettings(
        monitor("centroid_distance", { centroidMetric: "cosine", maxRowsPerSide: 50, seed: 3 }),
      ),
    ).toMatchObject({
      method: "centroid_distance",
      maxRowsPerSide: 50,
      seed: 3,
      options: { centroidMetric: "cosine" },
    });
    expect(() => resolveEmbeddingSettings(monitor("mmd", { maxRowsPerSide: 1 }))).toThrow(/maxRowsPerSide/);
    expect(() => resolveEmbeddingSettings(monitor("mmd", { centroidMetric: "manhattan" }))).toThrow(
      /centroidMetric/,
    );
  });
});
