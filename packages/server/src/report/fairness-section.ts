/**
 * Fairness per protected column on both sides, through core's fairlearn-style group metrics. Needs a
 * binary task: the prediction is the predicted label, or the score thresholded at 0.5.
 */
import { computeGroupFairness, type GroupFairness, type MetricValue } from "@sextant/core";
import type { LoadedCategoricalColumn, LoadedColumn } from "../files/loaded-datasets.js";
import type { FairnessEntry, MetricTable, SidePair } from "./report-model.js";

type Side = "reference" | "current";

const valueOf = (m: MetricValue): number | null =>
  m.status === "ok" && Number.isFinite(m.value) ? m.value : null;

function toTables(f: GroupFairness) {
  const perGroup: Record<string, Record<string, number | null>> = {};
  for (const group of Object.keys(f.groupCount)) {
    perGroup[group] = {
      rows: f.groupCount[group]!,
      selection_rate: f.selectionRate[group]!,
      tpr: valueOf(f.tpr[group]!),
      fpr: valueOf(f.fpr[group]!),
      accuracy: f.accuracy[group]!,
    };
  }
  const metrics: MetricTable = {
    demographic_parity_difference: f.demographicParityDifference,
    demographic_parity_ratio: valueOf(f.demographicParityRatio),
    equal_opportunity_difference: valueOf(f.equalOpportunityDifference),
    equalized_odds_difference: valueOf(f.equalizedOddsDifference),
    equalized_odds_ratio: valueOf(f.equalizedOddsRatio),
    disparate_impact: valueOf(f.disparateImpact),
  };
  const violated = f.fourFifthsRuleViolated.status === "ok" ? f.fourFifthsRuleViolated.value : null;
  return { perGroup, metrics, violated };
}

/** Fairness of one protected column given 0/1 truth and predictions per side (NaN = missing). */
export function computeFairnessEntry(input: {
  readonly column: string;
  readonly groups: LoadedCategoricalColumn;
  readonly yTrue: SidePair<Float64Array>;
  readonly yPred: SidePair<Float64Array>;
}): FairnessEntry {
  const results = (["reference", "current"] as Side[]).map((side) => {
    const codes = input.groups[side];
    const truth = input.yTrue[side];
    const predicted = input.yPred[side];
    const keep: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      if (codes[i]! >= 0 && Number.isFinite(truth[i]!) && Number.isFinite(predicted[i]!)) keep.push(i);
    }
    const result = computeGroupFairness({
      yTrue: Float64Array.from(keep, (i) => truth[i]!),
      yPred: Float64Array.from(keep, (i) => predicted[i]!),
      group: keep.map((i) => String(input.groups.categories[codes[i]!])),
    });
    return result.status === "ok" ? toTables(result) : undefined;
  });
  const groups = new Set<string>();
  for (const r of results) for (const g of Object.keys(r?.perGroup ?? {})) groups.add(g);
  return {
    column: input.column,
    groups: [...groups],
    per_group: { reference: results[0]?.perGroup ?? null, current: results[1]?.perGroup ?? null },
    metrics: { reference: results[0]?.metrics ?? null, current: results[1]?.metrics ?? null },
    four_fifths_rule_violated: {
      reference: results[0]?.violated ?? null,
      current: results[1]?.violated ?? null,
    },
  };
}

/** 0/1 truth and prediction per side for a binary task, or undefined when the task is not binary. */
export function deriveBinaryOutcomes(input: {
  readonly target: LoadedColumn;
  readonly positiveLabel: string;
  readonly prediction?: LoadedColumn;
  readonly score?: LoadedColumn;
}): { yTrue: SidePair<Float64Array>; yPred: SidePair<Float64Array> } | undefined {
  const { target } = input;
  if (target.kind !== "categorical") return undefined;
  const toBinary = (column: LoadedCategoricalColumn, side: Side) =>
    Float64Array.from(column[side], (code) =>
      code < 0 ? Number.NaN : String(column.categories[code]) === input.positiveLabel ? 1 : 0,
    );
  const predict = (side: Side): Float64Array | undefined => {
    if (input.prediction?.kind === "categorical") return toBinary(input.prediction, side);
    const score =
      input.score?.kind === "numeric"
        ? input.score
        : input.prediction?.kind === "numeric"
          ? input.prediction
          : undefined;
    return score === undefined
      ? undefined
      : Float64Array.from(score[side], (v) => (Number.isFinite(v) ? (v >= 0.5 ? 1 : 0) : Number.NaN));
  };
  const reference = predict("reference");
  const current = predict("current");
  if (reference === undefined || current === undefined) return undefined;
  return {
    yTrue: { reference: toBinary(target, "reference"), current: toBinary(target, "current") },
    yPred: { reference, current },
  };
}
