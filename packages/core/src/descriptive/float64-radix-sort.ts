/**
 * Ascending sort of float64 values by LSD radix sort on their IEEE-754 bits (8-bit digits, passes whose
 * digit never varies are skipped): O(n), several times faster than the built-in typed-array sort on
 * 10⁵+ values. Bits are mapped so that unsigned order equals numeric order (-0 before +0, as the
 * built-in sort); NaN is not expected (callers remove it).
 */

const NATIVE_SORT_MAX_LENGTH = 2048;
const RADIX = 256;
const PASS_COUNT = 8;

/** Maps each value's bits in place to a key whose unsigned (hi, lo) order is the numeric order. */
function toSortableKeys(words: Uint32Array): void {
  for (let i = 0; i < words.length; i += 2) {
    const high = words[i + 1]!;
    if (high & 0x80000000) {
      words[i] = ~words[i]!;
      words[i + 1] = ~high;
    } else {
      words[i + 1] = high | 0x80000000;
    }
  }
}

function fromSortableKeys(words: Uint32Array): void {
  for (let i = 0; i < words.length; i += 2) {
    const high = words[i + 1]!;
    if (high & 0x80000000) {
      words[i + 1] = high & 0x7fffffff;
    } else {
      words[i] = ~words[i]!;
      words[i + 1] = ~high;
    }
  }
}

/** Per pass, how many keys carry each digit value. */
function computeDigitCounts(words: Uint32Array): Uint32Array {
  const counts = new Uint32Array(PASS_COUNT * RADIX);
  for (let i = 0; i < words.length; i += 2) {
    const low = words[i]!;
    const high = words[i + 1]!;
    counts[low & 255]!++;
    counts[256 + ((low >>> 8) & 255)]!++;
    counts[512 + ((low >>> 16) & 255)]!++;
    counts[768 + (low >>> 24)]!++;
    counts[1024 + (high & 255)]!++;
    counts[1280 + ((high >>> 8) & 255)]!++;
    counts[1536 + ((high >>> 16) & 255)]!++;
    counts[1792 + (high >>> 24)]!++;
  }
  return counts;
}

function scatterByDigit(input: {
  source: Uint32Array;
  target: Uint32Array;
  counts: Uint32Array;
  pass: number;
}): void {
  const { source, target, counts, pass } = input;
  const offsets = new Uint32Array(RADIX);
  let running = 0;
  for (let d = 0; d < RADIX; d++) {
    offsets[d] = running;
    running += counts[pass * RADIX + d]!;
  }
  const wordOffset = pass < 4 ? 0 : 1;
  const shift = (pass % 4) * 8;
  for (let i = 0; i < source.length; i += 2) {
    const digit = (source[i + wordOffset]! >>> shift) & 255;
    const slot = 2 * offsets[digit]!++;
    target[slot] = source[i]!;
    target[slot + 1] = source[i + 1]!;
  }
}

/** A new Float64Array holding `values` in ascending numeric order. */
export function deriveSortedFloat64(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values);
  const n = sorted.length;
  if (n <= NATIVE_SORT_MAX_LENGTH) return sorted.sort();
  let source = new Uint32Array(sorted.buffer);
  let target = new Uint32Array(2 * n);
  toSortableKeys(source);
  const counts = computeDigitCounts(source);
  for (let pass = 0; pass < PASS_COUNT; pass++) {
    let constantDigit = false;
    for (let d = 0; d < RADIX; d++) if (counts[pass * RADIX + d] === n) constantDigit = true;
    if (constantDigit) continue;
    scatterByDigit({ source, target, counts, pass });
    [source, target] = [target, source];
  }
  fromSortableKeys(source);
  return new Float64Array(source.buffer);
}
