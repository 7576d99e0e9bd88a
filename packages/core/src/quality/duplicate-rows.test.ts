import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countDuplicateRows } from "./duplicate-rows.js";

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
