/**
 * Ascending sort of finite doubles into a new Float64Array, or in place: an LSD radix sort over the IEEE-754 bit
 * patterns (sign bit flipped for positives, all bits inverted for negatives, so unsigned order is
 * numeric order) with up to four 16-bit digits, skipping digits every key shares and, when an
 * insertion pass can finish the job cheaply, the low digits; small inputs use the built-in sort. -0 sorts just before +0 (equal values). NaN is
 * outside the contract (callers clean).
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

/** Returns an ascending sorted copy of `values` (finite numbers); `values` is never modified. */
export function sortFloat64(values: ArrayLike<number>): Float64Array {
  // A large Float64Array is scattered straight out of the input: the first pass makes the copy.
  if (values instanceof Float64Array && values.length >= RADIX_THRESHOLD) {
    return radixSortFloat64(values, new Float64Array(values.length));
  }
  const sorted = values instanceof Float64Array ? values.slice() : Float64Array.from(values);
  return sortFloat64InPlace(sorted);
}

/**
 * Sorts `values` (finite numbers) ascending in place and returns it: for arrays the caller owns and no
 * longer needs in their old order, so a large sort touches no fresh memory for its result (the radix
 * passes alternate between `values` and a kept scratch array).
 */
export function sortFloat64InPlace(values: Float64Array): Float64Array {
  if (values.length < RADIX_THRESHOLD) return values.sort();
  return radixSortFloat64(values, values);
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
    if (firstDigit <= 1) histograms[RADIX_SIZE + (keyLow >>> RADIX_BITS)]! += 1;
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

/**
 * The intermediate array of multi-pass sorts, kept between calls (sorting is synchronous, so one per
 * thread is enough): a fresh array per pass meant touching new memory for every sort, and fresh pages
 * cost a page fault each (a large share of a big report's system time).
 */
let scratch = new Float64Array(0);

function takeScratch(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(length);
  return scratch.subarray(0, length);
}

/**
 * Runs the LSD passes for digits [firstDigit, DIGIT_COUNT) of `data` into `result`, which is either
 * another array of the same length (`data` is then never changed) or `data` itself: the passes alternate
 * between `result` and the scratch array, ordered so the last one writes into `result` (in place with an
 * odd number of passes, `data` is first copied to the scratch array and the passes start from there).
 */
function runRadixPasses(
  data: Float64Array,
  histograms: Uint32Array,
  firstDigit: number,
  result: Float64Array,
): void {
  const digits: number[] = [];
  for (let digit = firstDigit; digit < DIGIT_COUNT; digit += 1) {
    if (isPassNeeded(histograms.subarray(digit * RADIX_SIZE, (digit + 1) * RADIX_SIZE), data.length))
      digits.push(digit);
  }
  const inPlace = result === data;
  if (digits.length === 0) {
    if (!inPlace) result.set(data);
    return;
  }
  const spare = digits.length > 1 || inPlace ? takeScratch(data.length) : result;
  let source = data;
  if (inPlace && digits.length % 2 === 1) {
    spare.set(data);
    source = spare;
  }
  digits.forEach((digit, pass) => {
    const target = (digits.length - 1 - pass) % 2 === 0 ? result : spare;
    scatterByDigit(source, target, histograms.subarray(digit * RADIX_SIZE, (digit + 1) * RADIX_SIZE), digit);
    source = target;
  });
}

/**
 * Sorts `data` by the upper 32 key bits (sign, exponent and 20 mantissa bits, which tell most real data
 * apart) with two passes and lets an insertion pass order the few runs that share them. When that would
 * cost more than n/2 moves it sorts by the upper 48 bits (three passes) with insertion within n/4 moves,
 * and only then runs all four passes. Each attempt starts LSD passes afresh on the array the previous one
 * left (any permutation of the input), so the result is the same sorted array whichever attempt ends it.
 * The sorted values end up in `result`: a fresh array (`data` is left as it was) or `data` itself.
 */
function radixSortFloat64(data: Float64Array, result: Float64Array): Float64Array {
  runRadixPasses(data, computeDigitHistograms(toWords(data), 2), 2, result);
  if (isInsertionSortedWithin(result, result.length / 2)) return result;
  // `result` holds a permutation of the input now: the later attempts sort it in place.
  runRadixPasses(result, computeDigitHistograms(toWords(result), 1), 1, result);
  if (isInsertionSortedWithin(result, result.length / 4)) return result;
  runRadixPasses(result, computeDigitHistograms(toWords(result), 0), 0, result);
  return result;
}
