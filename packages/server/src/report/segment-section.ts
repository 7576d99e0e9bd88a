/**
 * Per-segment comparison: for each value of a segment column (the most frequent ones), the rows of that
 * segment in current are compared with the same segment of the reference: dataset drift over the
 * feature columns and the key performance metrics.
 */
import { prepareDriftColumn, selectRows, type DriftColumn } from "@sextant/core";
import type { LoadedCategoricalColumn, LoadedColumn } from "../files/loaded-datasets.js";
import { computeDriftSection, toDriftColumn, type DriftSettings } from "./drift-section.js";
import { computePerformanceSection, type PerformanceColumns } from "./performance-section.js";
import type { SegmentEntry } from "./report-model.js";

/** Segment values compared per segment column, most frequent first. */
export const maxSegmentValues = 10;

type Side = "reference" | "current";

/** Keeps the rows at `rows[side]` of a loaded column. */
export function selectLoadedRows(
  column: LoadedColumn,
  rows: { reference: Int32Array; current: Int32Array },
): LoadedColumn {
  const pick = <T extends Float64Array | Int32Array>(values: T, side: Side): T =>
    values.constructor === Float64Array
      ? (Float64Array.from(rows[side], (i) => values[i]!) as T)
      : (Int32Array.from(rows[side], (i) => values[i]!) as T);
  switch (column.kind) {
    case "numeric":
      return {
        ...column,
        reference: pick(column.reference, "reference"),
        current: pick(column.current, "current"),
      };
    case "categorical":
      return {
        ...column,
        reference: pick(column.reference, "reference"),
        current: pick(column.current, "current"),
      };
    case "text":
      return {
        kind: "text",
        reference: Array.from(rows.reference, (i) => column.reference[i]!),
        current: Array.from(rows.current, (i) => column.current[i]!),
      };
    case "embedding":
      // Embedding matrices hold only non-missing rows, so row positions do not line up; segments skip them.
      return {
        ...column,
        reference: selectRows(column.reference, []),
        current: selectRows(column.current, []),
      };
  }
}

function rowsOf(codes: Int32Array, code: number): Int32Array {
  let n = 0;
  for (const c of codes) if (c === code) n++;
  const out = new Int32Array(n);
  let k = 0;
  codes.forEach((c, i) => {
    if (c === code) out[k++] = i;
  });
  return out;
}

function topCodes(segment: LoadedCategoricalColumn): number[] {
  const counts = new Map<number, number>();
  for (const c of segment.current) if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of segment.reference) if (c >= 0 && !counts.has(c)) counts.set(c, 0);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, maxSegmentValues)
    .map(([code]) => code);
}

/** Compares each frequent value of `segment` across sides. */
export function computeSegmentEntries(input: {
  readonly segmentName: string;
  readonly segment: LoadedCategoricalColumn;
  readonly features: ReadonlyMap<string, LoadedColumn>;
  readonly performance: PerformanceColumns | undefined;
  readonly settings: DriftSettings;
}): SegmentEntry[] {
  return topCodes(input.segment).map((code) => {
    const rows = {
      reference: rowsOf(input.segment.reference, code),
      current: rowsOf(input.segment.current, code),
    };
    const driftColumns: DriftColumn[] = [];
    for (const [name, column] of input.features) {
      if (column.kind === "embedding" || column.kind === "text" || name === input.segmentName) continue;
      const c = toDriftColumn(name, selectLoadedRows(column, rows));
      if (c !== undefined) driftColumns.push(c);
    }
    const drift =
      rows.reference.length > 0 && rows.current.length > 0
        ? computeDriftSection({
            prepared: driftColumns.map((c) => prepareDriftColumn(c)),
            settings: input.settings,
            withCharts: false,
          })
        : undefined;
    const p = input.performance;
    const performance =
      p === undefined
        ? undefined
        : computePerformanceSection({
            ...p,
            target: selectLoadedRows(p.target, rows),
            ...(p.prediction === undefined ? {} : { prediction: selectLoadedRows(p.prediction, rows) }),
            proba: p.proba.map((c) => selectLoadedRows(c, rows)),
          });
    return {
      column: input.segmentName,
      value: String(input.segment.categories[code]),
      rows: { reference: rows.reference.length, current: rows.current.length },
      dataset: drift?.dataset ?? null,
      columns: (drift?.columns ?? []).map((c) => ({
        name: c.name,
        method: c.method,
        score: c.score,
        threshold: c.threshold,
        drifted: c.drifted,
      })),
      performance: performance === undefined ? null : performance.metrics,
    };
  });
}
