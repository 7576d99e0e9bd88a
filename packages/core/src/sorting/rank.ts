/**
 * Ranks with ties (SciPy `rankdata(method="average")`, 1-based midranks) and the pooled tie groups of
 * several samples that the rank-based two-sample tests walk in one sorted pass, O(n log n) via the
 * engine's native numeric typed-array sort. Inputs must be free of NaN (callers clean them).
 */

/** Sorted distinct values of several pooled samples with each sample's count at every value. */
export interface PooledTieGroups {
  /** Distinct values of the pooled samples, ascending. */
  readonly distinctValues: Float64Array;
  /** Pooled count at each distinct value (the tie group size). */
  readonly pooledCounts: Float64Array;
  /** For each input sample, its count at each distinct value. */
  readonly sampleCounts: readonly Float64Array[];
}

/** Returns an ascending copy of the values (numeric order, unlike Array.prototype.sort). */
export function toSortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}

/** Index of the first sorted element that is >= target (or > target when `strict`). */
function computeLowerBound(sorted: Float64Array, target: number, strict: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const value = sorted[mid]!;
    if (value < target || (strict && value === target)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Midranks (1-based, ties averaged) of the values in input order, as SciPy `rankdata(method="average")`. */
export function rankAverage(values: Float64Array): Float64Array {
  const sorted = toSortedCopy(values);
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    const below = computeLowerBound(sorted, value, false);
    const atOrBelow = computeLowerBound(sorted, value, true);
    // Positions below+1 .. atOrBelow share the value; their mean is the midrank.
    ranks[i] = (below + 1 + atOrBelow) / 2;
  }
  return ranks;
}

/**
 * Lengths of the runs of equal values in an ascending array, singletons included (as the counts of
 * `numpy.unique(..., return_counts=True)`), so Σ(t³ - t) over the result is the usual tie term.
 */
export function computeTieCounts(sortedValues: Float64Array): Float64Array {
  const counts: number[] = [];
  let i = 0;
  while (i < sortedValues.length) {
    let j = i + 1;
    while (j < sortedValues.length && sortedValues[j] === sortedValues[i]) j += 1;
    counts.push(j - i);
    i = j;
  }
  return Float64Array.from(counts);
}

/** Σ(t³ - t) over tie group sizes t: the tie correction term of rank-test variances. */
export function computeTieTerm(tieCounts: Float64Array): number {
  let total = 0;
  for (let i = 0; i < tieCounts.length; i += 1) {
    const t = tieCounts[i]!;
    total += t * t * t - t;
  }
  return total;
}

/** Smallest current head value over the sorted samples still being walked. */
function selectSmallestHead(sorted: readonly Float64Array[], positions: Int32Array): number {
  let smallest = Infinity;
  for (let s = 0; s < sorted.length; s += 1) {
    const sample = sorted[s]!;
    const position = positions[s]!;
    if (position < sample.length && sample[position]! < smallest) smallest = sample[position]!;
  }
  return smallest;
}

/** Merges the samples into their pooled tie groups with a k-way walk over each sorted sample. */
export function computePooledTieGroups(samples: readonly Float64Array[]): PooledTieGroups {
  const sorted = samples.map(toSortedCopy);
  const total = sorted.reduce((sum, sample) => sum + sample.length, 0);
  const positions = new Int32Array(sorted.length);
  const distinct = new Float64Array(total);
  const pooled = new Float64Array(total);
  const perSample = sorted.map(() => new Float64Array(total));
  let groups = 0;
  let consumed = 0;
  while (consumed < total) {
    const value = selectSmallestHead(sorted, positions);
    let groupSize = 0;
    for (let s = 0; s < sorted.length; s += 1) {
      const sample = sorted[s]!;
      let position = positions[s]!;
      const start = position;
      while (position < sample.length && sample[position] === value) position += 1;
      positions[s] = position;
      perSample[s]![groups] = position - start;
      groupSize += position - start;
    }
    distinct[groups] = value;
    pooled[groups] = groupSize;
    consumed += groupSize;
    groups += 1;
  }
  return {
    distinctValues: distinct.slice(0, groups),
    pooledCounts: pooled.slice(0, groups),
    sampleCounts: perSample.map((counts) => counts.slice(0, groups)),
  };
}
