/**
 * The column shapes drift methods work on, and their preparation: missing values (null, NaN, ±Infinity)
 * are removed and counted, numeric sides are sorted once, categorical sides become aligned counts.
 */
import type { EmbeddingMatrix } from "../numeric/embedding-matrix.js";
import { sortFloat64, sortFloat64InPlace } from "../sorting/sort-float64.js";
import { summarisePooledSorted } from "./methods/wasserstein.js";
import { compareCategories, countCodes, type Category } from "./category-counts.js";

/** How a column is treated by drift detection. */
export type ColumnKind = "numeric" | "categorical" | "embedding";

/** A numeric column: NaN and ±Infinity mark missing values. */
export interface NumericDriftColumn {
  readonly name: string;
  readonly kind: "numeric";
  readonly reference: ArrayLike<number>;
  readonly current: ArrayLike<number>;
}

/** A categorical column as dictionary codes (code -1 = missing) into `categories`. */
export interface CategoricalDriftColumn {
  readonly name: string;
  readonly kind: "categorical";
  readonly categories: readonly Category[];
  readonly reference: Int32Array;
  readonly current: Int32Array;
}

/** An embedding column: one vector per row, all of one dimension. */
export interface EmbeddingDriftColumn {
  readonly name: string;
  readonly kind: "embedding";
  readonly reference: EmbeddingMatrix;
  readonly current: EmbeddingMatrix;
}

/** Any column drift can be computed on. */
export type DriftColumn = NumericDriftColumn | CategoricalDriftColumn | EmbeddingDriftColumn;

/** A numeric column after cleaning: both sides sorted ascending, finite values only. */
export interface PreparedNumeric {
  readonly kind: "numeric";
  readonly reference: Float64Array;
  readonly current: Float64Array;
  /** W1 between the sides when both have values: it comes with the distinct count from one merge. */
  readonly wassersteinDistance?: number;
}

/** Aligned counts over the sorted union of categories (or distinct numeric values). */
export interface PreparedCounts {
  readonly kind: "counts";
  readonly categories: readonly Category[];
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

/** An embedding column as given (embeddings carry no missing marker). */
export interface PreparedEmbedding {
  readonly kind: "embedding";
  readonly reference: EmbeddingMatrix;
  readonly current: EmbeddingMatrix;
}

/** A column ready for drift methods, with the sample facts method choice needs. */
export interface PreparedColumn {
  readonly name: string;
  readonly columnKind: ColumnKind;
  readonly sample: PreparedNumeric | PreparedCounts | PreparedEmbedding;
  readonly referenceSize: number;
  readonly currentSize: number;
  readonly referenceMissing: number;
  readonly currentMissing: number;
  /** Distinct values over reference ∪ current after removal (0 for embeddings). */
  readonly uniqueCount: number;
}

/** Copies the finite values of `values` into a new array and counts the rest as missing. */
export function selectFiniteValues(values: ArrayLike<number>): { values: Float64Array; missing: number } {
  const out = new Float64Array(values.length);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[size++] = v;
  }
  return { values: size === out.length ? out : out.slice(0, size), missing: values.length - size };
}

/** Counts the values of `values` that are missing (NaN or ±Infinity). */
export function countMissingValues(values: ArrayLike<number>): number {
  let missing = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) missing++;
  return missing;
}

/**
 * The side sorted ascending without missing values. Copies once (the sort's copy, or the finite values'
 * copy, sorted where it is); with `inPlace` (a Float64Array its owner no longer needs in row order) the
 * finite values are moved to the front of `values` when some are missing and sorted there: no new memory.
 */
function sortFiniteValues(
  values: ArrayLike<number>,
  inPlace: boolean,
): { sorted: Float64Array; missing: number } {
  const missing = countMissingValues(values);
  if (inPlace && values instanceof Float64Array) {
    let size = values.length;
    if (missing > 0) {
      size = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (Number.isFinite(v)) values[size++] = v;
      }
    }
    return { sorted: sortFloat64InPlace(values.subarray(0, size)), missing };
  }
  if (missing === 0) return { sorted: sortFloat64(values), missing };
  return { sorted: sortFloat64InPlace(selectFiniteValues(values).values), missing };
}

/** Counts distinct values of two sorted arrays taken together (one merge; the tails need no comparison). */
export function countDistinctSorted(a: Float64Array, b: Float64Array): number {
  let [i, j, distinct, last] = [0, 0, 0, Number.NaN];
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    let v: number;
    if (x <= y) {
      v = x;
      i++;
    } else {
      v = y;
      j++;
    }
    if (v !== last) {
      distinct++;
      last = v;
    }
  }
  for (; i < a.length; i++) {
    if (a[i] !== last) {
      distinct++;
      last = a[i]!;
    }
  }
  for (; j < b.length; j++) {
    if (b[j] !== last) {
      distinct++;
      last = b[j]!;
    }
  }
  return distinct;
}

