/**
 * Drift of the feature columns, the heaviest part of a report at scale: each column is prepared once
 * (numeric sides cleaned and sorted) together with its display summaries, then dataset drift is scored
 * over all of them. Preparation is per column, so it can be split between two threads
 * (`feature-drift-worker.ts`); the scores do not depend on which thread prepared a column.
 */
import {
  computeNumericColumnQualityFromSorted,
  prepareDriftColumn,
  type DriftColumn,
  type NumericColumnQuality,
  type PreparedColumn,
} from "@sextant/core";
import {
  computeColumnDisplay,
  computeDriftSection,
  type ColumnDisplay,
  type DriftSettings,
} from "./drift-section.js";
import type { ColumnDriftEntry, DatasetDriftEntry } from "./report-model.js";

/** A feature column ready for scoring: prepared data and what the report shows of it. */
export interface PreparedFeature {
  readonly prepared: PreparedColumn;
  readonly display: ColumnDisplay;
}

/** The feature drift section: entries sorted most drifted first, the dataset verdict, numeric quality. */
export interface FeatureDriftSection {
  readonly columns: ColumnDriftEntry[];
  readonly dataset: DatasetDriftEntry;
  /** Quality of the numeric features, from their sorted sides (the quality section takes it from here). */
  readonly numericQuality: Record<string, NumericColumnQuality>;
}

/** Prepares one feature column and computes its display summaries from the sorted values. */
export function prepareFeature(column: DriftColumn): PreparedFeature {
  const prepared = prepareDriftColumn(column);
  return { prepared, display: computeColumnDisplay(prepared) };
}

/** Scores dataset drift over prepared features (in feature order). */
export function computeFeatureDriftSection(
  features: readonly PreparedFeature[],
  settings: DriftSettings,
): FeatureDriftSection {
  const section = computeDriftSection({
    prepared: features.map((f) => f.prepared),
    displays: features.map((f) => f.display),
    settings,
    withCharts: true,
  });
  const numericQuality: Record<string, NumericColumnQuality> = {};
  for (const { prepared } of features) {
    if (prepared.sample.kind !== "numeric") continue;
    numericQuality[prepared.name] = computeNumericColumnQualityFromSorted({
      referenceSorted: prepared.sample.reference,
      currentSorted: prepared.sample.current,
      referenceMissing: prepared.referenceMissing,
      currentMissing: prepared.currentMissing,
    });
  }
  return { ...section, numericQuality };
}

/** Sorting work of a column in values (numeric columns only; the others cost next to nothing). */
export function estimateSortingWork(column: DriftColumn): number {
  return column.kind === "numeric" ? column.reference.length + column.current.length : 0;
}

/** Scoring a prepared numeric column (merges, moments, display stats) costs about this share of preparing it. */
const scoringShare = 0.42;

/**
 * Which numeric columns a second thread should prepare so that both threads finish together: that
 * thread prepares its share and then scores every column; this one prepares the rest and does
 * `otherWork` (the other report sections), both in values-sorted units (see `estimateSortingWork`).
 * Largest columns go first; the measured costs behind the balance are in docs/decisions/0008.
 */
export function selectWorkerColumns(columns: readonly DriftColumn[], otherWork = 0): Set<number> {
  const work = columns.map(estimateSortingWork);
  const total = work.reduce((s, w) => s + w, 0);
  // worker: assigned + scoringShare·total = main: (total − assigned) + otherWork
  const target = ((1 - scoringShare) * total + otherWork) / 2;
  const order = work.map((_, i) => i).sort((a, b) => work[b]! - work[a]! || a - b);
  const chosen = new Set<number>();
  let assigned = 0;
  for (const i of order) {
    if (work[i] === 0 || assigned + work[i]! / 2 > target) continue;
    chosen.add(i);
    assigned += work[i]!;
  }
  return chosen;
}

/** Transferable buffers of a prepared feature (the sorted numeric sides), so posting it moves, not copies. */
export function listTransferables(feature: PreparedFeature): ArrayBuffer[] {
  const sample = feature.prepared.sample;
  if (sample.kind !== "numeric") return [];
  return [sample.reference.buffer, sample.current.buffer].filter(
    (b): b is ArrayBuffer => b instanceof ArrayBuffer,
  );
}
