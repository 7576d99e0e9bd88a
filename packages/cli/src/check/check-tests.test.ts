import type { ReportDocument } from "@sextant/server/report";
import { describe, expect, it } from "vitest";
import { UsageError } from "../exit-codes.js";
import { evaluateTest, parseMetricRef, toFailIfSpec, type TestSpec } from "./check-tests.js";
import { renderCheckMarkdown, renderJunitXml } from "./check-output.js";
import { expandPreset } from "./presets.js";
import { parseTestFile } from "./test-file.js";

// A hand-made report holding only what the tests read.
const report = {
  summary: {
    rows: { reference: 100, current: 200 },
    quality_issues: 2,
    drifted_columns: ["a"],
    dataset_drifted: false,
    drift_share: 0.5,
    columns_analysed: 2,
  },
  dataset: {
    drift_share: 0.5,
    drifted: true,
    drifted_count: 1,
    column_count: 2,
    drift_share_threshold: 0.5,
    correction: "none",
  },
  columns: [
    { name: "a", method: "ks", score: 0.001, drifted: true },
    { name: "b", method: "ks", score: 0.4, drifted: false },
  ],
  target_drift: null,
  prediction_drift: [],
  quality: {
    duplicate_rows: { reference: 0, current: 4 },
    duplicate_ids: null,
    columns_only_in_reference: [],
    columns_only_in_current: [],
    columns: [
      {
        name: "a",
        kind: "numeric",
        missing_share: { reference: 0.01, current: 0.1 },
        missing_count: { reference: 1, current: 20 },
        constant: { reference: false, current: false },
        type_errors: { reference: 0, current: 0 },
        out_of_range_share: 0.02,
        out_of_range_count: 4,
      },
    ],
  },
  performance: {
    task: "binary",
    metrics: {
      reference: { f1: 0.8, log_loss: 0.5, roc_auc: 0.9 },
      current: { f1: 0.7, log_loss: 0.6, roc_auc: null },
    },
    dummy_metrics: { reference: null, current: { f1: 0.6, log_loss: 0.69 } },
  },
  fairness: [],
} as unknown as ReportDocument;

const run = (spec: TestSpec) => evaluateTest(report, spec, "g");

describe("evaluateTest", () => {
  it("fails a fail_if test when its expression holds", () => {
    expect(run(toFailIfSpec("drift_share>=0.5")).status).toBe("failed");
    expect(run(toFailIfSpec("drift_share>0.5")).status).toBe("passed");
    expect(run(toFailIfSpec("missing_share(a) > 0.05")).status).toBe("failed");
    expect(run(toFailIfSpec("duplicate_rows > 3")).status).toBe("failed");
  });

  it("compares with the reference and the dummy", () => {
    expect(run(toFailIfSpec("f1 < reference-5%")).status).toBe("failed"); // 0.7 < 0.76
    expect(run(toFailIfSpec("f1 < reference-20%")).status).toBe("passed"); // 0.7 >= 0.64
    expect(run(toFailIfSpec("f1 <= dummy")).status).toBe("passed");
  });

  it("honours metric direction in relative and dummy tests", () => {
    expect(
      run({ kind: "relative", metric: { name: "log_loss" }, tolerance: 0.1, oneSided: true }).status,
    ).toBe("failed");
    expect(
      run({ kind: "relative", metric: { name: "log_loss" }, tolerance: 0.25, oneSided: true }).status,
    ).toBe("passed");
    expect(run({ kind: "relative", metric: { name: "f1" }, tolerance: 0.1, oneSided: false }).status).toBe(
      "failed",
    );
    expect(run({ kind: "dummy", metric: { name: "log_loss" } }).status).toBe("passed");
    expect(run({ kind: "dummy", metric: { name: "f1" } }).status).toBe("passed");
  });

  it("turns unavailable metrics into errors, not passes", () => {
    expect(run(toFailIfSpec("roc_auc < 0.5")).status).toBe("error");
    expect(run(toFailIfSpec("missing_share(zzz) > 0")).status).toBe("error");
    expect(run(toFailIfSpec("demographic_parity_difference(sex) > 0.1")).status).toBe("error");
  });

  it("rejects unknown metric names at parse time", () => {
    expect(() => toFailIfSpec("f2 < 0.5")).toThrow(UsageError);
    expect(() => parseMetricRef("missing_shares(a)", "x")).toThrow(UsageError);
  });
});

describe("test files and presets", () => {
  it("parses every test form and reports the bad entry", () => {
    const file = parseTestFile(
      {
        presets: ["drift"],
        tests: [
          { fail_if: "f1 < 0.5" },
          { metric: "f1", min: 0.6, max: 1 },
          { metric: "roc_auc", relative_to_reference: "10%" },
          { metric: "f1", not_worse_than_reference: 0.05 },
          { metric: "f1", better_than_dummy: true, name: "beats dummy" },
        ],
      },
      "t.yaml",
    );
    expect(file.presets).toEqual(["drift"]);
    expect(file.tests.map((t) => t.kind)).toEqual(["fail_if", "bounds", "relative", "relative", "dummy"]);
    expect(() => parseTestFile({ tests: [{ metric: "f1" }] }, "t.yaml")).toThrow(/tests\[0\] needs one of/);
    expect(() => parseTestFile({ presets: ["speed"] }, "t.yaml")).toThrow(UsageError);
  });

  it("expands the drift preset to one test per column plus the dataset", () => {
    const results = expandPreset("drift", report).map((t) => evaluateTest(report, t, "drift"));
    expect(results.map((r) => r.status)).toEqual(["failed", "failed", "passed"]);
  });

  it("writes JUnit XML and Markdown with failures first", () => {
    const results = [
      run(toFailIfSpec("drift_share>0.9")),
      run(toFailIfSpec("drift_share>=0.5")),
      run(toFailIfSpec("roc_auc<1")),
    ];
    const xml = renderJunitXml(results, 1234);
    expect(xml).toContain('tests="3" failures="1" errors="1"');
    expect(xml).toContain("<failure message=");
    expect(xml).toContain("<error message=");
    const md = renderCheckMarkdown(results);
    expect(md).toContain("Sextant check: failed");
    expect(md.indexOf("❌")).toBeLessThan(md.indexOf("✅"));
  });
});
