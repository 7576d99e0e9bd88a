/**
 * Display summaries of a prepared column for the report: shares per bin over the combined range of both
 * sides (numeric, from the already sorted values by binary search) or per category (top categories plus
 * an "other" share), and type-7 quantiles. Display only: drift scores never read these.
 */
import { computeMoments, computeSortedQuantile, type PreparedColumn } from "@sextant/core";
import type { DistributionSummary, NumericStats, SidePair } from "./report-model.js";

/** Bins of the numeric overlay charts. */
export const displayBinCount = 24;
/** Categories shown before the rest are pooled into "other". */
export const displayCategoryCount = 20;

/** Index of the first value >= x in a sorted array. */
function lowerBound(sorted: Float64Array, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

function toShares(sorted: Float64Array, edges: number[]): number[] {
  const n = sorted.length;
  const shares: number[] = [];
  for (let b = 0; b < edges.length - 1; b++) {
    const start = lowerBound(sorted, edges[b]!);
    const end = b === edges.length - 2 ? n : lowerBound(sorted, edges[b + 1]!);
    shares.push(n === 0 ? 0 : (end - start) / n);
  }
  return shares;
}

function summariseSorted(sorted: Float64Array, sorted2: Float64Array): DistributionSummary {
  const first = Math.min(sorted[0] ?? Infinity, sorted2[0] ?? Infinity);
  const last = Math.max(sorted[sorted.length - 1] ?? -Infinity, sorted2[sorted2.length - 1] ?? -Infinity);
  const [low, high] = first === last ? [first - 0.5, last + 0.5] : [first, last];
  const edges = Array.from({ length: displayBinCount + 1 }, (_, i) =>
    i === displayBinCount ? high : low + ((high - low) * i) / displayBinCount,
  );
  return { type: "histogram", edges, reference: toShares(sorted, edges), current: toShares(sorted2, edges) };
}

function summariseCounts(
  categories: readonly unknown[],
  reference: Float64Array,
  current: Float64Array,
): DistributionSummary {
  const total = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  const refTotal = total(reference) || 1;
  const curTotal = total(current) || 1;
  const order = categories
    .map((_, i) => i)
    .sort((a, b) => reference[b]! + current[b]! - (reference[a]! + current[a]!))
    .slice(0, displayCategoryCount);
  const shown = order.map((i) => ({
    label: String(categories[i]),
    r: reference[i]! / refTotal,
    c: current[i]! / curTotal,
  }));
  const sum = (key: "r" | "c") => shown.reduce((s, v) => s + v[key], 0);
  return {
    type: "categories",
    categories: shown.map((s) => s.label),
    reference: shown.map((s) => s.r),
    current: shown.map((s) => s.c),
    other_reference: Math.max(0, 1 - sum("r")),
    other_current: Math.max(0, 1 - sum("c")),
  };
}

/** The overlay distribution of a prepared column (undefined for embeddings). */
export function computeDistributionSummary(column: PreparedColumn): DistributionSummary | undefined {
  const sample = column.sample;
  if (sample.kind === "numeric") return summariseSorted(sample.reference, sample.current);
  if (sample.kind === "counts") return summariseCounts(sample.categories, sample.reference, sample.current);
  return undefined;
}

const emptyStats: NumericStats = {
  mean: null,
  std: null,
  min: null,
  p25: null,
  median: null,
  p75: null,
  max: null,
};

/** Mean and population std of a sample, when already computed (e.g. by the drift method). */
export interface KnownMoments {
  readonly mean: number;
  readonly stdPopulation: number;
}

/** Mean, population std and quartiles of an ascending sorted sample; `known` = its moments if computed. */
export function computeNumericStats(sorted: Float64Array, known?: KnownMoments): NumericStats {
  if (sorted.length === 0) return emptyStats;
  const moments = known === undefined ? computeMoments(sorted) : { status: "ok" as const, ...known };
  if (moments.status !== "ok") return emptyStats;
  return {
    mean: moments.mean,
    std: moments.stdPopulation,
    min: sorted[0]!,
    p25: computeSortedQuantile(sorted, 0.25),
    median: computeSortedQuantile(sorted, 0.5),
    p75: computeSortedQuantile(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
  };
}

/** Stats of both sides of a numeric prepared column; `referenceMoments` if already computed. */
export function computeSideStats(
  column: PreparedColumn,
  referenceMoments?: KnownMoments,
): SidePair<NumericStats> | undefined {
  if (column.sample.kind !== "numeric") return undefined;
  return {
    reference: computeNumericStats(column.sample.reference, referenceMoments),
    current: computeNumericStats(column.sample.current),
  };
}
