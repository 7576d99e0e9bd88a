/**
 * Test presets, expanded against the report they run on: `drift` (dataset drift and each column),
 * `quality` (missing values, new categories, out-of-range values, type errors, duplicates per column),
 * `classification` and `regression` (not worse than the reference by 10%, better than a dummy model).
 */
import type { ReportDocument } from "@sextant/server/report";
import type { TestSpec } from "./check-tests.js";
import { parseFailIf } from "./fail-if.js";

/** Names of the presets. */
export const presetNames = ["drift", "quality", "classification", "regression"] as const;

/** A preset name. */
export type PresetName = (typeof presetNames)[number];

/** True when `name` is a preset. */
export function isPresetName(name: string): name is PresetName {
  return (presetNames as readonly string[]).includes(name);
}

const failIf = (text: string, name: string): TestSpec => ({
  kind: "fail_if",
  expression: parseFailIf(text),
  name,
});

function driftPreset(report: ReportDocument): TestSpec[] {
  return [
    failIf(
      `dataset_drifted == 1`,
      `dataset drift (share ${report.dataset.drift_share_threshold} of columns)`,
    ),
    ...report.columns.map((c) => failIf(`drifted(${c.name}) == 1`, `no drift in ${c.name} (${c.method})`)),
  ];
}

function qualityPreset(report: ReportDocument): TestSpec[] {
  const tests: TestSpec[] = [failIf("duplicate_share > 0.05", "duplicate rows at most 5%")];
  for (const c of report.quality.columns) {
    // Allow what the reference already had: at most max(5%, twice the reference's missing share).
    const allowed = Math.max(0.05, 2 * c.missing_share.reference);
    tests.push(
      failIf(
        `missing_share(${c.name}) > ${allowed}`,
        `${c.name}: missing share at most ${(allowed * 100).toFixed(1)}%`,
      ),
    );
    tests.push(failIf(`type_errors(${c.name}) > 0`, `${c.name}: no type errors`));
    if (c.out_of_range_share !== undefined)
      tests.push(
        failIf(`out_of_range_share(${c.name}) > 0.05`, `${c.name}: at most 5% outside the reference range`),
      );
    if (c.new_category_share !== undefined)
      tests.push(failIf(`new_category_share(${c.name}) > 0.05`, `${c.name}: at most 5% new categories`));
  }
  return tests;
}

function modelPreset(metrics: readonly string[], dummy: readonly string[]): TestSpec[] {
  return [
    ...metrics.map((name): TestSpec => ({
      kind: "relative",
      metric: { name },
      tolerance: 0.1,
      oneSided: true,
    })),
    ...dummy.map((name): TestSpec => ({ kind: "dummy", metric: { name } })),
  ];
}

/** Expands a preset into tests for this report. */
export function expandPreset(name: PresetName, report: ReportDocument): TestSpec[] {
  switch (name) {
    case "drift":
      return driftPreset(report);
    case "quality":
      return qualityPreset(report);
    case "classification":
      return modelPreset(["accuracy", "f1", "roc_auc"], ["accuracy", "f1", "roc_auc"]);
    case "regression":
      return modelPreset(["mae", "rmse"], ["mae", "rmse"]);
  }
}
