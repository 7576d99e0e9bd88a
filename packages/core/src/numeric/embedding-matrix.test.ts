import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeColumnMeans,
  computePairwiseSquaredDistances,
  selectRows,
  toEmbeddingMatrix,
} from "./embedding-matrix.js";

describe("toEmbeddingMatrix", () => {
  it("packs rows row-major", () => {
    const matrix = toEmbeddingMatrix([[1, 2, 3], new Float32Array([4, 5, 6])]);
    expect(matrix.rowCount).toBe(2);
    expect(matrix.dimension).toBe(3);
    expect(Array.from(matrix.values)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("gives a 0 x 0 matrix for no rows and keeps zero-length rows", () => {
    expect(toEmbeddingMatrix([])).toEqual({ rowCount: 0, dimension: 0, values: new Float64Array(0) });
    const empties = toEmbeddingMatrix([[], []]);
    expect([empties.rowCount, empties.dimension, empties.values.length]).toEqual([2, 0, 0]);
  });

  it("throws on ragged rows", () => {
    expect(() => toEmbeddingMatrix([[1, 2], [3]])).toThrow(RangeError);
    expect(() => toEmbeddingMatrix([[1], [2, 3]])).toThrow(/row 1/);
  });
});

describe("selectRows", () => {
  const matrix = toEmbeddingMatrix([
    [0, 1],
    [10, 11],
    [20, 21],
  ]);

  it("copies rows in the order given, repeats allowed", () => {
    const picked = selectRows(matrix, [2, 0, 2]);
    expect(picked.rowCount).toBe(3);
    expect(picked.dimension).toBe(2);
    expect(Array.from(picked.values)).toEqual([20, 21, 0, 1, 20, 21]);
    expect(picked.values).not.toBe(matrix.values);
  });

  it("accepts typed index arrays and an empty selection", () => {
    expect(Array.from(selectRows(matrix, new Uint32Array([1])).values)).toEqual([10, 11]);
    expect(selectRows(matrix, []).rowCount).toBe(0);
  });

  it("throws on out-of-range or fractional indices", () => {
    expect(() => selectRows(matrix, [3])).toThrow(RangeError);
    expect(() => selectRows(matrix, [-1])).toThrow(RangeError);
    expect(() => selectRows(matrix, [0.5])).toThrow(RangeError);
  });
});

describe("computeColumnMeans", () => {
  it("averages each column", () => {
    const means = computeColumnMeans(
      toEmbeddingMatrix([
        [1, -2],
        [3, 4],
        [5, 1],
      ]),
    );
    expect(Array.from(means)).toEqual([3, 1]);
  });

  it("gives zeros for an empty matrix", () => {
    expect(computeColumnMeans(toEmbeddingMatrix([])).length).toBe(0);
    expect(
      Array.from(computeColumnMeans({ rowCount: 0, dimension: 2, values: new Float64Array(0) })),
    ).toEqual([0, 0]);
  });

  it("lies between each column's minimum and maximum", () => {
    const rows = fc.array(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
      {
        minLength: 1,
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(rows, (data) => {
        const means = computeColumnMeans(toEmbeddingMatrix(data));
        for (let c = 0; c < 3; c += 1) {
          const column = data.map((row) => row[c]!);
          expect(means[c]!).toBeGreaterThanOrEqual(Math.min(...column) - 1e-9);
          expect(means[c]!).toBeLessThanOrEqual(Math.max(...column) + 1e-9);
        }
      }),
    );
  });
});

describe("computePairwiseSquaredDistances", () => {
  it("matches SciPy pdist(X, 'sqeuclidean') in pair order, with a dimension that is not a multiple of 4", () => {
    // pdist(np.array([[0.5,1,2,-1,3],[2,-1,0,0.25,1],[1.5,3,-2,4,0]]), 'sqeuclidean') == [15.8125, 55.0, 35.3125]
    const distances = computePairwiseSquaredDistances(
      toEmbeddingMatrix([
        [0.5, 1, 2, -1, 3],
        [2, -1, 0, 0.25, 1],
        [1.5, 3, -2, 4, 0],
      ]),
    );
    expect(Array.from(distances)).toEqual([15.8125, 55, 35.3125]);
  });

  it("is empty for fewer than two rows and zero for zero-length rows", () => {
    expect(computePairwiseSquaredDistances(toEmbeddingMatrix([])).length).toBe(0);
    expect(computePairwiseSquaredDistances(toEmbeddingMatrix([[1, 2]])).length).toBe(0);
    expect(Array.from(computePairwiseSquaredDistances(toEmbeddingMatrix([[], [], []])))).toEqual([0, 0, 0]);
  });

  it("agrees with a plain sum of squared differences at every dimension from 1 to 9", () => {
    const rows = (dimension: number) =>
      fc.array(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
          minLength: dimension,
          maxLength: dimension,
        }),
        {
          minLength: 2,
          maxLength: 6,
        },
      );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }).chain(rows), (data) => {
        const distances = computePairwiseSquaredDistances(toEmbeddingMatrix(data));
        let pair = 0;
        for (let i = 0; i < data.length; i += 1) {
          for (let j = i + 1; j < data.length; j += 1, pair += 1) {
            const expected = data[i]!.reduce((sum, x, c) => sum + (x - data[j]![c]!) ** 2, 0);
            expect(Math.abs(distances[pair]! - expected)).toBeLessThanOrEqual(1e-12 * expected);
          }
        }
        expect(pair).toBe(distances.length);
      }),
    );
  });
});
