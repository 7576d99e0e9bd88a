import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHashCodeTable, decodeHashedCodes } from "./category-codes.js";

describe("createHashCodeTable", () => {
  it("maps every inserted 64-bit hash to its code and misses others", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(2 ** 32 - 1), fc.nat(2 ** 32 - 1)), {
          maxLength: 300,
          selector: ([low, high]) => `${low}:${high}`,
        }),
        (hashes) => {
          const table = createHashCodeTable(
            hashes.map(([low, high], code) => ({ low, high, code: code - 1 })),
          )!;
          hashes.forEach(([low, high], code) => {
            expect(table.lookup(low, high)).toBe(code - 1);
          });
          const known = new Set(hashes.map(([low, high]) => `${low}:${high}`));
          if (!known.has("12345:678")) expect(table.lookup(12345, 678)).toBe(-2);
        },
      ),
    );
  });

  it("refuses two values with one hash, so the column falls back to ENUM codes", () => {
    const entries = [
      { low: 1, high: 2, code: 0 },
      { low: 3, high: 4, code: 1 },
      { low: 1, high: 2, code: 2 },
    ];
    expect(createHashCodeTable(entries)).toBeUndefined();
  });

  it("tells apart hashes that share one word (same low, different high)", () => {
    const table = createHashCodeTable([
      { low: 7, high: 1, code: 0 },
      { low: 7, high: 2, code: 1 },
    ])!;
    expect([table.lookup(7, 1), table.lookup(7, 2), table.lookup(7, 3)]).toEqual([0, 1, -2]);
  });
});

describe("decodeHashedCodes", () => {
  it("writes codes at the offset and treats a hash outside the dictionary as a bug", () => {
    const table = createHashCodeTable([
      { low: 10, high: 0, code: 0 },
      { low: 20, high: 0, code: -1 },
    ])!;
    const out = new Int32Array(4).fill(9);
    decodeHashedCodes({ words: Uint32Array.of(20, 0, 10, 0), rowCount: 2, table, out, offset: 1 });
    expect([...out]).toEqual([9, -1, 0, 9]);
    expect(() => {
      decodeHashedCodes({ words: Uint32Array.of(30, 0), rowCount: 1, table, out, offset: 0 });
    }).toThrow(/missing from its dictionary/);
  });
});
