/**
 * Drift of the analysed columns through `@sextant/core`: each loaded column becomes a `DriftColumn`, is
 * prepared once (cleaned and sorted), scored by `computeDatasetDrift` under the chosen policy, method
 * overrides, thresholds and correction, and turned into report entries sorted most-drifted first.
 */
import {
  computeDatasetDrift,
  type ColumnDriftResult,
  prepareDriftColumn,
  type CorrectedColumnDrift,
  type DatasetDriftResult,
  type DatasetDriftSettings,
  type DriftColumn,
  type DriftMethodId,
  type DriftMethodOptions,
  type DriftPolicyId,
  type MultipleTestingCorrection,
  type PreparedColumn,
  type ThresholdSettings,
} from "@sextant/core";
import type { LoadedColumn } from "../files/loaded-datasets.js";
import { computeDistributionSummary, computeSideStats } from "./column-distribution.js";
import type {
  ColumnDriftEntry,
  DatasetDriftEntry,
  DistributionSummary,
  NumericStats,
  SidePair,
} from "./report-model.js";

/** What the report shows of a column besides its drift: the overlay distribution and numeric stats. */
export interface ColumnDisplay {
  readonly distribution?: DistributionSummary;
  readonly stats?: SidePair<NumericStats>;
}

/**
 * The display summaries of a prepared column (computed by whoever holds its sorted values); `drift` is
 * its drift result when already computed: normed Wasserstein brings the reference mean and std along.
 */
export function computeColumnDisplay(prepared: PreparedColumn, drift?: ColumnDriftResult): ColumnDisplay {
  const distribution = computeDistributionSummary(prepared);
  const mean = drift?.status === "ok" ? drift.details?.referenceMean : undefined;
  const std = drift?.status === "ok" ? drift.details?.referenceStd : undefined;
  const stats = computeSideStats(
    prepared,
    typeof mean === "number" && typeof std === "number" ? { mean, stdPopulation: std } : undefined,
  );
  return {
    ...(distribution === undefined ? {} : { distribution }),
    ...(stats === undefined ? {} : { stats }),
  };
}

/** The drift settings a report runs with. */
export interface DriftSettings {
  readonly policy: DriftPolicyId;
  readonly correction: MultipleTestingCorrection;
  readonly methodByColumn: Readonly<Record<string, DriftMethodId>>;
  readonly thresholds: ThresholdSettings;
  readonly driftShareThreshold: number;
  readonly importances?: Readonly<Record<string, number>>;
  readonly options?: DriftMethodOptions;
}

/** The settings of a report that chooses nothing: Evidently's methods (`auto`), no correction, drift share 0.5. */
export const defaultDriftSettings: DriftSettings = {
  policy: "auto",
  correction: "none",
  methodByColumn: {},
  thresholds: {},
  driftShareThreshold: 0.5,
};

/** A column handed to drift: loaded numeric, categorical or embedding data under a name. */
export function toDriftColumn(name: string, column: LoadedColumn): DriftColumn | undefined {
  switch (column.kind) {
    case "numeric":
      return { name, kind: "numeric", reference: column.reference, current: column.current };
    case "categorical":
      return {
        name,
        kind: "categorical",
        categories: column.categories,
        reference: column.reference,
        current: column.current,
      };
    case "embedding":
      return { name, kind: "embedding", reference: column.reference, current: column.current };
    case "text":
      return undefined;
  }
}

function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** How strongly a result points to drift: >= 1 when drifted, comparable across p-values and distances. */
export function computeDriftStrength(
  entry: Pick<ColumnDriftEntry, "score" | "score_kind" | "threshold">,
): number {
  if (entry.score === null) return -1;
  if (entry.score_kind === "distance")
    return entry.threshold > 0 ? entry.score / entry.threshold : entry.score;
  const p = Math.max(entry.score, 1e-300);
  return Math.log(p) === 0 ? 0 : Math.log(entry.threshold) / Math.log(p);
}

