import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeEqualWidthHistogram,
  computeHistogram,
  computeHistogramBinEdges,
  computeLinspace,
} from "./histogram.js";
import { generateSkewedSample } from "../../test/support/deterministic-samples.js";
import { expectOk } from "../../test/support/result-assertions.js";
import { loadReferenceCases } from "../../test/reference/vector-file.js";

function histogramOf(values: Float64Array, binCount: number) {
  const result = expectOk(computeEqualWidthHistogram(values, binCount));
  return { edges: Array.from(result.edges), counts: Array.from(result.counts) };
}

/** The defining rule: bin i holds e_i <= v < e_{i+1}, the last bin also v = e_last. */
function countByDefinition(values: ArrayLike<number>, edges: ArrayLike<number>): number[] {
  const bins = edges.length - 1;
  const counts = Array<number>(bins).fill(0);
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    for (let i = bins - 1; i >= 0; i--) {
      if (v >= edges[i]! && (v < edges[i + 1]! || (i === bins - 1 && v <= edges[bins]!))) {
        counts[i]!++;
        break;
      }
    }
  }
  return counts;
}

describe("equal-width histograms (NumPy semantics)", () => {
  // The runner checks these cases within tolerance; NumPy's edge arithmetic is reproduced exactly.
  it.each(loadReferenceCases("quantiles"))("matches reference $id bit for bit", (c) => {
    const h = histogramOf(Float64Array.from(c.inputs["values"] as number[]), 10);
    expect(h.edges).toEqual(c.expected["hist10_edges"]);
    expect(h.counts).toEqual(c.expected["hist10_counts"]);
  });

  // Python: np.histogram(v, bins=b) → (counts, edges)
  it("reproduces np.linspace edge arithmetic exactly (64 bins)", () => {
    const h = histogramOf(generateSkewedSample(61, 2, 100), 64);
    const step = 0.04078125;
    expect(h.edges[14]).toBe(1.5709374999999999);
    expect(h.edges[32]).toBe(2.3049999999999997);
    expect(h.edges[63]).toBe(3.5692187499999997);
    expect(h.edges[64]).toBe(3.61);
    h.edges.forEach((edge, i) => {
      expect(Math.abs(edge - (1 + i * step))).toBeLessThan(1e-15);
    });
    expect(h.counts[0]).toBe(1);
    expect(h.counts[63]).toBe(1);
  });

  it("matches np.histogram on 999 values, 20 and 3 bins", () => {
    const values = generateSkewedSample(62, 999, 10);
    const h20 = histogramOf(values, 20);
    expect(h20.counts).toEqual([
      375, 98, 68, 58, 39, 37, 27, 38, 32, 31, 33, 20, 21, 19, 20, 14, 21, 14, 21, 13,
    ]);
    expect(h20.edges.slice(0, 4)).toEqual([1.0, 20.975, 40.95, 60.925000000000004]);
    expect(h20.edges[17]).toBe(340.57500000000005);
    expect(histogramOf(values, 3)).toEqual({
      edges: [1.0, 134.16666666666666, 267.3333333333333, 400.5],
      counts: [691, 191, 117],
    });
    expect(histogramOf(values, 1)).toEqual({ edges: [1, 400.5], counts: [999] });
  });

  it("matches np.histogram on 25000 values with many values on edges", () => {
    const values = generateSkewedSample(63, 25000, 1000);
    expect(histogramOf(values, 20).counts).toEqual([
      9224, 2440, 1691, 1320, 1136, 971, 906, 803, 748, 683, 627, 586, 567, 517, 524, 492, 486, 437, 432, 410,
    ]);
    const h64 = histogramOf(values, 64);
    expect(h64.counts.slice(0, 6)).toEqual([6293, 1625, 1115, 910, 828, 642]);
    expect(h64.counts.slice(-4)).toEqual([133, 127, 143, 119]);
    expect(h64.counts).toEqual(countByDefinition(values, h64.edges));
  });

  it("widens a constant sample by ±0.5 as NumPy", () => {
    // np.histogram([3., 3., 3.], bins=4) → [0, 0, 3, 0], edges [2.5, 2.75, 3, 3.25, 3.5]
    expect(histogramOf(Float64Array.of(3, 3, 3), 4)).toEqual({
      edges: [2.5, 2.75, 3, 3.25, 3.5],
      counts: [0, 0, 3, 0],
    });
  });

  it("reports empty input as insufficient_data and rejects a bad bin count", () => {
    expect(computeHistogramBinEdges(new Float64Array(0), 10).status).toBe("insufficient_data");
    expect(computeEqualWidthHistogram(new Float64Array(0), 10).status).toBe("insufficient_data");
    expect(() => computeHistogramBinEdges(Float64Array.of(1), 0)).toThrow(RangeError);
  });

  it("agrees with the edge definition for arbitrary data and bin counts", () => {
    const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
      minLength: 1,
      maxLength: 200,
    });
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 40 }), (values, bins) => {
        const h = histogramOf(Float64Array.from(values), bins);
        expect(h.counts).toEqual(countByDefinition(values, h.edges));
        expect(h.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
      }),
    );
  });
});

describe("computeHistogram with explicit edges", () => {
  it("drops values outside the edges and handles repeated edges as np.histogram", () => {
    // np.histogram([-1, 0, .5, 1, 2.5, 3, 3.5, 10], bins=[0, 1, 1, 2.5, 3]) → [2, 0, 1, 2]
    const values = Float64Array.of(-1, 0, 0.5, 1, 2.5, 3, 3.5, 10);
    expect(Array.from(computeHistogram(values, Float64Array.of(0, 1, 1, 2.5, 3)))).toEqual([2, 0, 1, 2]);
  });

  it("gives the same counts on uniform and non-uniform edge paths as the definition", () => {
    const sample = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 100 });
    const edgesArb = fc
      .array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 2, maxLength: 12 })
      .map((e) => Float64Array.from(e).sort());
    fc.assert(
      fc.property(sample, edgesArb, (values, edges) => {
        const data = Float64Array.from(values);
        expect(Array.from(computeHistogram(data, edges))).toEqual(countByDefinition(data, edges));
        const uniform = computeLinspace(edges[0]!, edges[0]! + 5, 6);
        expect(Array.from(computeHistogram(data, uniform))).toEqual(countByDefinition(data, uniform));
      }),
    );
  });

  it("rejects decreasing or too few edges", () => {
    expect(() => computeHistogram(Float64Array.of(1), Float64Array.of(1))).toThrow(RangeError);
    expect(() => computeHistogram(Float64Array.of(1), Float64Array.of(2, 1))).toThrow(RangeError);
  });
});
