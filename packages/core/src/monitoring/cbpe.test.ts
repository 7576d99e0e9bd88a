import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBinaryClassificationMetrics } from "../metrics/binary-classification.js";
import { computeRocAuc } from "../metrics/roc-auc.js";
import type { SeededRandom } from "../random/seeded-random.js";
import { createSeededRandom } from "../random/seeded-random.js";
import type { CbpeCalibration } from "./cbpe.js";
import {
  computeCbpeEstimate,
  computeCbpeProbabilities,
  computeEqualCountEce,
  fitCbpeCalibration,
} from "./cbpe.js";
import { computeCbpeRocAucStandardError, computeExpectedRocAuc } from "./cbpe-roc-auc.js";
import { drawStandardNormal } from "../../test/support/deterministic-samples.js";

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const trueProbability = (x: number): number => sigmoid(-1 + 2 * x);
// A monotone but over-confident, biased model: ranking is right, probabilities are not.
const modelScore = (x: number): number => sigmoid(1.6 * (-1 + 2 * x) + 0.4);

function simulate(random: SeededRandom, size: number, mean: number, sd: number, score = modelScore) {
  const scores = new Float64Array(size);
  const labels = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = mean + sd * drawStandardNormal(random);
    scores[i] = score(x);
    labels[i] = random.nextFloat() < trueProbability(x) ? 1 : 0;
  }
  return { scores, labels };
}

function fitOrThrow(scores: ArrayLike<number>, labels: ArrayLike<number>, seed = 7): CbpeCalibration {
  const fit = fitCbpeCalibration({ scores, labels, seed });
  if (fit.status !== "ok") throw new Error(fit.reason);
  return fit;
}

describe("computeEqualCountEce", () => {
  it("splits sorted rows into array_split-sized bins", () => {
    // 5 rows in 2 bins: sizes 3 and 2. Bin 1: p 0.1,0.2,0.3 vs y 0,0,1 → |1 - 0.6|; bin 2: p 0.8,0.9 vs y 1,1 → |2 - 1.7|.
    const result = computeEqualCountEce({
      labels: [1, 0, 1, 0, 1],
      probabilities: [0.9, 0.1, 0.3, 0.2, 0.8],
      binCount: 2,
    });
    expect(result.status === "ok" && result.ece).toBeCloseTo((0.4 + 0.3) / 5, 12);
    expect(computeEqualCountEce({ labels: [], probabilities: [] }).status).toBe("insufficient_data");
    // Fewer rows than bins: empty bins contribute nothing.
    const tiny = computeEqualCountEce({ labels: [1], probabilities: [0.25] });
    expect(tiny.status === "ok" && tiny.ece).toBe(0.75);
  });
});

describe("fitCbpeCalibration", () => {
  it("keeps the isotonic calibrator for mis-calibrated scores", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const reference = simulate(createSeededRandom(seed), 2000, 0, 1);
      const calibration = fitOrThrow(reference.scores, reference.labels, seed);
      expect(calibration.calibrator).not.toBeNull();
      expect(calibration.calibratedEce).toBeLessThan(calibration.uncalibratedEce!);
    }
  });

  it("mostly keeps raw scores that are already calibrated (the fold comparison is noisy, so over seeds)", () => {
    let rawKept = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const reference = simulate(createSeededRandom(seed), 2000, 0, 1, trueProbability);
      if (fitOrThrow(reference.scores, reference.labels, seed).calibrator === null) rawKept++;
    }
    expect(rawKept).toBeGreaterThanOrEqual(7);
  });

  it("always calibrates scores outside [0, 1], and is deterministic for a seed", () => {
    const reference = simulate(createSeededRandom(3), 500, 0, 1, (x) => 3 * x);
    const calibration = fitOrThrow(reference.scores, reference.labels);
    expect(calibration.calibrator).not.toBeNull();
    expect(calibration.uncalibratedEce).toBeNull();
    expect(fitOrThrow(reference.scores, reference.labels)).toEqual(calibration);
  });

  it("reports insufficient data and rejects bad labels", () => {
    expect(fitCbpeCalibration({ scores: [0.1, 0.2], labels: [0, 1], seed: 1 }).status).toBe(
      "insufficient_data",
    );
    const oneClass = {
      scores: new Array<number>(20).fill(0.3),
      labels: new Array<number>(20).fill(1),
      seed: 1,
    };
    expect(fitCbpeCalibration(oneClass).status).toBe("insufficient_data");
    expect(() => fitCbpeCalibration({ scores: [0.1], labels: [2], seed: 1 })).toThrow(RangeError);
  });
});

