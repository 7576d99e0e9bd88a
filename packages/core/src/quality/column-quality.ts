/**
 * Data quality of one column, current against reference: missing share per side, values outside the
 * reference range (numeric), categories never seen in the reference (categorical), and constant columns.
 * Missing means NaN/±Infinity for numbers and code -1 for categories; shares of an empty side are 0.
 */
import { countCodes, type Category } from "../drift/category-counts.js";

/** Missing values of one side. */
export interface MissingCount {
  readonly count: number;
  readonly share: number;
}

/** What every column's quality holds. */
export interface ColumnQualityBase {
  readonly missingReference: MissingCount;
  readonly missingCurrent: MissingCount;
  /** A side with exactly one distinct non-missing value. */
  readonly constantReference: boolean;
  readonly constantCurrent: boolean;
}

/** Numeric quality: the reference range and the current values outside it. */
export interface NumericColumnQuality extends ColumnQualityBase {
  readonly kind: "numeric";
  /** Reference min/max; undefined when the reference has no values. */
  readonly referenceMin?: number;
  readonly referenceMax?: number;
  readonly outOfRangeCount: number;
  /** Out-of-range count / non-missing current values. */
  readonly outOfRangeShare: number;
}

/** Categorical quality: categories new in current and categories gone from current. */
export interface CategoricalColumnQuality extends ColumnQualityBase {
  readonly kind: "categorical";
  readonly newCategories: readonly Category[];
  /** Current rows holding a category the reference never had. */
  readonly newCategoryCount: number;
  readonly newCategoryShare: number;
  readonly missingCategories: readonly Category[];
}

function toMissing(count: number, size: number): MissingCount {
  return { count, share: size === 0 ? 0 : count / size };
}

function summariseNumeric(values: ArrayLike<number>) {
  let missing = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { missing, min, max, present: values.length - missing };
}

/** Quality of a numeric column (NaN/±Infinity = missing). */
export function computeNumericColumnQuality(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): NumericColumnQuality {
  const ref = summariseNumeric(reference);
  const cur = summariseNumeric(current);
  let outOfRange = 0;
  if (ref.present > 0) {
    for (let i = 0; i < current.length; i++) {
      const v = current[i]!;
      if (Number.isFinite(v) && (v < ref.min || v > ref.max)) outOfRange++;
    }
  }
  return {
    kind: "numeric",
    missingReference: toMissing(ref.missing, reference.length),
    missingCurrent: toMissing(cur.missing, current.length),
    constantReference: ref.present > 0 && ref.min === ref.max,
    constantCurrent: cur.present > 0 && cur.min === cur.max,
    ...(ref.present > 0 ? { referenceMin: ref.min, referenceMax: ref.max } : {}),
    outOfRangeCount: outOfRange,
    outOfRangeShare: cur.present === 0 ? 0 : outOfRange / cur.present,
  };
}

/** Index of the first value of an ascending array that is >= x (`strict`: > x). */
function searchSorted(sorted: Float64Array, x: number, strict: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (strict ? sorted[mid]! <= x : sorted[mid]! < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The same quality from both sides already cleaned and sorted ascending (as drift preparation leaves
 * them) plus their missing counts: min and max are the ends, out-of-range values two binary searches.
 */
export function computeNumericColumnQualityFromSorted(input: {
  readonly referenceSorted: Float64Array;
  readonly currentSorted: Float64Array;
  readonly referenceMissing: number;
  readonly currentMissing: number;
}): NumericColumnQuality {
  const ref = input.referenceSorted;
  const cur = input.currentSorted;
  const first = (a: Float64Array) => a[0]!;
  const last = (a: Float64Array) => a[a.length - 1]!;
  const outOfRange =
    ref.length === 0
      ? 0
      : searchSorted(cur, first(ref), false) + cur.length - searchSorted(cur, last(ref), true);
  return {
    kind: "numeric",
    missingReference: toMissing(input.referenceMissing, ref.length + input.referenceMissing),
    missingCurrent: toMissing(input.currentMissing, cur.length + input.currentMissing),
    constantReference: ref.length > 0 && first(ref) === last(ref),
    constantCurrent: cur.length > 0 && first(cur) === last(cur),
    ...(ref.length > 0 ? { referenceMin: first(ref), referenceMax: last(ref) } : {}),
    outOfRangeCount: outOfRange,
    outOfRangeShare: cur.length === 0 ? 0 : outOfRange / cur.length,
  };
}

const countDistinct = (counts: Float64Array) => counts.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);

/** Quality of a categorical column given as codes into `categories` (code -1 = missing). */
export function computeCategoricalColumnQuality(input: {
  readonly categories: readonly Category[];
  readonly reference: Int32Array;
  readonly current: Int32Array;
}): CategoricalColumnQuality {
  const size = input.categories.length;
  const ref = countCodes(input.reference, size);
  const cur = countCodes(input.current, size);
  return computeCategoricalColumnQualityFromCounts({
    categories: input.categories,
    referenceCounts: ref.counts,
    currentCounts: cur.counts,
    referenceMissing: ref.missing,
    currentMissing: cur.missing,
  });
}

/**
 * The same quality from per-category counts of both sides (as drift preparation leaves them) and the
 * missing counts; categories are listed in the order given.
 */
export function computeCategoricalColumnQualityFromCounts(input: {
  readonly categories: readonly Category[];
  readonly referenceCounts: Float64Array;
  readonly currentCounts: Float64Array;
  readonly referenceMissing: number;
  readonly currentMissing: number;
}): CategoricalColumnQuality {
  const { referenceCounts: ref, currentCounts: cur } = input;
  const newCategories: Category[] = [];
  const missingCategories: Category[] = [];
  let newCount = 0;
  let refPresent = 0;
  let curPresent = 0;
  for (let k = 0; k < input.categories.length; k++) {
    refPresent += ref[k]!;
    curPresent += cur[k]!;
    if (ref[k] === 0 && cur[k]! > 0) {
      newCategories.push(input.categories[k]!);
      newCount += cur[k]!;
    }
    if (ref[k]! > 0 && cur[k] === 0) missingCategories.push(input.categories[k]!);
  }
  return {
    kind: "categorical",
    missingReference: toMissing(input.referenceMissing, refPresent + input.referenceMissing),
    missingCurrent: toMissing(input.currentMissing, curPresent + input.currentMissing),
    constantReference: countDistinct(ref) === 1,
    constantCurrent: countDistinct(cur) === 1,
    newCategories,
    newCategoryCount: newCount,
    newCategoryShare: curPresent === 0 ? 0 : newCount / curPresent,
    missingCategories,
  };
}
