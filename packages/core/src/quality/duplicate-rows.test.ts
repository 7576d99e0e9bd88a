import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../random/seeded-random.js";
import { countDuplicateRowHashes, countDuplicateRows, countRepeatedKeys } from "./duplicate-rows.js";

describe("countDuplicateRows", () => {
  it("counts rows equal to an earlier row across mixed columns", () => {
    const numbers = Float64Array.from([1, 1, 2, Number.NaN, Number.NaN, 1]);
    const codes = Int32Array.from([0, 0, 0, -1, -1, 1]);
    const text = ["x", "x", "x", null, null, "x"];
    expect(countDuplicateRows([numbers, codes, text], 6)).toBe(2);
  });

  it("is zero for fewer than two rows or no columns", () => {
    expect(countDuplicateRows([Float64Array.from([1])], 1)).toBe(0);
    expect(countDuplicateRows([], 5)).toBe(0);
  });

  it("matches a string-key count on random small-alphabet tables", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -1, max: 2 })), {
          maxLength: 60,
        }),
        (rows) => {
          const a = Float64Array.from(rows, (r) => r[0]);
          const b = Int32Array.from(rows, (r) => r[1]);
          const distinct = new Set(rows.map((r) => `${r[0]}|${r[1]}`)).size;
          expect(countDuplicateRows([a, b], rows.length)).toBe(rows.length - distinct);
        },
      ),
    );
  });
});

describe("countRepeatedKeys", () => {
  const bySorting = (keys: Float64Array) => {
    const sorted = Float64Array.from(keys).sort();
    let repeats = 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeats++;
    return repeats;
  };

  it("matches a full sort on random 53-bit keys with planted repeats", () => {
    const random = createSeededRandom(7);
    const keys = Float64Array.from({ length: 5000 }, () => Math.floor(random.nextFloat() * 2 ** 53));
    for (let i = 0; i < 300; i++) keys[i * 13] = keys[i * 7]!;
    expect(countRepeatedKeys(keys)).toBe(bySorting(keys));
    expect(countRepeatedKeys(keys)).toBeGreaterThan(0);
  });

  it("handles buckets far larger than the insertion limit (few distinct keys)", () => {
    const keys = Float64Array.from({ length: 4000 }, (_, i) => (i % 3) * 1024 + (i % 2));
    expect(countRepeatedKeys(keys)).toBe(4000 - 6);
  });

  it("is zero below two keys", () => {
    expect(countRepeatedKeys(new Float64Array(0))).toBe(0);
    expect(countRepeatedKeys(Float64Array.of(5))).toBe(0);
  });

  it("matches a full sort on arbitrary keys", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 53 - 1 }), { maxLength: 200 }), (values) => {
        const keys = Float64Array.from(values);
        expect(countRepeatedKeys(keys)).toBe(bySorting(keys));
      }),
    );
  });
});

describe("countDuplicateRowHashes", () => {
  it("counts rows whose 64-bit hash repeats, on the upper 53 bits", () => {
    // [low, high] pairs: rows 0 and 2 equal; row 3 differs from row 0 only in the low 11 bits (ignored).
    const words = Uint32Array.from([0x1000, 7, 0x2000, 7, 0x1000, 7, 0x1001, 7, 0x1000, 8]);
    expect(countDuplicateRowHashes(words)).toBe(2);
    expect(countDuplicateRowHashes(Uint32Array.from([1, 2]))).toBe(0);
  });
});

describe("countDuplicateRowHashes on many rows", () => {
  /** Keys of every row, counted by a full sort: the reference for the bitmap-filtered count. */
  const bySortingWords = (words: Uint32Array) => {
    const keys = Array.from(
      { length: words.length / 2 },
      (_, r) => words[2 * r + 1]! * 2 ** 21 + (words[2 * r]! >>> 11),
    );
    keys.sort((a, b) => a - b);
    let repeats = 0;
    for (let i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) repeats++;
    return repeats;
  };

  it("counts like a full sort, with rows sharing the filter's bits but not their hash", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2 ** 32 - 1), fc.nat(2 ** 32 - 1)), { minLength: 2, maxLength: 400 }),
        fc.array(fc.tuple(fc.nat(399), fc.nat(399), fc.constantFrom("same", "low bits", "other low")), {
          maxLength: 60,
        }),
        (rows, copies) => {
          const words = Uint32Array.from(rows.flat());
          const count = rows.length;
          for (const [from, to, how] of copies) {
            const f = from % count;
            const t = to % count;
            // An exact copy, one equal on the upper 53 bits only, or one with the same high word only.
            const low = words[2 * f]!;
            words[2 * t] =
              how === "same" ? low : how === "low bits" ? (low ^ 0x7ff) >>> 0 : (low ^ 0x800) >>> 0;
            words[2 * t + 1] = words[2 * f + 1]!;
          }
          expect(countDuplicateRowHashes(words)).toBe(bySortingWords(words));
        },
      ),
    );
  });

  it("finds planted repeats among 200,000 random hashes", () => {
    const random = createSeededRandom(5);
    const words = Uint32Array.from({ length: 400_000 }, () => random.nextUint32());
    for (let k = 0; k < 300; k++) {
      const from = (k * 7919) % 200_000;
      const to = (k * 104_729 + 11) % 200_000;
      words[2 * to] = words[2 * from]!;
      words[2 * to + 1] = words[2 * from + 1]!;
    }
    const repeats = countDuplicateRowHashes(words);
    expect(repeats).toBe(bySortingWords(words));
    expect(repeats).toBeGreaterThan(250);
  });
});