describe("computeCbpeEstimate", () => {
  it("equals the realised metrics when p̂ is a certain 0/1 that matches the labels", () => {
    const calibration: CbpeCalibration = {
      calibrator: { knots: [0.4, 0.6], values: [0, 1] },
      uncalibratedEce: 0.1,
      calibratedEce: 0,
      foldCount: 5,
      referenceSize: 100,
    };
    const scores = [0.1, 0.3, 0.3, 0.7, 0.9, 0.95, 0.2, 0.8];
    const labels = Array.from(computeCbpeProbabilities(calibration, scores));
    expect(labels).toEqual([0, 0, 0, 1, 1, 1, 0, 1]);
    const estimate = computeCbpeEstimate({ calibration, scores });
    const realised = computeBinaryClassificationMetrics({ yTrue: labels, yScore: scores });
    if (estimate.status !== "ok" || realised.status !== "ok") throw new Error("metrics");
    expect(estimate.accuracy).toBe(realised.accuracy);
    expect(estimate.f1).toBe(realised.f1);
    expect(estimate.rocAuc).toEqual(realised.rocAuc);
    expect(estimate.standardErrors).toEqual({ accuracy: 0, precision: 0, recall: 0, f1: 0 });
  });

  it("computes the expected confusion matrix by hand", () => {
    const calibration: CbpeCalibration = {
      calibrator: null,
      uncalibratedEce: 0,
      calibratedEce: 0,
      foldCount: 5,
      referenceSize: 100,
    };
    const estimate = computeCbpeEstimate({ calibration, scores: [0.9, 0.6, 0.2, 0.4] });
    if (estimate.status !== "ok") throw new Error(estimate.reason);
    expect(estimate.expected.tp).toBeCloseTo(1.5, 12);
    expect(estimate.expected.fp).toBeCloseTo(0.5, 12);
    expect(estimate.expected.fn).toBeCloseTo(0.6, 12);
    expect(estimate.expected.tn).toBeCloseTo(1.4, 12);
    expect(estimate.accuracy).toBeCloseTo(2.9 / 4, 12);
    expect(estimate.precision).toBeCloseTo(0.75, 12);
    expect(estimate.recall).toBeCloseTo(1.5 / 2.1, 12);
    expect(estimate.f1).toBeCloseTo(3 / (3 + 0.5 + 0.6), 12);
    // Pairs i≠j weighted p_i(1−p_j), h by score order: hand sum 2.78 over 2.1·1.9 − Σp(1−p) = 3.99 − 0.73.
    expect(estimate.rocAuc.status === "ok" && estimate.rocAuc.value).toBeCloseTo(2.78 / 3.26, 12);
    expect(estimate.standardErrors.accuracy).toBeCloseTo(Math.sqrt(0.73) / 4, 12);
    // No predicted positives → zero_division 0, as the realised metrics report.
    const none = computeCbpeEstimate({ calibration, scores: [0.1, 0.2] });
    expect(none.status === "ok" && [none.precision, none.standardErrors.precision]).toEqual([0, 0]);
    expect(computeCbpeEstimate({ calibration, scores: [] }).status).toBe("insufficient_data");
  });

  it("expected ROC AUC equals the brute-force sum over pairs i ≠ j, ties counted half", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 2,
          maxLength: 25,
        }),
        (rows) => {
          const scores = rows.map(([s]) => s / 6);
          const probabilities = rows.map(([, p]) => p);
          let numerator = 0;
          let denominator = 0;
          for (let i = 0; i < rows.length; i++) {
            for (let j = 0; j < rows.length; j++) {
              if (i === j) continue;
              const weight = probabilities[i]! * (1 - probabilities[j]!);
              const h = scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
              numerator += weight * h;
              denominator += weight;
            }
          }
          const auc = computeExpectedRocAuc(scores, probabilities);
          if (denominator > 1e-9)
            expect(auc.status === "ok" && auc.value).toBeCloseTo(numerator / denominator, 9);
        },
      ),
    );
  });

  it("ROC AUC is insufficient when no pair of rows can be a positive/negative pair", () => {
    expect(computeExpectedRocAuc([0.3], [0.3]).status).toBe("insufficient_data");
    expect(computeExpectedRocAuc([0.3, 0.6], [1, 1]).status).toBe("insufficient_data");
  });
});

