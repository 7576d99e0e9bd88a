/**
 * Multiclass classification metrics with scikit-learn 1.2.1 definitions: prediction = argmax of the
 * probability row (first max on ties); precision/recall/F1 micro, macro and weighted over the labels
 * present in y_true ∪ y_pred (sklearn's default `unique_labels`, zero_division = 0); one-vs-rest ROC AUC
 * macro and prevalence-weighted (insufficient_data when some label never occurs in y_true, where sklearn
 * raises); log loss with clipping and row renormalisation; top-k accuracy with sklearn's tie order
 * (among equal scores the later column ranks higher; k >= class count gives 1).
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import { deriveClassSortedScores } from "./class-sorted-scores.js";
import { computeMulticlassLogLoss } from "./log-loss.js";
import type { MetricValue } from "./metric-value.js";
import { toMetricValue } from "./metric-value.js";
import { computeRocAucFromClassScores } from "./roc-auc.js";

/** Class probabilities: one row per sample, or a row-major n × labels.length array. */
export type ProbabilityRows = readonly ArrayLike<number>[] | Float64Array;

/** Precision, recall and F1 under one averaging rule. */
export interface AveragedScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Every multiclass metric; ROC AUC can be unavailable, the rest are defined for non-empty input. */
export interface MulticlassClassificationMetrics {
  readonly count: number;
  readonly accuracy: number;
  readonly micro: AveragedScores;
  readonly macro: AveragedScores;
  readonly weighted: AveragedScores;
  readonly rocAucOvrMacro: MetricValue;
  readonly rocAucOvrWeighted: MetricValue;
  readonly logLoss: number;
  readonly topK: number;
  readonly topKAccuracy: number;
}

/** Multiclass metrics of labels against probability rows whose columns follow `labels`. */
export function computeMulticlassClassificationMetrics(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yProba: ProbabilityRows;
  readonly labels: readonly number[];
  readonly topK?: number;
}): StatResult<MulticlassClassificationMetrics> {
  const { yTrue, labels } = input;
  const topK = input.topK ?? 2;
  const classCount = labels.length;
  if (classCount < 2) throw new RangeError("labels must hold at least two classes");
  if (!Number.isInteger(topK) || topK < 1) throw new RangeError("topK must be a positive integer");
  const count = yTrue.length;
  const classIndex = deriveClassIndex(yTrue, labels);
  const probabilities = toRowMajorProbabilities(input.yProba, count, classCount);
  if (count === 0) return toInsufficientData("no rows");
  const predicted = computeArgmaxIndex(probabilities, count, classCount);
  const { micro, macro, weighted, correct } = computeAveragedScores(classIndex, predicted, classCount);
  const auc = computeOneVsRestRocAuc(classIndex, probabilities, classCount);
  return toOk({
    count,
    accuracy: correct / count,
    micro,
    macro,
    weighted,
    ...auc,
    logLoss: computeMulticlassLogLoss({ classIndex, probabilities, classCount }),
    topK,
    topKAccuracy: computeTopKAccuracy({ classIndex, probabilities, classCount, topK }),
  });
}

function deriveClassIndex(yTrue: ArrayLike<number>, labels: readonly number[]): Int32Array {
  const indexOf = new Map<number, number>();
  labels.forEach((label, i) => indexOf.set(label, i));
  if (indexOf.size !== labels.length) throw new RangeError("labels must be distinct");
  const classIndex = new Int32Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const index = indexOf.get(yTrue[i] as number);
    if (index === undefined) throw new RangeError(`yTrue[${i}] = ${yTrue[i]} is not in labels`);
    classIndex[i] = index;
  }
  return classIndex;
}

function toRowMajorProbabilities(yProba: ProbabilityRows, rowCount: number, classCount: number) {
  if (yProba instanceof Float64Array) {
    if (yProba.length !== rowCount * classCount) throw new RangeError("yProba size mismatch");
    return yProba;
  }
  if (yProba.length !== rowCount) throw new RangeError("yProba must have one row per sample");
  const flat = new Float64Array(rowCount * classCount);
  yProba.forEach((row, i) => {
    if (row.length !== classCount) throw new RangeError(`yProba[${i}] must have ${classCount} columns`);
    for (let c = 0; c < classCount; c++) flat[i * classCount + c] = row[c] as number;
  });
  return flat;
}

