/**
 * Observations of the binned monitor kinds (drift of columns, predictions and targets; data quality) from
 * the counts the store binned: counts become core's prepared count columns and core computes the drift
 * score. Only arithmetic on counts (shares) happens here; every statistic is a core call.
 */
import {
  computeColumnDrift,
  computeDatasetDrift,
  isDriftMethodId,
  type Category,
  type DriftMethodOptions,
  type MonitorObservation,
  type PreparedColumn,
} from "@sextant/core";
import type { ColumnBins, GroupBins } from "../storage/monitoring-store.js";

/** A window's observation and the evidence stored with it. */
export interface WindowObservation {
  readonly observation: MonitorObservation;
  readonly evidence: Record<string, unknown>;
}

/** Column kinds as binned. */
export type BinnedKind = "numeric" | "categorical";

/** Binned counts of a column as core's prepared count column (numeric bins keep their order). */
export function toPreparedColumn(
  name: string,
  kind: BinnedKind,
  reference: ColumnBins,
  current: ColumnBins,
): PreparedColumn {
  const keys = [...new Set([...reference.counts.keys(), ...current.counts.keys()])].sort((a, b) =>
    kind === "numeric" ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0,
  );
  const ref = new Float64Array(keys.map((key) => reference.counts.get(key) ?? 0));
  const cur = new Float64Array(keys.map((key) => current.counts.get(key) ?? 0));
  const sum = (values: Float64Array): number => values.reduce((total, value) => total + value, 0);
  const categories: Category[] = kind === "numeric" ? keys.map(Number) : keys;
  return {
    name,
    columnKind: kind,
    sample: { kind: "counts", categories, reference: ref, current: cur },
    referenceSize: sum(ref),
    currentSize: sum(cur),
    referenceMissing: reference.missing,
    currentMissing: current.missing,
    uniqueCount: keys.length,
  };
}

const emptyBins: ColumnBins = { counts: new Map(), missing: 0 };

/** Drift of one or more columns of a window against the baseline (score for one column, drift share for several). */
export function deriveDriftObservation(input: {
  readonly metric: string;
  readonly columns: readonly { readonly name: string; readonly kind: BinnedKind }[];
  readonly baseline: GroupBins | undefined;
  readonly window: GroupBins | undefined;
  readonly dataset: boolean;
  readonly driftShareThreshold?: number;
}): WindowObservation {
  const { baseline, window } = input;
  if (baseline === undefined || baseline.rowCount === 0) {
    return { observation: { kind: "insufficient_data", reason: "the baseline has no rows" }, evidence: {} };
  }
  if (window === undefined || window.rowCount === 0) {
    return { observation: { kind: "insufficient_data", reason: "no rows in the window" }, evidence: {} };
  }
  const prepared = input.columns.map((column) =>
    toPreparedColumn(
      column.name,
      column.kind,
      baseline.columns[column.name] ?? emptyBins,
      window.columns[column.name] ?? emptyBins,
    ),
  );
  return deriveDriftFromPrepared({ ...input, prepared, rowCount: window.rowCount });
}

/**
 * Drift of prepared columns (counts, raw numeric values or embeddings): the score of one column, or the
 * drift share of several. A metric that is not a drift method id (e.g. `drift_share`, `auto`) lets core's
 * `auto` policy choose per column.
 */
export function deriveDriftFromPrepared(input: {
  readonly metric: string;
  readonly prepared: readonly PreparedColumn[];
  readonly rowCount: number;
  readonly dataset: boolean;
  readonly driftShareThreshold?: number;
  readonly options?: DriftMethodOptions;
}): WindowObservation {
  const { prepared } = input;
  const method = isDriftMethodId(input.metric) ? input.metric : undefined;
  const options = input.options ?? {};
  if (input.dataset) {
    const result = computeDatasetDrift({
      columns: prepared,
      options,
      ...(method === undefined
        ? {}
        : { methodByColumn: Object.fromEntries(prepared.map((c) => [c.name, method])) }),
      ...(input.driftShareThreshold === undefined ? {} : { driftShareThreshold: input.driftShareThreshold }),
    });
    const evidence = {
      driftShare: result.driftShare,
      driftedColumns: result.columns.filter((c) => c.drifted).map((c) => c.column),
      columns: result.columns.map((c) => ({
        column: c.column,
        method: c.method,
        score: c.status === "ok" ? c.score : null,
        threshold: c.threshold,
        drifted: c.drifted,
      })),
    };
    if (result.columnCount === 0) {
      return { observation: { kind: "insufficient_data", reason: "no column could be scored" }, evidence };
    }
    return {
      observation: { kind: "value", value: result.driftShare, sampleSize: input.rowCount },
      evidence,
    };
  }
  const column = prepared[0];
  if (column === undefined)
    return { observation: { kind: "error", message: "no column to measure" }, evidence: {} };
  const result = computeColumnDrift({ column, options, ...(method === undefined ? {} : { method }) });
  const evidence = {
    column: result.column,
    method: result.method,
    threshold: result.threshold,
    referenceSize: result.referenceSize,
    currentSize: result.currentSize,
    drifted: result.drifted,
  };
  if (result.status !== "ok")
    return { observation: { kind: "insufficient_data", reason: result.reason }, evidence };
  return {
    observation: { kind: "value", value: result.score, sampleSize: result.currentSize },
    evidence: { ...evidence, score: result.score },
  };
}

/** A data-quality share (missing, new categories, out of range), row count (volume) or no-data flag (freshness). */
export function deriveQualityObservation(input: {
  readonly metric: string;
  readonly column: string | null;
  readonly baseline: GroupBins | undefined;
  readonly window: GroupBins | undefined;
}): WindowObservation {
  const rows = input.window?.rowCount ?? 0;
  if (input.metric === "volume")
    return { observation: { kind: "value", value: rows, sampleSize: rows }, evidence: { rows } };
  if (input.metric === "freshness") {
    return { observation: { kind: "value", value: rows === 0 ? 1 : 0, sampleSize: 1 }, evidence: { rows } };
  }
  if (rows === 0 || input.column === null) {
    return {
      observation: { kind: "insufficient_data", reason: "no rows in the window" },
      evidence: { rows },
    };
  }
  const bins = input.window?.columns[input.column] ?? emptyBins;
  const present = [...bins.counts.values()].reduce((total, count) => total + count, 0);
  let numerator: number;
  let denominator = present;
  if (input.metric === "missing_share") {
    numerator = bins.missing;
    denominator = rows;
  } else if (input.metric === "new_category_share") {
    const known = input.baseline?.columns[input.column]?.counts ?? new Map<string, number>();
    numerator = [...bins.counts]
      .filter(([key]) => !known.has(key))
      .reduce((total, [, count]) => total + count, 0);
  } else if (input.metric === "out_of_range_share") {
    numerator = (bins.counts.get("0") ?? 0) + (bins.counts.get("2") ?? 0);
  } else {
    return {
      observation: { kind: "error", message: `unknown data quality metric ${input.metric}` },
      evidence: {},
    };
  }
  if (denominator === 0) {
    return {
      observation: { kind: "insufficient_data", reason: "no values in the window" },
      evidence: { rows },
    };
  }
  return {
    observation: { kind: "value", value: numerator / denominator, sampleSize: denominator },
    evidence: { rows, count: numerator, of: denominator },
  };
}