/** Turns two sorted numeric sides into aligned counts per distinct value (values become categories). */
export function countSortedValues(reference: Float64Array, current: Float64Array): PreparedCounts {
  const categories: number[] = [];
  const ref: number[] = [];
  const cur: number[] = [];
  let i = 0;
  let j = 0;
  while (i < reference.length || j < current.length) {
    const v =
      j >= current.length || (i < reference.length && reference[i]! <= current[j]!)
        ? reference[i]!
        : current[j]!;
    let r = 0;
    let c = 0;
    while (i < reference.length && reference[i] === v) {
      r++;
      i++;
    }
    while (j < current.length && current[j] === v) {
      c++;
      j++;
    }
    categories.push(v);
    ref.push(r);
    cur.push(c);
  }
  return { kind: "counts", categories, reference: Float64Array.from(ref), current: Float64Array.from(cur) };
}

function prepareCategorical(column: CategoricalDriftColumn): PreparedColumn {
  const size = column.categories.length;
  const ref = countCodes(column.reference, size);
  const cur = countCodes(column.current, size);
  // Keep only categories seen on either side, in sorted order, so counts align with SciPy's sorted union.
  const order = [...column.categories.keys()]
    .filter((k) => ref.counts[k]! + cur.counts[k]! > 0)
    .sort((x, y) => compareCategories(column.categories[x]!, column.categories[y]!));
  const sample: PreparedCounts = {
    kind: "counts",
    categories: order.map((k) => column.categories[k]!),
    reference: Float64Array.from(order, (k) => ref.counts[k]!),
    current: Float64Array.from(order, (k) => cur.counts[k]!),
  };
  return {
    name: column.name,
    columnKind: "categorical",
    sample,
    referenceSize: column.reference.length - ref.missing,
    currentSize: column.current.length - cur.missing,
    referenceMissing: ref.missing,
    currentMissing: cur.missing,
    uniqueCount: order.length,
  };
}

/** Merges two ascending arrays into one ascending array (ties: `a` first). */
export function mergeSortedValues(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  out.set(a.subarray(i), k);
  out.set(b.subarray(j), k + a.length - i);
  return out;
}

/**
 * A numeric column prepared from sides already cleaned and sorted ascending (for instance class-split
 * scores merged back), with the counts of values removed as missing; no sort is repeated.
 */
export function prepareSortedNumericColumn(input: {
  readonly name: string;
  readonly referenceSorted: Float64Array;
  readonly currentSorted: Float64Array;
  readonly referenceMissing: number;
  readonly currentMissing: number;
}): PreparedColumn {
  const reference = input.referenceSorted;
  const current = input.currentSorted;
  // The distinct count needs a merge of the sides; W1 (the default method at scale) rides along.
  const pooled =
    reference.length > 0 && current.length > 0 ? summarisePooledSorted(reference, current) : undefined;
  return {
    name: input.name,
    columnKind: "numeric",
    sample:
      pooled === undefined
        ? { kind: "numeric", reference, current }
        : { kind: "numeric", reference, current, wassersteinDistance: pooled.wassersteinDistance },
    referenceSize: reference.length,
    currentSize: current.length,
    referenceMissing: input.referenceMissing,
    currentMissing: input.currentMissing,
    uniqueCount: pooled?.distinctCount ?? countDistinctSorted(reference, current),
  };
}

/** How `prepareDriftColumn` may treat the column it is given. */
export interface PrepareDriftColumnOptions {
  /**
   * The caller no longer needs a numeric column's sides in row order: they are sorted where they are
   * (same values, order lost; missing ones overwritten), and the prepared sample holds views of them.
   */
  readonly sortInPlace?: boolean;
}

/** Cleans and prepares a column once, so several drift methods can run on it without repeating work. */
export function prepareDriftColumn(
  column: DriftColumn,
  options: PrepareDriftColumnOptions = {},
): PreparedColumn {
  switch (column.kind) {
    case "numeric": {
      const inPlace = options.sortInPlace === true;
      const ref = sortFiniteValues(column.reference, inPlace);
      const cur = sortFiniteValues(column.current, inPlace);
      return prepareSortedNumericColumn({
        name: column.name,
        referenceSorted: ref.sorted,
        currentSorted: cur.sorted,
        referenceMissing: ref.missing,
        currentMissing: cur.missing,
      });
    }
    case "categorical":
      return prepareCategorical(column);
    case "embedding":
      return {
        name: column.name,
        columnKind: "embedding",
        sample: { kind: "embedding", reference: column.reference, current: column.current },
        referenceSize: column.reference.rowCount,
        currentSize: column.current.rowCount,
        referenceMissing: 0,
        currentMissing: 0,
        uniqueCount: 0,
      };
  }
}
