/**
 * Looks up the numbers check tests compare: dataset metrics (`drift_share`), column functions
 * (`missing_share(income)`), performance metrics (`f1`, `rmse`) and fairness metrics of a protected column
 * (`demographic_parity_difference(sex)`), each on the current side, the reference side or the dummy model.
 */
import type { ReportDocument } from "@sextant/server/report";
import { UsageError } from "../exit-codes.js";
import type { MetricRef } from "./fail-if.js";

/** Which value of a metric to read. */
export type MetricSide = "current" | "reference" | "dummy";

/** A looked-up value or why there is none. */
export type MetricLookup = { readonly value: number } | { readonly error: string };

const datasetMetrics = [
  "drift_share",
  "drifted_columns",
  "dataset_drifted",
  "duplicate_rows",
  "duplicate_share",
  "rows",
  "quality_issues",
  "columns_only_in_reference",
  "columns_only_in_current",
];
const columnMetrics = [
  "drift_score",
  "drifted",
  "missing_share",
  "missing_count",
  "out_of_range_share",
  "new_category_share",
  "new_category_count",
  "type_errors",
  "constant",
];
const performanceMetrics = [
  "rows",
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "roc_auc",
  "pr_auc",
  "log_loss",
  "brier",
  "mcc",
  "cohen_kappa",
  "ece",
  "f1_micro",
  "f1_weighted",
  "precision_weighted",
  "recall_weighted",
  "roc_auc_weighted",
  "top_2_accuracy",
  "mae",
  "mse",
  "rmse",
  "mape",
  "r2",
  "median_ae",
  "explained_variance",
  "max_error",
  "mean_error",
];
const fairnessMetrics = [
  "demographic_parity_difference",
  "demographic_parity_ratio",
  "equal_opportunity_difference",
  "equalized_odds_difference",
  "equalized_odds_ratio",
  "disparate_impact",
];

/** Metrics where smaller is better (for better-than-dummy and not-worse-than-reference tests). */
export const lowerIsBetter = new Set([
  "log_loss",
  "brier",
  "ece",
  "mae",
  "mse",
  "rmse",
  "mape",
  "median_ae",
  "max_error",
]);

/** Checks a metric name at parse time, so typos are usage errors (exit 2). */
export function assertKnownMetric(ref: MetricRef, source: string): void {
  const known =
    ref.column === undefined
      ? datasetMetrics.includes(ref.name) || performanceMetrics.includes(ref.name)
      : columnMetrics.includes(ref.name) || fairnessMetrics.includes(ref.name);
  if (!known) {
    const hint =
      ref.column === undefined
        ? `dataset: ${datasetMetrics.join(", ")}; performance: ${performanceMetrics.join(", ")}`
        : `per column: ${columnMetrics.join(", ")}; per protected column: ${fairnessMetrics.join(", ")}`;
    throw new UsageError(
      `${source}: unknown metric "${ref.name}${ref.column === undefined ? "" : `(${ref.column})`}" (known ${hint})`,
    );
  }
}

const ok = (value: number | null | undefined, what: string): MetricLookup =>
  value === null || value === undefined || !Number.isFinite(value)
    ? { error: `${what} is not available in this report` }
    : { value };

function lookupDataset(report: ReportDocument, name: string, side: MetricSide): MetricLookup {
  const reference = side === "reference";
  const rows = reference ? report.summary.rows.reference : report.summary.rows.current;
  const duplicates = reference
    ? report.quality.duplicate_rows.reference
    : report.quality.duplicate_rows.current;
  switch (name) {
    case "rows":
      return { value: rows };
    case "duplicate_rows":
      return { value: duplicates };
    case "duplicate_share":
      return { value: rows === 0 ? 0 : duplicates / rows };
  }
  if (reference) return { error: `${name} has no reference value` };
  switch (name) {
    case "drift_share":
      return { value: report.dataset.drift_share };
    case "drifted_columns":
      return { value: report.dataset.drifted_count };
    case "dataset_drifted":
      return { value: report.dataset.drifted ? 1 : 0 };
    case "quality_issues":
      return { value: report.summary.quality_issues };
    case "columns_only_in_reference":
      return { value: report.quality.columns_only_in_reference.length };
    default:
      return { value: report.quality.columns_only_in_current.length };
  }
}

function lookupColumn(report: ReportDocument, name: string, column: string, side: MetricSide): MetricLookup {
  const s = side === "reference" ? "reference" : "current";
  if (name === "drift_score" || name === "drifted") {
    const entry = [
      ...report.columns,
      ...(report.target_drift === null ? [] : [report.target_drift]),
      ...report.prediction_drift,
    ].find((c) => c.name === column);
    if (entry === undefined) return { error: `no drift result for column ${column}` };
    if (side === "reference") return { error: `${name} has no reference value` };
    return name === "drifted"
      ? { value: entry.drifted ? 1 : 0 }
      : ok(entry.score, `drift score of ${column}`);
  }
  const q = report.quality.columns.find((c) => c.name === column);
  if (q === undefined) return { error: `no quality result for column ${column}` };
  switch (name) {
    case "missing_share":
      return { value: q.missing_share[s] };
    case "missing_count":
      return { value: q.missing_count[s] };
    case "type_errors":
      return { value: q.type_errors[s] };
    case "constant":
      return { value: q.constant[s] ? 1 : 0 };
    case "out_of_range_share":
      return side === "reference"
        ? { value: 0 }
        : ok(q.out_of_range_share, `out-of-range share of ${column}`);
    case "new_category_share":
      return side === "reference"
        ? { value: 0 }
        : ok(q.new_category_share, `new-category share of ${column}`);
    default:
      return side === "reference"
        ? { value: 0 }
        : ok(q.new_category_count, `new-category count of ${column}`);
  }
}

/** Looks up one metric on one side. */
export function lookupMetric(report: ReportDocument, ref: MetricRef, side: MetricSide): MetricLookup {
  if (ref.column !== undefined) {
    if (fairnessMetrics.includes(ref.name)) {
      const f = report.fairness.find((e) => e.column === ref.column);
      if (f === undefined)
        return {
          error: `no fairness result for ${ref.column} (pass --protected ${ref.column} and a binary target and prediction)`,
        };
      if (side === "dummy") return { error: "fairness metrics have no dummy value" };
      return ok(f.metrics[side]?.[ref.name], `${ref.name}(${ref.column})`);
    }
    if (side === "dummy") return { error: `${ref.name} has no dummy value` };
    return lookupColumn(report, ref.name, ref.column, side);
  }
  if (datasetMetrics.includes(ref.name) && !(ref.name === "rows" && side === "dummy")) {
    if (side === "dummy") return { error: `${ref.name} has no dummy value` };
    return lookupDataset(report, ref.name, side);
  }
  const p = report.performance;
  if (p === null)
    return { error: `${ref.name} needs a model: pass --target and --prediction (or --prediction-proba)` };
  const table = side === "dummy" ? p.dummy_metrics?.current : p.metrics[side];
  return ok(table?.[ref.name], side === "dummy" ? `dummy ${ref.name}` : `${side} ${ref.name}`);
}
