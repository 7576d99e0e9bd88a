/**
 * Duplicate rows of a table held as columns: each row gets a 53-bit hash of its values (numbers by their
 * IEEE-754 bits, category codes, strings by UTF-16 units; missing values hash alike), or a 64-bit row
 * hash computed elsewhere (e.g. by DuckDB) is cut to 53 bits (those rows filtered first through a bitmap
 * of their top bits); equal hashes are counted after a bucket scatter by their top bits and a sort within
 * each bucket. A hash collision could merge two distinct rows; at 53 bits the chance for a million rows
 * is about 1e-4, so the count is exact in practice and documented as such.
 */

/** One column of a table: numbers (NaN = missing), codes, or strings (null = missing). */
export type HashableColumn = Float64Array | Int32Array | readonly (string | null)[];

const PRIME_A = 0x9e3779b1;
const PRIME_B = 0x85ebca77;

function mix(h: number, v: number): number {
  let x = Math.imul(h ^ v, PRIME_A);
  x ^= x >>> 15;
  return Math.imul(x, PRIME_B) ^ (x >>> 13);
}

function hashString(text: string | null, seed: number): number {
  if (text === null) return mix(seed, 0x7fffffff);
  let h = mix(seed, text.length);
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

function mixColumn(column: HashableColumn, high: Uint32Array, low: Uint32Array): void {
  const rows = high.length;
  if (column instanceof Float64Array) {
    const words = new Uint32Array(column.buffer, column.byteOffset, rows * 2);
    for (let r = 0; r < rows; r++) {
      const a = Number.isNaN(column[r]!) ? 0x7ff80000 : words[2 * r]!;
      const b = Number.isNaN(column[r]!) ? 0 : words[2 * r + 1]!;
      high[r] = mix(mix(high[r]!, a), b);
      low[r] = mix(mix(low[r]!, b), a);
    }
  } else if (column instanceof Int32Array) {
    for (let r = 0; r < rows; r++) {
      high[r] = mix(high[r]!, column[r]!);
      low[r] = mix(low[r]!, ~column[r]!);
    }
  } else {
    for (let r = 0; r < rows; r++) {
      high[r] = mix(high[r]!, hashString(column[r] ?? null, 1));
      low[r] = mix(low[r]!, hashString(column[r] ?? null, 2));
    }
  }
}

// 32 high bits × 2^21 + 21 low bits: an exact integer below 2^53, so doubles sort and compare it exactly.
const toKey = (high: number, low: number) => (high >>> 0) * 2097152 + (low >>> 11);

// Buckets beyond this size are sorted natively instead of by insertion.
const MAX_INSERTION_BUCKET = 32;

/** Sorts a small run in place by insertion and counts its values equal to the one before. */
function countRepeatsInBucket(run: Float64Array): number {
  if (run.length > MAX_INSERTION_BUCKET) run.sort();
  else {
    for (let i = 1; i < run.length; i++) {
      const value = run[i]!;
      let k = i;
      while (k > 0 && run[k - 1]! > value) {
        run[k] = run[k - 1]!;
        k--;
      }
      run[k] = value;
    }
  }
  let repeats = 0;
  for (let i = 1; i < run.length; i++) if (run[i] === run[i - 1]) repeats++;
  return repeats;
}

/**
 * Number of keys (integers in [0, 2^53)) equal to an earlier key. Hash keys spread evenly, so one
 * scatter by their top bits into about n/8 buckets and a small sort per bucket replace a full sort.
 */
export function countRepeatedKeys(keys: Float64Array): number {
  const n = keys.length;
  if (n < 2) return 0;
  const bucketBits = Math.min(24, Math.max(1, Math.ceil(Math.log2(n)) - 3));
  const bucketCount = 2 ** bucketBits;
  const bucketWidth = 2 ** (53 - bucketBits);
  const starts = new Int32Array(bucketCount + 1);
  for (let i = 0; i < n; i++) starts[Math.floor(keys[i]! / bucketWidth) + 1]!++;
  for (let b = 0; b < bucketCount; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, bucketCount);
  const scattered = new Float64Array(n);
  for (let i = 0; i < n; i++) scattered[next[Math.floor(keys[i]! / bucketWidth)]!++] = keys[i]!;
  let repeats = 0;
  for (let b = 0; b < bucketCount; b++) {
    if (starts[b + 1]! - starts[b]! > 1)
      repeats += countRepeatsInBucket(scattered.subarray(starts[b], starts[b + 1]));
  }
  return repeats;
}

/** Number of rows equal to an earlier row (rows − distinct rows) over the given columns. */
export function countDuplicateRows(columns: readonly HashableColumn[], rowCount: number): number {
  if (rowCount < 2 || columns.length === 0) return 0;
  const high = new Uint32Array(rowCount).fill(0x12345678);
  const low = new Uint32Array(rowCount).fill(0x9abcdef0);
  for (const column of columns) {
    if (column.length !== rowCount) throw new RangeError("every column must have rowCount values");
    mixColumn(column, high, low);
  }
  const keys = new Float64Array(rowCount);
  for (let r = 0; r < rowCount; r++) keys[r] = toKey(high[r]!, low[r]!);
  return countRepeatedKeys(keys);
}

/**
 * Number of rows whose 64-bit row hash equals an earlier row's, on the hash's upper 53 bits; `words`
 * holds one little-endian [low, high] 32-bit pair per row (a UBIGINT column's memory). Rows are first
 * filtered through a bitmap indexed by the top bits of the hash (16 or more bits per row, so it stays in
 * cache): equal hashes share a bit, so only rows whose bit was hit more than once (a few percent of
 * distinct rows, plus the repeats) are keyed and counted; the rest cannot repeat.
 */
export function countDuplicateRowHashes(words: Uint32Array): number {
  const rowCount = words.length >>> 1;
  if (rowCount < 2) return 0;
  const bits = Math.min(27, Math.max(10, Math.ceil(Math.log2(rowCount)) + 4));
  const shift = 32 - bits;
  const seen = new Int32Array(2 ** (bits - 5));
  const shared = new Int32Array(2 ** (bits - 5));
  for (let r = 0; r < rowCount; r++) {
    const slot = words[2 * r + 1]! >>> shift;
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    if ((seen[word]! & bit) === 0) seen[word] = seen[word]! | bit;
    else shared[word] = shared[word]! | bit;
  }
  // Sized for every row, but only the candidates' part is ever written (and so backed by memory).
  const keys = new Float64Array(rowCount);
  let candidates = 0;
  for (let r = 0; r < rowCount; r++) {
    const high = words[2 * r + 1]!;
    const slot = high >>> shift;
    if ((shared[slot >>> 5]! & (1 << (slot & 31))) !== 0) keys[candidates++] = toKey(high, words[2 * r]!);
  }
  return countRepeatedKeys(keys.subarray(0, candidates));
}
