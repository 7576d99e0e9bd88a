/**
 * Ascending sort of finite doubles into a new Float64Array: an LSD radix sort over the IEEE-754 bit
 * patterns (sign bit flipped for positives, all bits inverted for negatives, so unsigned order is
 * numeric order) with four 16-bit digits, skipping digits every key shares; small inputs use the
 * built-in sort. -0 sorts just before +0 (equal values). NaN is outside the contract (callers clean).
 */

const RADIX_BITS = 16;
const RADIX_SIZE = 1 << RADIX_BITS;
const RADIX_MASK = RADIX_SIZE - 1;
const DIGIT_COUNT = 4;
// Below this the fixed cost of four 65536-bucket histograms outweighs the comparison sort's n log n.
const RADIX_THRESHOLD = 12_000;

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW_WORD = IS_LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = 1 - LOW_WORD;

/** Returns an ascending sorted copy of `values` (finite numbers). */
export function sortFloat64(values: ArrayLike<number>): Float64Array {
  const sorted = values instanceof Float64Array ? values.slice() : Float64Array.from(values);
  if (sorted.length < RADIX_THRESHOLD) return sorted.sort();
  return radixSortFloat64(sorted);
}

/** The 32-bit words of a Float64Array's storage (two per value). */
function toWords(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
}

/** Counts digits firstDigit..3 of every key in one pass; histogram d occupies [d·RADIX_SIZE, (d+1)·RADIX_SIZE). */
function computeDigitHistograms(words: Uint32Array, firstDigit: number): Uint32Array {
  const histograms = new Uint32Array(DIGIT_COUNT * RADIX_SIZE);
  const count = words.length >>> 1;
  for (let i = 0; i < count; i += 1) {
    const high = words[2 * i + HIGH_WORD]!;
    // Negative numbers (sign bit set) get every bit inverted, the others only the sign bit.
    const flip = high >> 31;
    const keyHigh = high ^ (flip | 0x80000000);
    const keyLow = words[2 * i + LOW_WORD]! ^ flip;
    if (firstDigit === 0) histograms[keyLow & RADIX_MASK]! += 1;
    histograms[RADIX_SIZE + (keyLow >>> RADIX_BITS)]! += 1;
    histograms[2 * RADIX_SIZE + (keyHigh & RADIX_MASK)]! += 1;
    histograms[3 * RADIX_SIZE + (keyHigh >>> RADIX_BITS)]! += 1;
  }
  return histograms;
}

/** Turns one digit's histogram into bucket start offsets; false when one bucket holds every key (no-op pass). */
function isPassNeeded(histogram: Uint32Array, count: number): boolean {
  let offset = 0;
  for (let bucket = 0; bucket < RADIX_SIZE; bucket += 1) {
    const size = histogram[bucket]!;
    if (size === count) return false;
    histogram[bucket] = offset;
    offset += size;
  }
  return true;
}

/** Stable scatter of all values by one 16-bit key digit from `source` into `target`. */
function scatterByDigit(
  source: Float64Array,
  target: Float64Array,
  offsets: Uint32Array,
  digit: number,
): void {
  const words = toWords(source);
  const count = source.length;
  const shift = (digit & 1) * RADIX_BITS;
  if (digit < 2) {
    for (let i = 0; i < count; i += 1) {
      const flip = words[2 * i + HIGH_WORD]! >> 31;
      const bucket = ((words[2 * i + LOW_WORD]! ^ flip) >>> shift) & RADIX_MASK;
      const position = offsets[bucket]!;
      offsets[bucket] = position + 1;
      target[position] = source[i]!;
    }
    return;
  }
  for (let i = 0; i < count; i += 1) {
    const high = words[2 * i + HIGH_WORD]!;
    const bucket = ((high ^ ((high >> 31) | 0x80000000)) >>> shift) & RADIX_MASK;
    const position = offsets[bucket]!;
    offsets[bucket] = position + 1;
    target[position] = source[i]!;
  }
}

/**
 * Insertion-sorts `values` in place when that takes at most `budget` element moves; false (with
 * `values` still a permutation of its input) when the budget runs out.
 */
function isInsertionSortedWithin(values: Float64Array, budget: number): boolean {
  let moves = 0;
  for (let i = 1; i < values.length; i += 1) {
    const value = values[i]!;
    let k = i;
    while (k > 0 && values[k - 1]! > value) {
      values[k] = values[k - 1]!;
      k -= 1;
    }
    values[k] = value;
    moves += i - k;
    if (moves > budget) return false;
  }
  return true;
}

/** Runs the LSD passes for digits [firstDigit, DIGIT_COUNT); returns the array holding the result. */
function runRadixPasses(data: Float64Array, histograms: Uint32Array, firstDigit: number): Float64Array {
  let source = data;
  let target: Float64Array = new Float64Array(data.length);
  for (let digit = firstDigit; digit < DIGIT_COUNT; digit += 1) {
    const offsets = histograms.subarray(digit * RADIX_SIZE, (digit + 1) * RADIX_SIZE);
    if (!isPassNeeded(offsets, data.length)) continue;
    scatterByDigit(source, target, offsets, digit);
    [source, target] = [target, source];
  }
  return source;
}

/**
 * Sorts `data` by the upper 48 key bits with three passes and lets an insertion pass order the rare
 * runs that share them; when that would cost more than n/4 moves (many values differing only in the
 * lowest 16 bits), it runs the full four passes instead. Returns the array holding the result.
 */
function radixSortFloat64(data: Float64Array): Float64Array {
  const histograms = computeDigitHistograms(toWords(data), 1);
  const sortedHigh = runRadixPasses(data, histograms, 1);
  if (isInsertionSortedWithin(sortedHigh, sortedHigh.length / 4)) return sortedHigh;
  return runRadixPasses(sortedHigh, computeDigitHistograms(toWords(sortedHigh), 0), 0);
}
