/**
 * Category counting for the categorical drift tests: the sorted union of the categories seen on either
 * side and the two count vectors aligned to it. Order follows Python's sort (numbers numerically,
 * strings by Unicode code point); mixed types, which Python refuses to sort, are ordered numbers and
 * booleans first (false = 0, true = 1, a boolean before an equal number), then strings.
 */

/** A categorical value as it arrives from a column. */
export type Category = string | number | boolean;

/** Categories in sorted order with the reference and current counts aligned to them. */
export interface CategoryCounts {
  readonly categories: Category[];
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

// Surrogates (0xD800-0xDFFF) encode code points above 0xFFFF, so they must rank above 0xE000-0xFFFF.
const SURROGATE_START = 0xd800;
const PRIVATE_USE_START = 0xe000;

/** Maps a UTF-16 code unit to a key whose order is the code point order of the characters. */
function toCodePointOrderKey(unit: number): number {
  if (unit < SURROGATE_START) return unit;
  return unit >= PRIVATE_USE_START ? unit - 0x800 : unit + 0x2000;
}

/** Compares two strings by Unicode code point, as Python and NumPy do (JS `<` compares code units). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return toCodePointOrderKey(x) - toCodePointOrderKey(y);
  }
  return a.length - b.length;
}

/** Total order on categories: Python's order within a type, numbers/booleans before strings. */
export function compareCategories(a: Category, b: Category): number {
  const aIsString = typeof a === "string";
  const bIsString = typeof b === "string";
  if (aIsString || bIsString) {
    if (aIsString && bIsString) return compareCodePoints(a, b);
    return aIsString ? 1 : -1;
  }
  const difference = Number(a) - Number(b);
  if (difference !== 0) return difference;
  // Equal numeric value: keep `false`/`true` distinct from 0/1 with a fixed order.
  const aIsBoolean = typeof a === "boolean";
  return aIsBoolean === (typeof b === "boolean") ? 0 : aIsBoolean ? -1 : 1;
}

/** Sorts the keys of a slot map and returns the categories with count vectors in that order. */
function alignSlots(
  slots: Map<Category, number>,
  referenceSlots: number[],
  currentSlots: number[],
): CategoryCounts {
  const categories = [...slots.keys()].sort(compareCategories);
  const reference = new Float64Array(categories.length);
  const current = new Float64Array(categories.length);
  categories.forEach((category, position) => {
    const slot = slots.get(category) ?? 0;
    reference[position] = referenceSlots[slot] ?? 0;
    current[position] = currentSlots[slot] ?? 0;
  });
  return { categories, reference, current };
}

/** Adds one side's values into the shared slot map, counting into `counts` by slot. */
function accumulateSide(values: readonly Category[], slots: Map<Category, number>, counts: number[]): void {
  for (const value of values) {
    let slot = slots.get(value);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(value, slot);
    }
    // Keep the array packed (no holes) so V8 keeps it on the fast path for a million increments.
    while (counts.length <= slot) counts.push(0);
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
}

/** Counts the categories of both sides over their sorted union (Map-based, one pass per side). */
export function countCategories(
  reference: readonly Category[],
  current: readonly Category[],
): CategoryCounts {
  const slots = new Map<Category, number>();
  const referenceSlots: number[] = [];
  const currentSlots: number[] = [];
  accumulateSide(reference, slots, referenceSlots);
  accumulateSide(current, slots, currentSlots);
  return alignSlots(slots, referenceSlots, currentSlots);
}

/** Aligns two pre-counted category maps (e.g. stored window profiles) over their sorted union. */
export function alignCategoryCounts(
  reference: ReadonlyMap<Category, number>,
  current: ReadonlyMap<Category, number>,
): CategoryCounts {
  const slots = new Map<Category, number>();
  const referenceSlots: number[] = [];
  const currentSlots: number[] = [];
  for (const [side, counts] of [
    [reference, referenceSlots],
    [current, currentSlots],
  ] as const) {
    for (const [category, count] of side) {
      let slot = slots.get(category);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(category, slot);
      }
      while (counts.length <= slot) counts.push(0);
      counts[slot] = (counts[slot] ?? 0) + count;
    }
  }
  return alignSlots(slots, referenceSlots, currentSlots);
}

/** Counts of each category code in [0, size) and of the rest (−1 = missing), in one pass. */
export function countCodes(codes: Int32Array, size: number): { counts: Float64Array; missing: number } {
  const counts = new Float64Array(size);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code >= 0 && code < size) counts[code]!++;
    else missing++;
  }
  return { counts, missing };
}
