/**
 * Shares of a feature's values in a reference and a current sample over shared bins (numeric: equal-width
 * edges over both samples; categorical: the union of categories), for the distribution overlay chart.
 */

/** Bin labels and the share of each sample in each bin. */
export interface OverlayHistogram {
  readonly kind: "numeric" | "categorical";
  readonly labels: readonly string[];
  /** Bin centres (numeric) or category indexes (categorical), for the x axis. */
  readonly positions: readonly number[];
  readonly reference: readonly number[];
  readonly current: readonly number[];
  readonly referenceSize: number;
  readonly currentSize: number;
}

function toShares(counts: readonly number[], total: number): number[] {
  return counts.map((count) => (total === 0 ? 0 : count / total));
}

function formatEdge(value: number): string {
  return Math.abs(value) >= 1000 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
}

/** Builds the overlay of two samples; null and non-finite values are skipped. */
export function computeOverlayHistogram(
  reference: readonly unknown[],
  current: readonly unknown[],
  binCount = 20,
): OverlayHistogram {
  const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  const present = (v: unknown): boolean =>
    v !== null && v !== undefined && !(typeof v === "number" && !Number.isFinite(v));
  const all = [...reference, ...current].filter(present);
  if (all.length > 0 && all.every(isNumber) && new Set(all).size > 2) {
    const ref = reference.filter(isNumber);
    const cur = current.filter(isNumber);
    let min = Infinity;
    let max = -Infinity;
    for (const v of all) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const width = (max - min) / binCount || 1;
    const bin = (v: number): number => Math.min(binCount - 1, Math.floor((v - min) / width));
    const refCounts = new Array<number>(binCount).fill(0);
    const curCounts = new Array<number>(binCount).fill(0);
    for (const v of ref) refCounts[bin(v)]! += 1;
    for (const v of cur) curCounts[bin(v)]! += 1;
    const positions = refCounts.map((_, i) => min + (i + 0.5) * width);
    return {
      kind: "numeric",
      labels: positions.map((_, i) => `${formatEdge(min + i * width)}–${formatEdge(min + (i + 1) * width)}`),
      positions,
      reference: toShares(refCounts, ref.length),
      current: toShares(curCounts, cur.length),
      referenceSize: ref.length,
      currentSize: cur.length,
    };
  }
  const ref = reference.filter(present).map(String);
  const cur = current.filter(present).map(String);
  const labels = [...new Set([...ref, ...cur])].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const refCounts = new Array<number>(labels.length).fill(0);
  const curCounts = new Array<number>(labels.length).fill(0);
  for (const v of ref) refCounts[index.get(v)!]! += 1;
  for (const v of cur) curCounts[index.get(v)!]! += 1;
  return {
    kind: "categorical",
    labels,
    positions: labels.map((_, i) => i),
    reference: toShares(refCounts, ref.length),
    current: toShares(curCounts, cur.length),
    referenceSize: ref.length,
    currentSize: cur.length,
  };
}
