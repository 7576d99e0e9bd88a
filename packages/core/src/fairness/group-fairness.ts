/**
 * Group fairness of binary predictions with fairlearn's definitions: per group selection rate P(ŷ=1),
 * TPR, FPR and accuracy; differences are max − min over groups and ratios min / max. Equalized odds
 * difference = max(TPR difference, FPR difference), ratio = min(TPR ratio, FPR ratio); disparate impact
 * = demographic parity ratio, flagged by the four-fifths rule when < 0.8. A group without positives
 * (negatives) has no TPR (FPR) and is left out of that rate's aggregates; an aggregate with no group, or
 * a ratio with max = 0 (fairlearn's 0/0 NaN), is insufficient_data.
 */
import type { MetricValue } from "../metrics/metric-value.js";
import { toMetricValue } from "../metrics/metric-value.js";
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";

/** Per-group rates (keyed by String(group)) and the between-group disparities. */
export interface GroupFairness {
  readonly groupCount: Readonly<Record<string, number>>;
  readonly selectionRate: Readonly<Record<string, number>>;
  readonly tpr: Readonly<Record<string, MetricValue>>;
  readonly fpr: Readonly<Record<string, MetricValue>>;
  readonly accuracy: Readonly<Record<string, number>>;
  readonly demographicParityDifference: number;
  readonly demographicParityRatio: MetricValue;
  readonly equalOpportunityDifference: MetricValue;
  readonly equalizedOddsDifference: MetricValue;
  readonly equalizedOddsRatio: MetricValue;
  readonly disparateImpact: MetricValue;
  readonly fourFifthsRuleViolated: StatResult<{ readonly value: boolean }>;
}

interface GroupCounts {
  rows: number;
  selected: number;
  positives: number;
  truePositives: number;
  falsePositives: number;
  correct: number;
}

function tallyGroups(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yPred: ArrayLike<number>;
  readonly group: readonly (string | number)[];
}): Map<string, GroupCounts> {
  const { yTrue, yPred, group } = input;
  if (yTrue.length !== yPred.length || yTrue.length !== group.length) {
    throw new RangeError("yTrue, yPred and group lengths differ");
  }
  const tallies = new Map<string, GroupCounts>();
  for (let i = 0; i < yTrue.length; i++) {
    const truth = yTrue[i] as number;
    const prediction = yPred[i] as number;
    if ((truth !== 0 && truth !== 1) || (prediction !== 0 && prediction !== 1)) {
      throw new RangeError(`row ${i}: yTrue and yPred must be 0 or 1`);
    }
    const key = String(group[i]);
    let counts = tallies.get(key);
    if (counts === undefined) {
      counts = { rows: 0, selected: 0, positives: 0, truePositives: 0, falsePositives: 0, correct: 0 };
      tallies.set(key, counts);
    }
    counts.rows++;
    counts.selected += prediction;
    counts.positives += truth;
    counts.truePositives += truth & prediction;
    counts.falsePositives += (1 - truth) & prediction;
    counts.correct += truth === prediction ? 1 : 0;
  }
  return tallies;
}

function collectAvailable(rates: Record<string, MetricValue>): number[] {
  return Object.values(rates).flatMap((rate) => (rate.status === "ok" ? [rate.value] : []));
}

function computeDifference(values: number[], name: string): MetricValue {
  if (values.length === 0) return toInsufficientData(`no group has a defined ${name}`);
  return toMetricValue(Math.max(...values) - Math.min(...values));
}

function computeRatio(values: number[], name: string): MetricValue {
  if (values.length === 0) return toInsufficientData(`no group has a defined ${name}`);
  const max = Math.max(...values);
  if (max === 0) return toInsufficientData(`${name} ratio is 0/0: every group's rate is 0`);
  return toMetricValue(Math.min(...values) / max);
}

function combine(a: MetricValue, b: MetricValue, pick: (x: number, y: number) => number) {
  if (a.status !== "ok") return a;
  if (b.status !== "ok") return b;
  return toMetricValue(pick(a.value, b.value));
}

/** fairlearn group metrics of 0/1 predictions by sensitive group; empty input → insufficient_data. */
export function computeGroupFairness(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yPred: ArrayLike<number>;
  readonly group: readonly (string | number)[];
}): StatResult<GroupFairness> {
  const tallies = tallyGroups(input);
  if (tallies.size === 0) return toInsufficientData("no rows");
  const groupCount: Record<string, number> = {};
  const selectionRate: Record<string, number> = {};
  const tpr: Record<string, MetricValue> = {};
  const fpr: Record<string, MetricValue> = {};
  const accuracy: Record<string, number> = {};
  for (const [key, c] of tallies) {
    const negatives = c.rows - c.positives;
    groupCount[key] = c.rows;
    selectionRate[key] = c.selected / c.rows;
    accuracy[key] = c.correct / c.rows;
    tpr[key] =
      c.positives === 0
        ? toInsufficientData("group has no positives")
        : toMetricValue(c.truePositives / c.positives);
    fpr[key] =
      negatives === 0
        ? toInsufficientData("group has no negatives")
        : toMetricValue(c.falsePositives / negatives);
  }
  const selection = Object.values(selectionRate);
  const [tprValues, fprValues] = [collectAvailable(tpr), collectAvailable(fpr)];
  const tprDifference = computeDifference(tprValues, "TPR");
  const demographicParityRatio = computeRatio(selection, "selection rate");
  return toOk({
    groupCount,
    selectionRate,
    tpr,
    fpr,
    accuracy,
    demographicParityDifference: Math.max(...selection) - Math.min(...selection),
    demographicParityRatio,
    equalOpportunityDifference: tprDifference,
    equalizedOddsDifference: combine(tprDifference, computeDifference(fprValues, "FPR"), Math.max),
    equalizedOddsRatio: combine(computeRatio(tprValues, "TPR"), computeRatio(fprValues, "FPR"), Math.min),
    disparateImpact: demographicParityRatio,
    fourFifthsRuleViolated:
      demographicParityRatio.status === "ok"
        ? toOk({ value: demographicParityRatio.value < 0.8 })
        : demographicParityRatio,
  });
}
