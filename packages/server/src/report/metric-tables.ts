/**
 * Flattening core metric results into the report's metric tables (snake_case keys, null where a metric
 * is unavailable), and the dummy baselines "better than dummy" tests compare against.
 */
import type {
  BinaryClassificationMetrics,
  MetricValue,
  MulticlassClassificationMetrics,
  RegressionMetrics,
} from "@sextant/core";
import type { MetricTable } from "./report-model.js";

function valueOf(metric: MetricValue): number | null {
  return metric.status === "ok" && Number.isFinite(metric.value) ? metric.value : null;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Binary metrics as a table; `ece` comes from the calibration curve when available. */
export function toBinaryMetricTable(m: BinaryClassificationMetrics, ece: number | null): MetricTable {
  return {
    rows: m.count,
    accuracy: finite(m.accuracy),
    balanced_accuracy: finite(m.balancedAccuracy),
    precision: finite(m.precision),
    recall: finite(m.recall),
    f1: finite(m.f1),
    roc_auc: valueOf(m.rocAuc),
    pr_auc: valueOf(m.averagePrecision),
    log_loss: valueOf(m.logLoss),
    brier: valueOf(m.brier),
    mcc: finite(m.mcc),
    cohen_kappa: valueOf(m.cohenKappa),
    ece,
  };
}

/** Multiclass metrics as a table. */
export function toMulticlassMetricTable(m: MulticlassClassificationMetrics): MetricTable {
  return {
    rows: m.count,
    accuracy: finite(m.accuracy),
    precision: finite(m.macro.precision),
    recall: finite(m.macro.recall),
    f1: finite(m.macro.f1),
    f1_micro: finite(m.micro.f1),
    f1_weighted: finite(m.weighted.f1),
    precision_weighted: finite(m.weighted.precision),
    recall_weighted: finite(m.weighted.recall),
    roc_auc: valueOf(m.rocAucOvrMacro),
    roc_auc_weighted: valueOf(m.rocAucOvrWeighted),
    log_loss: finite(m.logLoss),
    [`top_${m.topK}_accuracy`]: finite(m.topKAccuracy),
  };
}

/** Regression metrics as a table. */
export function toRegressionMetricTable(m: RegressionMetrics): MetricTable {
  return {
    rows: m.count,
    mae: finite(m.mae),
    mse: finite(m.mse),
    rmse: finite(m.rmse),
    mape: finite(m.mape),
    r2: valueOf(m.r2),
    median_ae: finite(m.medianAe),
    explained_variance: finite(m.explainedVariance),
    max_error: finite(m.maxError),
    mean_error: finite(m.meanError),
  };
}

/**
 * A dummy binary classifier's metrics at positive rate p: constant majority-class accuracy, and for the
 * positive-class scores the constant "always positive" predictor (the best constant F1) with the prior
 * as its probability (ROC AUC 0.5, log loss = entropy of p, Brier = p(1 - p)).
 */
export function computeBinaryDummyTable(positiveRate: number, rows: number): MetricTable {
  const p = positiveRate;
  const entropy = p <= 0 || p >= 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
  return {
    rows,
    accuracy: Math.max(p, 1 - p),
    balanced_accuracy: 0.5,
    precision: p,
    recall: p > 0 ? 1 : 0,
    f1: p > 0 ? (2 * p) / (1 + p) : 0,
    roc_auc: 0.5,
    pr_auc: p,
    log_loss: entropy,
    brier: p * (1 - p),
    mcc: 0,
    cohen_kappa: 0,
  };
}