/** Sorts entries most drifted first: drifted before not drifted, then by strength. */
export function sortByDrift(entries: ColumnDriftEntry[]): ColumnDriftEntry[] {
  return entries.sort(
    (a, b) => Number(b.drifted) - Number(a.drifted) || computeDriftStrength(b) - computeDriftStrength(a),
  );
}

/** Turns one core result (and its display summaries, for charts) into a report entry. */
export function toColumnDriftEntry(
  result: CorrectedColumnDrift,
  display: ColumnDisplay | undefined,
  kind: ColumnDriftEntry["kind"] = result.kind,
): ColumnDriftEntry {
  const ok = result.status === "ok";
  const distribution = display?.distribution;
  const stats = display?.stats;
  return {
    name: result.column,
    kind,
    method: result.method,
    method_name: result.methodName,
    method_source: result.methodSource,
    status: result.status,
    ...(result.status === "insufficient_data" ? { reason: result.reason } : {}),
    score: ok ? (finiteOrNull(result.score) ?? (result.score === Infinity ? Number.MAX_VALUE : 0)) : null,
    score_kind: result.scoreKind,
    statistic: ok ? finiteOrNull(result.statistic) : null,
    threshold: result.threshold,
    threshold_source: result.thresholdSource,
    drifted: result.drifted,
    drifted_uncorrected: result.uncorrectedDrifted,
    n_reference: result.referenceSize,
    n_current: result.currentSize,
    missing_reference: result.referenceMissing,
    missing_current: result.currentMissing,
    unique_count: result.uniqueCount,
    ...(distribution === undefined ? {} : { distribution }),
    ...(stats === undefined ? {} : { stats }),
  };
}

/** Converts core's dataset verdict to the report's. */
export function toDatasetDriftEntry(result: DatasetDriftResult): DatasetDriftEntry {
  return {
    drift_share: result.driftShare,
    drifted: result.drifted,
    drifted_count: result.driftedCount,
    column_count: result.columnCount,
    drift_share_threshold: result.driftShareThreshold,
    correction: result.correction,
    ...(result.weightedDriftShare === undefined ? {} : { weighted_drift_share: result.weightedDriftShare }),
  };
}

/** Prepares named drift columns once. */
export function prepareColumns(columns: readonly DriftColumn[]): PreparedColumn[] {
  return columns.map((c) => prepareDriftColumn(c));
}

/** Core's dataset drift settings for the report's drift settings. */
export function toDatasetDriftSettings(settings: DriftSettings): DatasetDriftSettings {
  return {
    policy: settings.policy,
    methodByColumn: settings.methodByColumn,
    thresholds: settings.thresholds,
    driftShareThreshold: settings.driftShareThreshold,
    correction: settings.correction,
    ...(settings.importances === undefined ? {} : { importances: settings.importances }),
    ...(settings.options === undefined ? {} : { options: settings.options }),
  };
}

/** Dataset drift over prepared columns, with entries sorted by drift. */
export function computeDriftSection(input: {
  readonly prepared: readonly PreparedColumn[];
  readonly settings: DriftSettings;
  readonly withCharts: boolean;
  /** Display summaries already computed, aligned with `prepared` (the rest are computed here). */
  readonly displays?: readonly (ColumnDisplay | undefined)[];
  readonly kindOf?: (name: string) => ColumnDriftEntry["kind"] | undefined;
}): { columns: ColumnDriftEntry[]; dataset: DatasetDriftEntry } {
  const result = computeDatasetDrift({
    columns: input.prepared,
    ...toDatasetDriftSettings(input.settings),
  });
  const entries = result.columns.map((r, i) =>
    toColumnDriftEntry(
      r,
      input.withCharts ? (input.displays?.[i] ?? computeColumnDisplay(input.prepared[i]!)) : undefined,
      input.kindOf?.(r.column) ?? r.kind,
    ),
  );
  return { columns: sortByDrift(entries), dataset: toDatasetDriftEntry(result) };
}
