/**
 * Dataset drift: every column's drift, the share of drifted columns against a share threshold, an
 * optional multiple-testing correction over the p-value methods, and an importance-weighted share.
 */
import type { DriftColumn, PreparedColumn } from "./column-data.js";
import { computeColumnDrift, type ColumnDriftResult } from "./column-drift.js";
import type { DriftPolicyId } from "./drift-policy.js";
import type { DriftMethodId, DriftMethodOptions } from "./method-registry.js";
import { selectCorrectedRejections, type MultipleTestingCorrection } from "./multiple-testing.js";
import type { ThresholdSettings } from "./thresholds.js";

/** Default share of drifted columns at which the dataset counts as drifted. */
export const defaultDriftShareThreshold = 0.5;

/** Everything dataset drift can be told; only `columns` is required. */
export interface DatasetDriftRequest {
  readonly columns: readonly (DriftColumn | PreparedColumn)[];
  readonly policy?: DriftPolicyId;
  readonly methodByColumn?: Readonly<Record<string, DriftMethodId>>;
  readonly thresholds?: ThresholdSettings;
  readonly driftShareThreshold?: number;
  readonly correction?: MultipleTestingCorrection;
  /** Feature importances; when given, columns without one weigh 0 in the weighted share. */
  readonly importances?: Readonly<Record<string, number>>;
  readonly options?: DriftMethodOptions;
}

/** A column result after the dataset-level correction, keeping the uncorrected verdict. */
export type CorrectedColumnDrift = ColumnDriftResult & { readonly uncorrectedDrifted: boolean };

/** The dataset verdict and its columns. */
export interface DatasetDriftResult {
  readonly columns: readonly CorrectedColumnDrift[];
  /** Columns with a score (insufficient-data columns are not counted). */
  readonly columnCount: number;
  readonly driftedCount: number;
  /** driftedCount / columnCount, or 0 when no column has a score. */
  readonly driftShare: number;
  readonly driftShareThreshold: number;
  readonly drifted: boolean;
  readonly correction: MultipleTestingCorrection;
  /** Σ importance of drifted columns / Σ importance of scored columns, when importances were given. */
  readonly weightedDriftShare?: number;
}

function applyCorrection(
  results: readonly ColumnDriftResult[],
  correction: MultipleTestingCorrection,
): CorrectedColumnDrift[] {
  const corrected: CorrectedColumnDrift[] = results.map((r) => ({ ...r, uncorrectedDrifted: r.drifted }));
  if (correction === "none") return corrected;
  const indices = results.flatMap((r, i) => (r.status === "ok" && r.scoreKind === "p_value" ? [i] : []));
  if (indices.length === 0) return corrected;
  const rejections = selectCorrectedRejections(
    correction,
    indices.map((i) => {
      const r = results[i]!;
      return { pValue: r.status === "ok" ? r.score : 1, alpha: r.threshold };
    }),
  );
  indices.forEach((columnIndex, k) => {
    const r = corrected[columnIndex]!;
    if (r.status === "ok") corrected[columnIndex] = { ...r, drifted: rejections[k]! };
  });
  return corrected;
}

function computeWeightedShare(
  results: readonly CorrectedColumnDrift[],
  importances: Readonly<Record<string, number>>,
): number {
  let total = 0;
  let drifted = 0;
  for (const r of results) {
    if (r.status !== "ok") continue;
    const w = Object.hasOwn(importances, r.column) ? Math.max(0, importances[r.column]!) : 0;
    total += w;
    if (r.drifted) drifted += w;
  }
  return total > 0 ? drifted / total : 0;
}

/** The settings of a dataset drift request: everything but the columns. */
export type DatasetDriftSettings = Omit<DatasetDriftRequest, "columns">;

/**
 * One column's drift as `computeDatasetDrift` computes it (before the correction), so columns can be
 * scored apart (e.g. in several threads) and summarised together with `summariseDatasetDrift`.
 */
export function computeDatasetColumnDrift(
  column: DriftColumn | PreparedColumn,
  settings: DatasetDriftSettings,
): ColumnDriftResult {
  const name = column.name;
  const method =
    settings.methodByColumn !== undefined && Object.hasOwn(settings.methodByColumn, name)
      ? settings.methodByColumn[name]
      : undefined;
  return computeColumnDrift({
    column,
    ...(method === undefined ? {} : { method }),
    ...(settings.policy === undefined ? {} : { policy: settings.policy }),
    ...(settings.thresholds === undefined ? {} : { thresholds: settings.thresholds }),
    ...(settings.options === undefined ? {} : { options: settings.options }),
  });
}

/** The dataset verdict from every column's result (in column order): correction, shares, verdict. */
export function summariseDatasetDrift(
  results: readonly ColumnDriftResult[],
  settings: DatasetDriftSettings,
): DatasetDriftResult {
  const correction = settings.correction ?? "none";
  const columns = applyCorrection(results, correction);
  const scored = columns.filter((r) => r.status === "ok");
  const driftedCount = scored.filter((r) => r.drifted).length;
  const driftShare = scored.length === 0 ? 0 : driftedCount / scored.length;
  const driftShareThreshold = settings.driftShareThreshold ?? defaultDriftShareThreshold;
  return {
    columns,
    columnCount: scored.length,
    driftedCount,
    driftShare,
    driftShareThreshold,
    drifted: scored.length > 0 && driftShare >= driftShareThreshold,
    correction,
    ...(settings.importances === undefined
      ? {}
      : { weightedDriftShare: computeWeightedShare(columns, settings.importances) }),
  };
}

/** Computes every column's drift and the dataset verdict. */
export function computeDatasetDrift(request: DatasetDriftRequest): DatasetDriftResult {
  const { columns, ...settings } = request;
  return summariseDatasetDrift(
    columns.map((column) => computeDatasetColumnDrift(column, settings)),
    settings,
  );
}
