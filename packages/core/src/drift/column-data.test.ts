import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countDistinctSorted,
  countMissingValues,
  mergeSortedValues,
  prepareDriftColumn,
  prepareSortedNumericColumn,
} from "./column-data.js";
import { wassersteinDistanceSorted } from "./methods/wasserstein.js";

describe("countMissingValues", () => {
  it("counts NaN and both infinities", () => {
    expect(countMissingValues([1, Number.NaN, Number.POSITIVE_INFINITY, -0, Number.NEGATIVE_INFINITY])).toBe(
      3,
    );
    expect(countMissingValues(new Float64Array(0))).toBe(0);
  });
});

describe("prepareDriftColumn (numeric)", () => {
  it("sorts copies of both sides, without touching or aliasing the input, with or without missing values", () => {
    const reference = Float64Array.of(3, 1, 2);
    const current = Float64Array.of(5, Number.NaN, 4);
    const prepared = prepareDriftColumn({ name: "x", kind: "numeric", reference, current });
    expect(prepared.sample).toEqual({
      kind: "numeric",
      reference: Float64Array.of(1, 2, 3),
      current: Float64Array.of(4, 5),
      // The sides do not overlap: W1 is the difference of the means, 4.5 - 2.
      wassersteinDistance: 2.5,
    });
    expect(reference).toEqual(Float64Array.of(3, 1, 2));
    if (prepared.sample.kind !== "numeric") throw new Error("numeric expected");
    expect(prepared.sample.reference.buffer).not.toBe(reference.buffer);
    expect([prepared.referenceMissing, prepared.currentMissing, prepared.uniqueCount]).toEqual([0, 1, 5]);
  });

  it("keeps every finite value in ascending order and counts the rest as missing", () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 50 }), fc.array(value, { maxLength: 50 }), (r, c) => {
        const p = prepareDriftColumn({ name: "x", kind: "numeric", reference: r, current: c });
        const expected = (values: number[]) => Float64Array.from(values.filter(Number.isFinite)).sort();
        expect(p.sample).toMatchObject({ kind: "numeric", reference: expected(r), current: expected(c) });
        expect(p.referenceMissing + p.referenceSize).toBe(r.length);
        expect(p.currentMissing).toBe(c.filter((v) => !Number.isFinite(v)).length);
      }),
    );
  });
});

describe("prepareDriftColumn with sortInPlace", () => {
  it("prepares exactly the copying preparation, sorting (and compacting) the given arrays themselves", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
    );
    const side = fc.oneof(
      fc.array(value, { maxLength: 60 }),
      // Large enough for the radix sort, with and without missing values.
      fc
        .integer({ min: 0, max: 1 })
        .map((missing) =>
          Array.from({ length: 13_000 }, (_, i) =>
            missing === 1 && i % 101 === 0 ? Number.NaN : Math.sin(i) * 10,
          ),
        ),
    );
    fc.assert(
      fc.property(side, side, (r, c) => {
        const copying = prepareDriftColumn({ name: "x", kind: "numeric", reference: r, current: c });
        const reference = Float64Array.from(r);
        const current = Float64Array.from(c);
        const inPlace = prepareDriftColumn(
          { name: "x", kind: "numeric", reference, current },
          { sortInPlace: true },
        );
        expect(inPlace).toEqual(copying);
        if (inPlace.sample.kind !== "numeric") throw new Error("numeric expected");
        // The sorted sides are the front of the given arrays.
        expect(inPlace.sample.reference.buffer).toBe(reference.buffer);
        expect(reference.subarray(0, inPlace.referenceSize)).toEqual(inPlace.sample.reference);
        expect(inPlace.sample.current.buffer).toBe(current.buffer);
      }),
      { numRuns: 60 },
    );
  });
});

describe("mergeSortedValues and prepareSortedNumericColumn", () => {
  it("merges two ascending arrays into the sorted union, ties and empty sides included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 })),
        fc.array(fc.integer({ min: -5, max: 5 })),
        (a, b) => {
          const merged = mergeSortedValues(Float64Array.from(a).sort(), Float64Array.from(b).sort());
          expect(merged).toEqual(Float64Array.from([...a, ...b]).sort());
        },
      ),
    );
  });

  it("prepares the same column as prepareDriftColumn from already sorted sides", () => {
    const reference = [3, Number.NaN, 1, 2, 2];
    const current = [5, 4, Number.POSITIVE_INFINITY];
    const sorted = prepareSortedNumericColumn({
      name: "x",
      referenceSorted: Float64Array.of(1, 2, 2, 3),
      currentSorted: Float64Array.of(4, 5),
      referenceMissing: 1,
      currentMissing: 1,
    });
    expect(sorted).toEqual(prepareDriftColumn({ name: "x", kind: "numeric", reference, current }));
  });
});

describe("prepareSortedNumericColumn's merge", () => {
  it("counts distinct values as countDistinctSorted and gives W1 as wassersteinDistanceSorted, ties included", () => {
    const side = fc.array(
      fc.oneof(fc.integer({ min: -4, max: 4 }), fc.double({ min: -9, max: 9, noNaN: true })),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(side, side, (a, b) => {
        const referenceSorted = Float64Array.from(a).sort();
        const currentSorted = Float64Array.from(b).sort();
        const p = prepareSortedNumericColumn({
          name: "x",
          referenceSorted,
          currentSorted,
          referenceMissing: 0,
          currentMissing: 0,
        });
        expect(p.uniqueCount).toBe(countDistinctSorted(referenceSorted, currentSorted));
        const w1 = p.sample.kind === "numeric" ? p.sample.wassersteinDistance : Number.NaN;
        expect(w1).toBe(
          a.length > 0 && b.length > 0
            ? wassersteinDistanceSorted(referenceSorted, currentSorted)
            : undefined,
        );
      }),
    );
  });
});

describe("countDistinctSorted", () => {
  it("counts the distinct values of both sides together, ties across sides and empty sides included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -8, max: 8 })),
        fc.array(fc.integer({ min: -8, max: 8 })),
        (a, b) => {
          const count = countDistinctSorted(Float64Array.from(a).sort(), Float64Array.from(b).sort());
          expect(count).toBe(new Set([...a, ...b]).size);
        },
      ),
    );
  });
});
