import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  andersonDarlingKSampleTest,
  computeAndersonDarlingSignificance,
  computeQuadraticLeastSquaresFit,
} from "./anderson-darling.js";
// lcg: the Python twin of every sample below (see generateLcgSample).
import { generateLcgSample as lcg } from "../../../test/support/deterministic-samples.js";
import { expectOk, expectRelativelyClose } from "../../../test/support/result-assertions.js";

describe("andersonDarlingKSampleTest against SciPy 1.10", () => {
  // anderson_ksamp(samples, midrank=True) -> (statistic, significance_level)
  const cases: [string, Float64Array[], number, number][] = [
    [
      "k=2 interpolated",
      [lcg(8, 37, 11, 1009), lcg(6, 53, 3, 1009, 1, 100.5)],
      0.7642138732377917,
      0.15919221543285086,
    ],
    ["k=2 ties, floored at 0.001", [lcg(300, 7, 0, 4), lcg(250, 5, 1, 5)], 68.36108683683835, 0.001],
    ["k=2 capped at 0.25", [lcg(50, 37, 11, 1009), lcg(60, 53, 3, 1009, 1, 0.5)], -0.6595632661479893, 0.25],
    ["k=2 far apart", [lcg(500, 37, 11, 1009), lcg(600, 53, 3, 1009, 1, 300.5)], 147.1017665026694, 0.001],
    [
      "k=3 interpolated",
      [lcg(30, 337, 11, 1009), lcg(40, 337, 5, 1009, 1, 0.5), lcg(25, 337, 900, 1009, 1, 0.25)],
      3.7919583826675587,
      0.0067379750542100976,
    ],
    [
      "k=3 ties interpolated",
      [lcg(30, 7, 0, 6), lcg(40, 5, 1, 6), lcg(25, 3, 2, 6)],
      3.3737371405677443,
      0.010583116951179866,
    ],
    [
      "k=3 ties capped at 0.25",
      [lcg(30, 7, 0, 4), lcg(40, 5, 1, 4), lcg(25, 3, 2, 4)],
      -1.8671327182321005,
      0.25,
    ],
    [
      "k=3 floored",
      [lcg(30, 37, 11, 1009), lcg(40, 53, 3, 1009, 1, 100.5), lcg(25, 17, 5, 1009, 1, -50.25)],
      12.26821149673215,
      0.001,
    ],
    [
      "k=4 interpolated",
      [
        lcg(20, 37, 11, 1009),
        lcg(20, 53, 3, 1009, 1, 0.5),
        lcg(20, 17, 5, 1009, 1, 0.25),
        lcg(20, 29, 1, 1009, 1, 20.75),
      ],
      4.956302990682654,
      0.001224227364174942,
    ],
    ["N = 4, k = 2", [Float64Array.of(0, 1), Float64Array.of(2, 3)], 1.5427784316797186, 0.07502559142197461],
    [
      "ties, k = 3, N = 5",
      [Float64Array.of(0, 1), Float64Array.of(1, 1), Float64Array.of(0)],
      0.5573864114332858,
      0.2235749834202958,
    ],
  ];
  it.each(cases)("%s", (_name, samples, statistic, level) => {
    const result = expectOk(andersonDarlingKSampleTest(samples));
    expectRelativelyClose(result.statistic, statistic, 1e-12);
    expectRelativelyClose(result.significanceLevel, level, 1e-12);
  });

  it("fits the quadratic as numpy.polyfit(critical, log(sig), 2)", () => {
    // m = 1: critical = b0 + b1 + b2; np.polyfit(critical, np.log(sig), 2)
    const critical = [0.325, 1.226, 1.961, 2.718, 3.752, 4.592, 6.546];
    const logLevels = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001].map(Math.log);
    const fit = computeQuadraticLeastSquaresFit(critical, logLevels);
    const expected = [0.01819809457411147, -1.0082265644652515, -1.077770279820484];
    fit.forEach((value, i) => {
      expectRelativelyClose(value, expected[i]!, 1e-12);
    });
  });
});

describe("andersonDarlingKSampleTest edge cases and invariants", () => {
  it("throws for fewer than two samples (a programmer error, as SciPy raises)", () => {
    expect(() => andersonDarlingKSampleTest([Float64Array.of(1, 2)])).toThrow(RangeError);
  });

  it("reports insufficient data for an empty sample, one distinct value or N < 4", () => {
    const cases = [
      [Float64Array.of(1, 2, 3), new Float64Array(0)],
      [Float64Array.of(1, 1, 1), Float64Array.of(1, 1)],
      [Float64Array.of(0, 1), Float64Array.of(2)], // SciPy: statistic nan, pvalue nan
    ];
    for (const samples of cases) {
      expect(andersonDarlingKSampleTest(samples).status).toBe("insufficient_data");
    }
  });

  it("caps outside the table; inside, the fit may stray just past the caps as SciPy's does", () => {
    // exp(np.polyval(pf, critical.min())) is 0.2457 for m=1 and 0.2540 for m=6; at critical.max()
    // it is 0.00101 for m=1 and 0.000990 for m=6.
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        (statistic, degrees) => {
          const level = computeAndersonDarlingSignificance(statistic, degrees);
          expect(level).toBeGreaterThanOrEqual(0.00099);
          expect(level).toBeLessThanOrEqual(0.2541);
        },
      ),
    );
    expect(computeAndersonDarlingSignificance(0.3, 1)).toBe(0.25);
    expect(computeAndersonDarlingSignificance(6.6, 1)).toBe(0.001);
  });

  it("decreases in the statistic inside the interpolation range", () => {
    // [0.7, 4.5] lies inside [critical.min(), critical.max()] for m = 1..6.
    fc.assert(
      fc.property(
        fc.double({ min: 0.7, max: 4.5, noNaN: true }),
        fc.double({ min: 1e-6, max: 3.8, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        (statistic, step, degrees) => {
          const upper = Math.min(4.5, statistic + step);
          fc.pre(upper > statistic);
          expect(computeAndersonDarlingSignificance(upper, degrees)).toBeLessThan(
            computeAndersonDarlingSignificance(statistic, degrees),
          );
        },
      ),
    );
  });

  const sample = fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 2, maxLength: 15 });
  it("does not depend on the order of the samples", () => {
    fc.assert(
      fc.property(sample, sample, sample, (a, b, c) => {
        const samples = [a, b, c].map((s) => Float64Array.from(s));
        const forward = andersonDarlingKSampleTest(samples);
        const backward = andersonDarlingKSampleTest([...samples].reverse());
        expect(backward.status).toBe(forward.status);
        if (forward.status === "ok" && backward.status === "ok") {
          expect(backward.statistic).toBeCloseTo(forward.statistic, 10);
          expect(backward.significanceLevel).toBeCloseTo(forward.significanceLevel, 10);
        }
      }),
    );
  });
});
