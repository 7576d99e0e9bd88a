/**
 * Drift of the feature columns, the heaviest part of a report at scale. Each column is scored where it
 * is prepared: its numeric sides are cleaned and sorted once, and the same sorted arrays give its drift
 * score, its display summaries and its quality (categorical columns: from their counts), after which they can go. Only the small results
 * leave the thread, so the columns can be split between two threads (`feature-drift-worker.ts`) with no
 * serial scoring step at the end; the dataset verdict (correction, drift share) is summarised from the
 * results in feature order and does not depend on which thread scored a column.
 */
import {
  computeCategoricalColumnQualityFromCounts,
  computeDatasetColumnDrift,
  computeNumericColumnQualityFromSorted,
  prepareDriftColumn,
  summariseDatasetDrift,
  type CategoricalColumnQuality,
  type Category,
  type ColumnDriftResult,
  type DriftColumn,
  type NumericColumnQuality,
  type PreparedColumn,
  type PreparedCounts,
} from "@sextant/core";
import {
  computeColumnDisplay,
  toColumnDriftEntry,
  toDatasetDriftEntry,
  sortByDrift,
  toDatasetDriftSettings,
  type ColumnDisplay,
  type DriftSettings,
} from "./drift-section.js";
import type { ColumnDriftEntry, DatasetDriftEntry } from "./report-model.js";

/** A scored feature column: its drift (before the dataset correction), display and numeric quality. */
export interface ScoredFeature {
  readonly drift: ColumnDriftResult;
  readonly display: ColumnDisplay;
  /** Numeric and categorical columns, from the sorted sides or the counts (the quality section takes it from here). */
  readonly quality?: NumericColumnQuality | CategoricalColumnQuality;
}

/** The feature drift section: entries sorted most drifted first, the dataset verdict, column quality. */
export interface FeatureDriftSection {
  readonly columns: ColumnDriftEntry[];
  readonly dataset: DatasetDriftEntry;
  readonly columnQuality: Record<string, NumericColumnQuality | CategoricalColumnQuality>;
}

/**
 * Prepares one feature column and scores it: drift, display summaries and, for a numeric column, its
 * quality, all from the one sort. `prepared` is returned for the caller that keeps embeddings. With
 * `sortInPlace` a numeric column's sides are sorted where they are (nothing may need their row order
 * any more).
 */
export function scoreFeature(
  column: DriftColumn,
  settings: DriftSettings,
  sortInPlace = false,
): { readonly scored: ScoredFeature; readonly prepared: PreparedColumn } {
  const prepared = prepareDriftColumn(column, { sortInPlace });
  const drift = computeDatasetColumnDrift(prepared, toDatasetDriftSettings(settings));
  const display = computeColumnDisplay(prepared, drift);
  const sample = prepared.sample;
  const quality =
    sample.kind === "numeric"
      ? computeNumericColumnQualityFromSorted({
          referenceSorted: sample.reference,
          currentSorted: sample.current,
          referenceMissing: prepared.referenceMissing,
          currentMissing: prepared.currentMissing,
        })
      : sample.kind === "counts" && column.kind === "categorical"
        ? computeCategoricalQualityFromPrepared(column.categories, sample, prepared)
        : undefined;
  return { scored: { drift, display, ...(quality === undefined ? {} : { quality }) }, prepared };
}

/**
 * Categorical quality from the counts drift preparation made (categories seen on either side, in label
 * order), its category lists in code order as when counted from the codes.
 */
function computeCategoricalQualityFromPrepared(
  codeOrder: readonly Category[],
  sample: PreparedCounts,
  prepared: PreparedColumn,
): CategoricalColumnQuality {
  const codeOf = new Map(codeOrder.map((category, code) => [category, code]));
  const order = sample.categories
    .map((_, k) => k)
    .sort((a, b) => codeOf.get(sample.categories[a]!)! - codeOf.get(sample.categories[b]!)!);
  return computeCategoricalColumnQualityFromCounts({
    categories: order.map((k) => sample.categories[k]!),
    referenceCounts: Float64Array.from(order, (k) => sample.reference[k]!),
    currentCounts: Float64Array.from(order, (k) => sample.current[k]!),
    referenceMissing: prepared.referenceMissing,
    currentMissing: prepared.currentMissing,
  });
}

/** The section from every feature's scores (in feature order): corrected verdicts, entries, quality. */
export function summariseFeatureDrift(
  features: readonly ScoredFeature[],
  settings: DriftSettings,
): FeatureDriftSection {
  const result = summariseDatasetDrift(
    features.map((f) => f.drift),
    toDatasetDriftSettings(settings),
  );
  const entries = result.columns.map((r, i) => toColumnDriftEntry(r, features[i]!.display));
  const columnQuality: Record<string, NumericColumnQuality | CategoricalColumnQuality> = {};
  for (const f of features) if (f.quality !== undefined) columnQuality[f.drift.column] = f.quality;
  return { columns: sortByDrift(entries), dataset: toDatasetDriftEntry(result), columnQuality };
}

/** Sorting work of a column in values (numeric columns only; the others cost next to nothing). */
export function estimateSortingWork(column: DriftColumn): number {
  return column.kind === "numeric" ? column.reference.length + column.current.length : 0;
}

/**
 * The order in which two threads claim columns to score: the numeric columns, largest first, so that
 * whichever thread claims the last one finishes soon after the other (the rest cost next to nothing and
 * stay with the calling thread).
 */
export function orderSharedColumns(columns: readonly DriftColumn[]): number[] {
  const work = columns.map(estimateSortingWork);
  return work
    .map((_, i) => i)
    .filter((i) => work[i]! > 0)
    .sort((a, b) => work[b]! - work[a]! || a - b);
}
