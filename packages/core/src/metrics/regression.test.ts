import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRegressionMetrics } from "./regression.js";
import { expectOk } from "../../test/support/result-assertions.js";
import { generateMinstdUniforms } from "../../test/support/deterministic-samples.js";

/** Python: yt = floor(u[2i]·2000)/100 − 5; yp = yt + floor((u[2i+1] − 0.5)·400)/100. */
function generateRegression(seed: number, n: number) {
  const u = generateMinstdUniforms(seed, 2 * n);
  const yTrue = Array.from({ length: n }, (_, i) => Math.floor(u[2 * i]! * 2000) / 100 - 5);
  const yPred = yTrue.map((y, i) => y + Math.floor((u[2 * i + 1]! - 0.5) * 400) / 100);
  return { yTrue, yPred };
}

function metricsOf(yTrue: ArrayLike<number>, yPred: ArrayLike<number>) {
  return expectOk(computeRegressionMetrics({ yTrue, yPred }));
}

function flatten(m: ReturnType<typeof metricsOf>): Record<string, number> {
  return {
    mae: m.mae,
    mse: m.mse,
    rmse: m.rmse,
    mape: m.mape,
    r2: m.r2.status === "ok" ? m.r2.value : NaN,
    median_ae: m.medianAe,
    explained_variance: m.explainedVariance,
    max_error: m.maxError,
    mean_error: m.meanError,
  };
}

function expectMatches(m: ReturnType<typeof metricsOf>, expected: Record<string, number>, rel = 1e-12) {
  const flat = flatten(m);
  for (const [key, value] of Object.entries(expected)) {
    expect(Math.abs(flat[key]! - value), key).toBeLessThanOrEqual(1e-15 + rel * Math.abs(value));
  }
}

describe("computeRegressionMetrics", () => {
  // Python (sklearn 1.2.1): mean_absolute_error, mean_squared_error(squared=True/False),
  // mean_absolute_percentage_error, r2_score, median_absolute_error, explained_variance_score,
  // max_error, np.mean(yp - yt). The 2000- and 50000-row sets contain y_true = 0 (MAPE eps path).
  it.each([
    [
      31,
      2000,
      {
        mae: 1.0022950000000002,
        mse: 1.34291935,
        rmse: 1.1588439713783734,
        mape: 2161727821138.5352,
        r2: 0.9602513482436005,
        median_ae: 1.015,
        explained_variance: 0.9602525625009447,
        max_error: 2.0,
        mean_error: 0.006405000000000013,
      },
    ],
    [
      32,
      11,
      {
        mae: 1.1172727272727272,
        mse: 1.5395909090909092,
        rmse: 1.2408025262268405,
        mape: 0.9119018126985415,
        r2: 0.9635314485158578,
        median_ae: 1.1600000000000001,
        explained_variance: 0.9755333851475493,
        max_error: 1.7200000000000006,
        mean_error: 0.7118181818181818,
      },
    ],
    [
      33,
      50000,
      {
        mae: 1.0034346,
        mse: 1.3406019980000001,
        rmse: 1.1578436846137738,
        mape: 2437348118333.6567,
        r2: 0.9599519497427815,
        median_ae: 1.0099999999999998,
        explained_variance: 0.9599532866700559,
        max_error: 2.0000000000000004,
        mean_error: -0.0066897999999999975,
      },
    ],
  ])("matches sklearn for seed %i, n = %i", (seed, n, expected) => {
    const { yTrue, yPred } = generateRegression(seed, n);
    // The MAPE terms reach 1e16 (|e| / eps), so allow a relative 1e-10 for the sum's rounding.
    expectMatches(metricsOf(Float64Array.from(yTrue), yPred), expected, 1e-10);
  });

  it("divides by float64 eps in MAPE when y_true is 0", () => {
    // mean_absolute_percentage_error([0, 1, -2, 0], [0.5, 1, -1, 0]) = 562949953421312.1
    expectMatches(metricsOf([0, 1, -2, 0], [0.5, 1, -1, 0]), {
      mae: 0.375,
      mse: 0.3125,
      mape: 562949953421312.1,
      r2: 0.736842105263158,
      median_ae: 0.25,
      explained_variance: 0.8552631578947368,
      max_error: 1,
      mean_error: 0.375,
    });
  });

  it("follows sklearn's force_finite rule for constant y_true", () => {
    // r2_score([2,2,2], [2,2,2]) = 1.0; r2_score([2,2,2], [2,3,2]) = 0.0 (explained variance alike)
    const perfect = metricsOf([2, 2, 2], [2, 2, 2]);
    expect(perfect.r2).toEqual({ status: "ok", value: 1 });
    expect(perfect.explainedVariance).toBe(1);
    const off = metricsOf([2, 2, 2], [2, 3, 2]);
    expect(off.r2).toEqual({ status: "ok", value: 0 });
    expect(off.explainedVariance).toBe(0);
    // sklearn returns about -1.9e33 here because mean([0.1]*7) != 0.1; the exact rule gives 0.
    const tenths = metricsOf(Array<number>(7).fill(0.1), [0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(tenths.r2).toEqual({ status: "ok", value: 0 });
  });

  it("needs two rows for R² and none for the rest", () => {
    const single = metricsOf([3], [5]);
    expect(single.r2.status).toBe("insufficient_data");
    expect(single.mae).toBe(2);
    expect(single.meanError).toBe(2);
    expect(single.medianAe).toBe(2);
    expect(computeRegressionMetrics({ yTrue: [], yPred: [] }).status).toBe("insufficient_data");
    expect(() => computeRegressionMetrics({ yTrue: [1], yPred: [] })).toThrow(RangeError);
  });

  it("satisfies RMSE² = MSE, MAE <= RMSE <= max error, and R² = 1 for a perfect fit", () => {
    const pairs = fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
      minLength: 2,
      maxLength: 50,
    });
    fc.assert(
      fc.property(pairs, (rows) => {
        const yTrue = rows.map((r) => r[0] / 4);
        const yPred = rows.map((r) => r[1] / 4);
        const m = metricsOf(yTrue, yPred);
        expect(Math.abs(m.rmse * m.rmse - m.mse)).toBeLessThanOrEqual(1e-12 * (1 + m.mse));
        expect(m.mae).toBeLessThanOrEqual(m.rmse + 1e-12);
        expect(m.rmse).toBeLessThanOrEqual(m.maxError + 1e-12);
        expect(m.medianAe).toBeLessThanOrEqual(m.maxError);
        expect(metricsOf(yTrue, yTrue).r2).toEqual({ status: "ok", value: 1 });
      }),
    );
  });
});
