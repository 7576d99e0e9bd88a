/** Adapters for the performance, fairness and descriptive vector files. */
import { computeMoments } from "../../src/descriptive/moments.js";
import { computeEqualWidthHistogram } from "../../src/descriptive/histogram.js";
import { computeQuantiles } from "../../src/descriptive/quantiles.js";
import { computeGroupFairness } from "../../src/fairness/group-fairness.js";
import { computeBinaryClassificationMetrics } from "../../src/metrics/binary-classification.js";
import { computeCalibrationCurve } from "../../src/metrics/calibration.js";
import type { MetricValue } from "../../src/metrics/metric-value.js";
import { computeMulticlassClassificationMetrics } from "../../src/metrics/multiclass-classification.js";
import { computeNdcgAtK } from "../../src/metrics/ranking.js";
import { computeRegressionMetrics } from "../../src/metrics/regression.js";
import { inputNumber, inputNumbers, inputRows, unwrap, type ReferenceAdapter } from "./case-inputs.js";

/** A metric that may be unavailable, as the number SciPy/sklearn would print (NaN when unavailable). */
const value = (metric: MetricValue): number => (metric.status === "ok" ? metric.value : Number.NaN);

const mapValues = <T>(record: Readonly<Record<string, T>>, f: (v: T) => number) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

/** Metric adapters by `fn`. */
export const metricAdapters: Record<string, ReferenceAdapter> = {
  binary_classification: (c) => {
    const m = unwrap(
      computeBinaryClassificationMetrics({
        yTrue: inputNumbers(c, "y_true"),
        yScore: inputNumbers(c, "y_score"),
        threshold: inputNumber(c, "threshold"),
      }),
    );
    return {
      accuracy: m.accuracy,
      balanced_accuracy: m.balancedAccuracy,
      precision: m.precision,
      recall: m.recall,
      f1: m.f1,
      roc_auc: value(m.rocAuc),
      average_precision: value(m.averagePrecision),
      log_loss: value(m.logLoss),
      brier: value(m.brier),
      mcc: m.mcc,
      cohen_kappa: value(m.cohenKappa),
      confusion_matrix: m.confusionMatrix,
    };
  },
  multiclass_classification: (c) => {
    const labels = Array.from(inputNumbers(c, "labels"));
    const m = unwrap(
      computeMulticlassClassificationMetrics({
        yTrue: inputNumbers(c, "y_true"),
        yProba: inputRows(c, "y_proba"),
        labels,
        topK: 2,
      }),
    );
    return {
      accuracy: m.accuracy,
      precision_micro: m.micro.precision,
      recall_micro: m.micro.recall,
      f1_micro: m.micro.f1,
      precision_macro: m.macro.precision,
      recall_macro: m.macro.recall,
      f1_macro: m.macro.f1,
      precision_weighted: m.weighted.precision,
      recall_weighted: m.weighted.recall,
      f1_weighted: m.weighted.f1,
      roc_auc_ovr_macro: value(m.rocAucOvrMacro),
      roc_auc_ovr_weighted: value(m.rocAucOvrWeighted),
      log_loss: m.logLoss,
      top2_accuracy: m.topKAccuracy,
    };
  },
  regression: (c) => {
    const m = unwrap(
      computeRegressionMetrics({ yTrue: inputNumbers(c, "y_true"), yPred: inputNumbers(c, "y_pred") }),
    );
    return {
      mae: m.mae,
      mse: m.mse,
      rmse: m.rmse,
      mape: m.mape,
      r2: value(m.r2),
      median_ae: m.medianAe,
      explained_variance: m.explainedVariance,
      max_error: m.maxError,
      mean_error: m.meanError,
    };
  },
  ndcg: (c) => {
    const input = { relevance: inputRows(c, "relevance"), scores: inputRows(c, "scores") };
    // Every `ndcg@k` key the case expects is computed, so new cut-offs need no adapter change.
    return Object.fromEntries(
      Object.keys(c.expected)
        .filter((key) => /^ndcg@\d+$/.test(key))
        .map((key) => [key, unwrap(computeNdcgAtK({ ...input, k: Number(key.slice(5)) })).value]),
    );
  },
  calibration: (c) => {
    const r = unwrap(
      computeCalibrationCurve({ yTrue: inputNumbers(c, "y_true"), yScore: inputNumbers(c, "y_score") }),
    );
    return { prob_true: r.probTrue, prob_pred: r.probPred, ece: r.ece };
  },
  group_fairness: (c) => {
    const r = unwrap(
      computeGroupFairness({
        yTrue: inputNumbers(c, "y_true"),
        yPred: inputNumbers(c, "y_pred"),
        group: c.inputs["group"] as (string | number)[],
      }),
    );
    return {
      selection_rate: r.selectionRate,
      tpr: mapValues(r.tpr, value),
      fpr: mapValues(r.fpr, value),
      accuracy: r.accuracy,
      demographic_parity_difference: r.demographicParityDifference,
      demographic_parity_ratio: value(r.demographicParityRatio),
      equal_opportunity_difference: value(r.equalOpportunityDifference),
      equalized_odds_difference: value(r.equalizedOddsDifference),
      equalized_odds_ratio: value(r.equalizedOddsRatio),
    };
  },
  quantiles: (c) => {
    const values = inputNumbers(c, "values");
    const moments = unwrap(computeMoments(values));
    const histogram = unwrap(computeEqualWidthHistogram(values, 10));
    return {
      quantiles: unwrap(computeQuantiles(values, Array.from(inputNumbers(c, "probs")))).quantiles,
      mean: moments.mean,
      std_ddof0: moments.stdPopulation,
      std_ddof1: value(moments.stdSample),
      hist10_edges: histogram.edges,
      hist10_counts: histogram.counts,
    };
  },
};
