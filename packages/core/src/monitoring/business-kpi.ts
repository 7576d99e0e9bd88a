/**
 * Business KPIs over outcome columns per window and segment: mean, sum, rate (share of 1/true outcomes) and
 * ratio of two sums (Σ numerator / Σ denominator over rows having both). Rows whose outcome has not joined yet
 * (null, undefined, non-finite) are skipped and counted as missing; no usable row, or a zero denominator,
 * is insufficient_data rather than 0 or NaN. Sums are Neumaier-compensated.
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import { computeCompensatedSum } from "../descriptive/compensated-sum.js";
import type { TimeWindow, WindowSpec } from "./windows.js";
import { computeWindowContaining } from "./windows.js";

/** How a KPI aggregates its outcome column(s). */
export type KpiAggregation =
  | { readonly kind: "mean" | "sum" | "rate"; readonly column: string }
  | { readonly kind: "ratio"; readonly numeratorColumn: string; readonly denominatorColumn: string };

/** One outcome cell; booleans count as 1 and 0. */
export type OutcomeValue = number | boolean | null | undefined;

/** Outcome columns of one event by name. */
export type OutcomeRecord = Readonly<Record<string, OutcomeValue>>;

/** A KPI value with the rows it used. */
export interface KpiValue {
  readonly value: number;
  readonly rowCount: number;
  readonly missingCount: number;
  /** Rows used for mean/rate, Σ denominator for ratio, rows summed for sum. */
  readonly denominator: number;
}

/** An event for KPI series: its time, the segments it matches (possibly several), its outcomes. */
export interface KpiEvent {
  readonly atMs: number;
  readonly segments?: readonly string[];
  readonly outcomes: OutcomeRecord;
}

/** One point of a KPI series; `segment` null is all traffic. */
export interface KpiSeriesPoint {
  readonly window: TimeWindow;
  readonly segment: string | null;
  readonly result: StatResult<KpiValue>;
}

function toNumber(value: OutcomeValue): number | null {
  if (typeof value === "boolean") return value ? 1 : 0;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function computeRatio(records: readonly OutcomeRecord[], numeratorColumn: string, denominatorColumn: string) {
  const numerators: number[] = [];
  const denominators: number[] = [];
  for (const record of records) {
    const numerator = toNumber(record[numeratorColumn]);
    const denominator = toNumber(record[denominatorColumn]);
    if (numerator === null || denominator === null) continue;
    numerators.push(numerator);
    denominators.push(denominator);
  }
  const missingCount = records.length - numerators.length;
  const denominator = computeCompensatedSum(denominators);
  if (denominator === 0) return toInsufficientData("ratio denominator sums to 0");
  const value = computeCompensatedSum(numerators) / denominator;
  return toOk({ value, rowCount: numerators.length, missingCount, denominator });
}

/** One KPI over the outcome records of one window and segment. */
export function computeBusinessKpi(input: {
  readonly records: readonly OutcomeRecord[];
  readonly aggregation: KpiAggregation;
}): StatResult<KpiValue> {
  const { records, aggregation } = input;
  if (aggregation.kind === "ratio") {
    return computeRatio(records, aggregation.numeratorColumn, aggregation.denominatorColumn);
  }
  const values: number[] = [];
  for (const record of records) {
    const value = toNumber(record[aggregation.column]);
    if (value !== null) values.push(value);
  }
  const rowCount = values.length;
  const missingCount = records.length - rowCount;
  if (rowCount === 0) return toInsufficientData(`no ${aggregation.column} outcomes in the window`);
  if (aggregation.kind === "rate" && values.some((value) => value !== 0 && value !== 1)) {
    return toInsufficientData(`rate needs 0/1 or boolean outcomes in ${aggregation.column}`);
  }
  const sum = computeCompensatedSum(values);
  const value = aggregation.kind === "sum" ? sum : sum / rowCount;
  return toOk({ value, rowCount, missingCount, denominator: rowCount });
}

/** A KPI per window (of `windowSpec`) and per segment, plus all traffic (segment null), in time order. */
export function computeBusinessKpiSeries(input: {
  readonly events: readonly KpiEvent[];
  readonly aggregation: KpiAggregation;
  readonly windowSpec: WindowSpec;
}): KpiSeriesPoint[] {
  const sorted = [...input.events].sort((a, b) => a.atMs - b.atMs);
  const groups: { window: TimeWindow; bySegment: Map<string | null, OutcomeRecord[]> }[] = [];
  let current: (typeof groups)[number] | undefined;
  for (const event of sorted) {
    if (current === undefined || event.atMs >= current.window.endMs) {
      current = {
        window: computeWindowContaining(event.atMs, input.windowSpec),
        bySegment: new Map([[null, []]]),
      };
      groups.push(current);
    }
    for (const segment of [null, ...new Set(event.segments ?? [])]) {
      const records = current.bySegment.get(segment) ?? [];
      records.push(event.outcomes);
      current.bySegment.set(segment, records);
    }
  }
  return groups.flatMap(({ window, bySegment }) =>
    [...bySegment.entries()]
      .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : a > b ? 1 : 0))
      .map(([segment, records]) => ({
        window,
        segment,
        result: computeBusinessKpi({ records, aggregation: input.aggregation }),
      })),
  );
}
