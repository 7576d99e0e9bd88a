import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createHashCodeTable,
  createWindowCodeTable,
  decodeHashedCodes,
  decodeWindowCodes,
  findHashWindow,
  toPackedWindowsExpression,
} from "./category-codes.js";

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

describe("hash windows", () => {
  const hashWord = fc.nat(2 ** 32 - 1);

  it("finds a 16-bit window that tells every entry apart and codes by it as the whole hash does", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(hashWord, hashWord), {
          minLength: 1,
          maxLength: 200,
          selector: ([low, high]) => `${low}:${high}`,
        }),
        (hashes) => {
          const entries = hashes.map(([low, high], code) => ({ low, high, code: code - 1 }));
          const shift = findHashWindow(entries);
          if (shift === undefined) return; // possible (all 34 windows collide), not expected at this size
          expect(shift >= 0 && shift <= 48 && (shift <= 16 || shift >= 32)).toBe(true);
          const codes = createWindowCodeTable(entries, shift);
          // The packed words of every entry's window in each of the four parts decode to its code.
          for (let part = 0; part < 4; part++) {
            const words = new Uint32Array(2 * entries.length);
            entries.forEach(({ low, high }, r) => {
              const window = shift < 32 ? (low >>> shift) & 0xffff : (high >>> (shift - 32)) & 0xffff;
              words[2 * r + (part >> 1)] = (window << ((part & 1) * 16)) >>> 0;
            });
            const out = new Int32Array(entries.length);
            decodeWindowCodes({ words, rowCount: entries.length, part, codes, out, offset: 0 });
            expect([...out]).toEqual(entries.map((e) => e.code));
          }
        },
      ),
    );
  });

  it("gives up when no window separates the entries, or when there are too many for 16 bits", () => {
    // These two hashes differ in bit 63 only: the top window (bits 48–63) is the one that sees it.
    const twins = [
      { low: 0x12345678, high: 0x0abcdef0, code: 0 },
      { low: 0x12345678, high: 0x8abcdef0, code: 1 },
    ];
    expect(findHashWindow(twins)).toBe(48);
    const same = [
      { low: 5, high: 6, code: 0 },
      { low: 5, high: 6, code: 1 },
    ];
    expect(findHashWindow(same)).toBeUndefined();
    const many = Array.from({ length: 2049 }, (_, code) => ({ low: code * 65_537, high: code, code }));
    expect(findHashWindow(many)).toBeUndefined();
  });

  it("treats a window value outside the dictionary as a bug, and packs one to four windows", () => {
    const codes = createWindowCodeTable([{ low: 7, high: 0, code: 3 }], 0);
    const out = new Int32Array(1);
    expect(() => {
      decodeWindowCodes({ words: Uint32Array.of(8, 0), rowCount: 1, part: 0, codes, out, offset: 0 });
    }).toThrow(/missing from its dictionary/);
    expect(toPackedWindowsExpression([{ hash: "hash(a)", shift: 3 }])).toBe("((hash(a) >> 3) & 65535)");
    expect(
      toPackedWindowsExpression([
        { hash: "h0", shift: 0 },
        { hash: "h1", shift: 40 },
      ]),
    ).toBe("((h0 >> 0) & 65535) | (((h1 >> 40) & 65535) << 16)");
    expect(() => toPackedWindowsExpression([])).toThrow(RangeError);
  });
});
