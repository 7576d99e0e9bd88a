/**
 * Seeded pseudo-random numbers for everything in core that samples or permutes: sfc32 (Chris Doty-Humphrey's
 * Small Fast Counting generator, 128-bit state, period >= 2^32) seeded through a splitmix32-style mixer so
 * nearby seeds give unrelated streams. Not cryptographic; the same seed always gives the same sequence.
 */

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const GOLDEN_GAMMA = 0x9e3779b9;
// sfc32's author discards the first outputs so the mixed seed has spread through all four words.
const WARM_UP_ROUNDS = 12;

/** A deterministic stream of random numbers. */
export interface SeededRandom {
  /** Next uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** Next float uniform in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Next integer uniform in [0, maxExclusive), without modulo bias; maxExclusive is an integer in [1, 2^32]. */
  nextInt(maxExclusive: number): number;
}

/** A writable indexable sequence: arrays and typed arrays. */
export interface MutableArrayLike<T> {
  readonly length: number;
  [index: number]: T;
}

/** Creates an sfc32 generator from any safe integer seed (negative and > 2^32 seeds are distinct streams). */
export function createSeededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${seed}`);
  }
  // splitmix32: a Weyl sequence through the murmur3 finaliser; both 32-bit halves of the seed feed it.
  let mixState = (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_POW_32) >>> 0, 0x85ebca6b);
  const nextMixed = (): number => {
    mixState = (mixState + GOLDEN_GAMMA) | 0;
    let z = mixState;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let a = nextMixed();
  let b = nextMixed();
  let c = nextMixed();
  let counter = nextMixed();

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) nextUint32();

  return {
    nextUint32,
    nextFloat: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / TWO_POW_53,
    nextInt: (maxExclusive: number): number => {
      if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
        throw new RangeError(`maxExclusive must be an integer in [1, 2^32], got ${maxExclusive}`);
      }
      // Reject the lowest 2^32 mod max values so every residue is hit by the same number of words.
      const rejectBelow = TWO_POW_32 % maxExclusive;
      let word = nextUint32();
      while (word < rejectBelow) word = nextUint32();
      return word % maxExclusive;
    },
  };
}

/** Shuffles `array` in place with the Fisher-Yates algorithm (every permutation equally likely). */
export function shuffleInPlace<T>(array: MutableArrayLike<T>, random: SeededRandom): void {
  for (let i = array.length - 1; i > 0; i -= 1) {
    const j = random.nextInt(i + 1);
    const held = array[i]!;
    array[i] = array[j]!;
    array[j] = held;
  }
}

/**
 * Draws `sampleSize` distinct indices from [0, populationSize) uniformly without replacement, returned in
 * draw order (not sorted; every ordered sample is equally likely, so any prefix is itself a uniform sample).
 */
export function sampleIndices(populationSize: number, sampleSize: number, random: SeededRandom): Uint32Array {
  if (!Number.isInteger(populationSize) || populationSize < 0 || populationSize > TWO_POW_32) {
    throw new RangeError(`populationSize must be an integer in [0, 2^32], got ${populationSize}`);
  }
  if (!Number.isInteger(sampleSize) || sampleSize < 0 || sampleSize > populationSize) {
    throw new RangeError(`sampleSize must be an integer in [0, ${populationSize}], got ${sampleSize}`);
  }
  const sample = new Uint32Array(sampleSize);
  // A partial Fisher-Yates over a virtual identity array: only the swapped-out slots are stored, so memory
  // and time are O(sampleSize) however large the population is.
  const displaced = new Map<number, number>();
  for (let i = 0; i < sampleSize; i += 1) {
    const j = i + random.nextInt(populationSize - i);
    const atJ = displaced.get(j) ?? j;
    sample[i] = atJ;
    if (j !== i) displaced.set(j, displaced.get(i) ?? i);
    displaced.delete(i);
  }
  return sample;
}