function computeArgmaxIndex(probabilities: Float64Array, rowCount: number, classCount: number) {
  const predicted = new Int32Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const offset = i * classCount;
    let best = 0;
    for (let c = 1; c < classCount; c++) {
      if ((probabilities[offset + c] as number) > (probabilities[offset + best] as number)) best = c;
    }
    predicted[i] = best;
  }
  return predicted;
}

function toAveragedScores(precision: number, recall: number): AveragedScores {
  const denominator = precision + recall;
  return { precision, recall, f1: denominator === 0 ? 0 : (2 * precision * recall) / denominator };
}

function computeAveragedScores(classIndex: Int32Array, predicted: Int32Array, classCount: number) {
  const truePositives = new Float64Array(classCount);
  const trueCounts = new Float64Array(classCount);
  const predictedCounts = new Float64Array(classCount);
  for (let i = 0; i < classIndex.length; i++) {
    const truth = classIndex[i] as number;
    const guess = predicted[i] as number;
    trueCounts[truth]! += 1;
    predictedCounts[guess]! += 1;
    if (truth === guess) truePositives[truth]! += 1;
  }
  let correct = 0;
  let present = 0;
  const macroSums = [0, 0, 0];
  const weightedSums = [0, 0, 0];
  for (let c = 0; c < classCount; c++) {
    const [tp, support, guesses] = [truePositives[c]!, trueCounts[c]!, predictedCounts[c]!];
    if (support === 0 && guesses === 0) continue; // label absent from y_true ∪ y_pred
    present++;
    correct += tp;
    const scores = toAveragedScores(guesses === 0 ? 0 : tp / guesses, support === 0 ? 0 : tp / support);
    [scores.precision, scores.recall, scores.f1].forEach((value, m) => {
      macroSums[m]! += value;
      weightedSums[m]! += value * support;
    });
  }
  const n = classIndex.length;
  const microRate = correct / n;
  const [wp, wr, wf] = weightedSums.map((sum) => sum / n) as [number, number, number];
  return {
    correct,
    micro: toAveragedScores(microRate, microRate),
    macro: {
      precision: macroSums[0]! / present,
      recall: macroSums[1]! / present,
      f1: macroSums[2]! / present,
    },
    weighted: { precision: wp, recall: wr, f1: wf },
  };
}

function computeOneVsRestRocAuc(
  classIndex: Int32Array,
  probabilities: Float64Array,
  classCount: number,
): { rocAucOvrMacro: MetricValue; rocAucOvrWeighted: MetricValue } {
  const rowCount = classIndex.length;
  const isPositive = new Uint8Array(rowCount);
  const column = new Float64Array(rowCount);
  let macroSum = 0;
  let weightedSum = 0;
  for (let c = 0; c < classCount; c++) {
    let support = 0;
    for (let i = 0; i < rowCount; i++) {
      const positive = classIndex[i] === c ? 1 : 0;
      isPositive[i] = positive;
      support += positive;
      column[i] = probabilities[i * classCount + c] as number;
    }
    const auc = computeRocAucFromClassScores(deriveClassSortedScores(isPositive, column));
    if (auc.status !== "ok") {
      const reason = toInsufficientData(`one-vs-rest ROC AUC undefined for label #${c}: ${auc.reason}`);
      return { rocAucOvrMacro: reason, rocAucOvrWeighted: reason };
    }
    macroSum += auc.value;
    weightedSum += auc.value * support;
  }
  return {
    rocAucOvrMacro: toMetricValue(macroSum / classCount),
    rocAucOvrWeighted: toMetricValue(weightedSum / rowCount),
  };
}

/** Share of rows whose true class is among the k highest scores, ranked as sklearn's reversed argsort. */
function computeTopKAccuracy(input: {
  classIndex: Int32Array;
  probabilities: Float64Array;
  classCount: number;
  topK: number;
}): number {
  const { classIndex, probabilities, classCount, topK } = input;
  if (topK >= classCount) return 1;
  let hits = 0;
  for (let i = 0; i < classIndex.length; i++) {
    const offset = i * classCount;
    const truth = classIndex[i] as number;
    const score = probabilities[offset + truth] as number;
    let rankedAbove = 0;
    for (let c = 0; c < classCount; c++) {
      const other = probabilities[offset + c] as number;
      if (other > score || (other === score && c > truth)) rankedAbove++;
    }
    if (rankedAbove < topK) hits++;
  }
  return hits / classIndex.length;
}