describe("CBPE acceptance: covariate shift without concept shift", () => {
  it("estimates lie within three standard errors of the realised metric in >= 95% of 120 windows", () => {
    const random = createSeededRandom(20240601);
    const reference = simulate(random, 10_000, 0, 1);
    const calibration = fitOrThrow(reference.scores, reference.labels, 11);
    const windowCount = 120;
    const covered = { accuracy: 0, precision: 0, recall: 0, f1: 0, rocAuc: 0 };
    for (let w = 0; w < windowCount; w++) {
      const size = 300 + random.nextInt(1700);
      const window = simulate(random, size, -1 + 2 * random.nextFloat(), 0.7 + 0.6 * random.nextFloat());
      const estimate = computeCbpeEstimate({ calibration, scores: window.scores });
      const realised = computeBinaryClassificationMetrics({ yTrue: window.labels, yScore: window.scores });
      if (estimate.status !== "ok" || realised.status !== "ok") throw new Error("metrics");
      const se = estimate.standardErrors;
      if (Math.abs(estimate.accuracy - realised.accuracy) <= 3 * se.accuracy) covered.accuracy++;
      if (Math.abs(estimate.precision - realised.precision) <= 3 * se.precision) covered.precision++;
      if (Math.abs(estimate.recall - realised.recall) <= 3 * se.recall) covered.recall++;
      if (Math.abs(estimate.f1 - realised.f1) <= 3 * se.f1) covered.f1++;
      const aucSe = computeCbpeRocAucStandardError({
        scores: window.scores,
        probabilities: computeCbpeProbabilities(calibration, window.scores),
        seed: w,
        replicateCount: 100,
      });
      const realisedAuc = computeRocAuc({ yTrue: window.labels, yScore: window.scores });
      if (estimate.rocAuc.status !== "ok" || realisedAuc.status !== "ok" || aucSe.status !== "ok")
        throw new Error("auc");
      if (Math.abs(estimate.rocAuc.value - realisedAuc.value) <= 3 * aucSe.standardError) covered.rocAuc++;
    }
    for (const count of Object.values(covered)) expect(count / windowCount).toBeGreaterThanOrEqual(0.95);
  });

  it("uncalibrated estimates of a mis-calibrated model miss far more often (the gate matters)", () => {
    const random = createSeededRandom(99);
    const raw: CbpeCalibration = {
      calibrator: null,
      uncalibratedEce: 0,
      calibratedEce: 0,
      foldCount: 5,
      referenceSize: 0,
    };
    let covered = 0;
    for (let w = 0; w < 40; w++) {
      const window = simulate(random, 1000, -1 + 2 * random.nextFloat(), 1);
      const estimate = computeCbpeEstimate({ calibration: raw, scores: window.scores });
      const realised = computeBinaryClassificationMetrics({ yTrue: window.labels, yScore: window.scores });
      if (estimate.status !== "ok" || realised.status !== "ok") throw new Error("metrics");
      if (Math.abs(estimate.accuracy - realised.accuracy) <= 3 * estimate.standardErrors.accuracy) covered++;
    }
    expect(covered / 40).toBeLessThan(0.8);
  });
});
