import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSeededRandom, sampleIndices, shuffleInPlace } from "./seeded-random.js";

// Pearson statistic of observed counts against equal expected counts.
function computeUniformChiSquare(counts: readonly number[]): number {
  const total = counts.reduce((sum, c) => sum + c, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

describe("createSeededRandom", () => {
  it("pins the stream for fixed seeds (seeded results elsewhere depend on it)", () => {
    const zero = createSeededRandom(0);
    expect(Array.from({ length: 4 }, () => zero.nextUint32())).toEqual([
      4205396811, 3543653536, 1222415357, 3047368389,
    ]);
    const other = createSeededRandom(12345);
    expect(Array.from({ length: 3 }, () => other.nextFloat())).toEqual([
      0.5460953065240817, 0.6926104486200927, 0.40659182912309955,
    ]);
  });

  it("gives distinct streams for seeds that differ only in sign or above 2^32", () => {
    const firstWords = [0, -1, 1, 2 ** 32, -(2 ** 32), Number.MAX_SAFE_INTEGER].map((seed) =>
      createSeededRandom(seed).nextUint32(),
    );
    expect(new Set(firstWords).size).toBe(firstWords.length);
  });

  it("repeats the same sequence for the same seed", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createSeededRandom(seed);
        const b = createSeededRandom(seed);
        for (let i = 0; i < 20; i += 1) expect(a.nextUint32()).toBe(b.nextUint32());
      }),
      { numRuns: 50 },
    );
  });

  it("draws floats in [0, 1) with mean and variance of the uniform distribution", () => {
    const random = createSeededRandom(7);
    const draws = Array.from({ length: 50_000 }, () => random.nextFloat());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
    // Standard error of the mean is 0.0013; 5 SE bounds.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0065);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.003);
  });

  it("uses more than 32 bits per float", () => {
    const random = createSeededRandom(3);
    const draws = Array.from({ length: 100 }, () => random.nextFloat());
    expect(draws.some((x) => !Number.isInteger(x * 2 ** 32))).toBe(true);
  });

  it("draws integers uniformly over a non-power-of-two range", () => {
    const random = createSeededRandom(11);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i += 1) counts[random.nextInt(7)]! += 1;
    // chi2(6) 99.9% quantile is 22.46.
    expect(computeUniformChiSquare(counts)).toBeLessThan(22.46);
  });

  it("rejects the biased low range: a max just above 2^31 is still uniform over both halves", () => {
    // With plain modulo, values below 2^32 - max would be twice as likely (about 2/3 of draws < 2^31 - 1).
    const max = 2 ** 31 + 2 ** 30;
    const random = createSeededRandom(5);
    let low = 0;
    const draws = 20_000;
    for (let i = 0; i < draws; i += 1) if (random.nextInt(max) < max / 2) low += 1;
    expect(Math.abs(low / draws - 0.5)).toBeLessThan(0.02);
  });

  it("keeps nextInt within range for arbitrary bounds, including 1 and 2^32", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 }), fc.integer(), (max, seed) => {
        const random = createSeededRandom(seed);
        for (let i = 0; i < 10; i += 1) {
          const value = random.nextInt(max);
          expect(Number.isInteger(value) && value >= 0 && value < max).toBe(true);
        }
      }),
    );
    expect(createSeededRandom(1).nextInt(1)).toBe(0);
  });

  it("throws on invalid seeds and bounds", () => {
    expect(() => createSeededRandom(0.5)).toThrow(RangeError);
    expect(() => createSeededRandom(Number.NaN)).toThrow(RangeError);
    expect(() => createSeededRandom(2 ** 53)).toThrow(RangeError);
    const random = createSeededRandom(1);
    expect(() => random.nextInt(0)).toThrow(RangeError);
    expect(() => random.nextInt(2.5)).toThrow(RangeError);
    expect(() => random.nextInt(2 ** 32 + 1)).toThrow(RangeError);
  });
});

describe("shuffleInPlace", () => {
  it("produces a permutation of the input", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (values, seed) => {
        const shuffled = values.slice();
        shuffleInPlace(shuffled, createSeededRandom(seed));
        expect(shuffled.slice().sort((a, b) => a - b)).toEqual(values.slice().sort((a, b) => a - b));
      }),
    );
  });

  it("makes all 6 orders of 3 items equally likely", () => {
    const random = createSeededRandom(99);
    const counts = new Map<string, number>();
    for (let i = 0; i < 30_000; i += 1) {
      const items = ["a", "b", "c"];
      shuffleInPlace(items, random);
      const key = items.join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // chi2(5) 99.9% quantile is 20.52.
    expect(computeUniformChiSquare([...counts.values()])).toBeLessThan(20.52);
  });

  it("shuffles typed arrays and leaves empty and single-item arrays alone", () => {
    const typed = Uint32Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(typed, createSeededRandom(1));
    expect(Array.from(typed).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(typed)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const empty: number[] = [];
    shuffleInPlace(empty, createSeededRandom(1));
    expect(empty).toEqual([]);
    const single = [42];
    shuffleInPlace(single, createSeededRandom(1));
    expect(single).toEqual([42]);
  });
});

describe("sampleIndices", () => {
  it("draws distinct in-range indices of the requested size", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 500 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        fc.integer(),
        ([population, size], seed) => {
          const sample = sampleIndices(population, size, createSeededRandom(seed));
          expect(sample.length).toBe(size);
          expect(new Set(sample).size).toBe(size);
          for (const index of sample) expect(index < population).toBe(true);
        },
      ),
    );
  });

  it("returns a full permutation when the sample is the whole population", () => {
    const sample = sampleIndices(10, 10, createSeededRandom(4));
    expect(Array.from(sample).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("gives every index the same inclusion probability", () => {
    const random = createSeededRandom(8);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i += 1) for (const index of sampleIndices(10, 3, random)) counts[index]! += 1;
    expect(computeUniformChiSquare(counts)).toBeLessThan(27.88); // chi2(9) 99.9% quantile
  });

  it("handles a population of 2^32 with a small sample, deterministically per seed", () => {
    const first = sampleIndices(2 ** 32, 5, createSeededRandom(12));
    const again = sampleIndices(2 ** 32, 5, createSeededRandom(12));
    expect(Array.from(first)).toEqual(Array.from(again));
    expect(new Set(first).size).toBe(5);
  });

  it("returns an empty sample for size 0 and throws on invalid sizes", () => {
    expect(sampleIndices(0, 0, createSeededRandom(1)).length).toBe(0);
    expect(() => sampleIndices(3, 4, createSeededRandom(1))).toThrow(RangeError);
    expect(() => sampleIndices(-1, 0, createSeededRandom(1))).toThrow(RangeError);
    expect(() => sampleIndices(5, 1.5, createSeededRandom(1))).toThrow(RangeError);
  });
});
