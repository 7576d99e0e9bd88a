import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBinaryClassificationMetrics } from "./binary-classification.js";
import { computeAveragePrecision } from "./average-precision.js";
import { deriveClassSortedScores, listDescendingThresholds } from "./class-sorted-scores.js";
import { computeRocAuc } from "./roc-auc.js";
import { expectClose, expectOk, expectOkValue } from "../../test/support/result-assertions.js";
import { generateMinstdUniforms } from "../../test/support/deterministic-samples.js";

/** Python: scores = floor(u[2i]·levels)/levels; y = u[2i+1] < 0.1 + 0.8·score. */
function generateBinary(seed: number, n: number, levels: number) {
  const u = generateMinstdUniforms(seed, 2 * n);
  const yScore = Array.from({ length: n }, (_, i) => Math.floor(u[2 * i]! * levels) / levels);
  const yTrue = yScore.map((s, i) => (u[2 * i + 1]! < 0.1 + 0.8 * s ? 1 : 0));
  return { yTrue, yScore };
}

function metricsOf(yTrue: number[], yScore: number[], threshold?: number) {
  return expectOk(
    computeBinaryClassificationMetrics(
      threshold === undefined ? { yTrue, yScore } : { yTrue, yScore, threshold },
    ),
  );
}

type Expected = Record<string, number>;
function expectAll(metrics: ReturnType<typeof metricsOf>, expected: Expected): void {
  const flat: Record<string, number> = {
    accuracy: metrics.accuracy,
    balancedAccuracy: metrics.balancedAccuracy,
    precision: metrics.precision,
    recall: metrics.recall,
    f1: metrics.f1,
    mcc: metrics.mcc,
    cohenKappa: expectOkValue(metrics.cohenKappa),
    brier: expectOkValue(metrics.brier),
    logLoss: expectOkValue(metrics.logLoss),
    averagePrecision: expectOkValue(metrics.averagePrecision),
  };
  if (metrics.rocAuc.status === "ok") flat["rocAuc"] = metrics.rocAuc.value;
  for (const [name, value] of Object.entries(expected)) expectClose(flat[name]!, value);
}

describe("computeBinaryClassificationMetrics", () => {
  // Python (sklearn 1.2.1): p = s >= thr; accuracy_score, balanced_accuracy_score, precision_score(
  // zero_division=0), recall_score, f1_score, matthews_corrcoef, cohen_kappa_score, brier_score_loss(y, s),
  // log_loss(y, s, labels=[0, 1]), average_precision_score(y, s), roc_auc_score(y, s)
  it("matches sklearn on 1000 rows with 20 tied score levels", () => {
    const { yTrue, yScore } = generateBinary(11, 1000, 20);
    const m = metricsOf(yTrue, yScore);
    expect(m.confusionMatrix).toEqual([
      [352, 158],
      [140, 350],
    ]);
    expectAll(m, {
      accuracy: 0.702,
      balancedAccuracy: 0.7022408963585434,
      precision: 0.6889763779527559,
      recall: 0.7142857142857143,
      f1: 0.7014028056112225,
      mcc: 0.40445266152166437,
      cohenKappa: 0.40419065898912343,
      brier: 0.2045975,
      logLoss: 0.9340076955868647,
      averagePrecision: 0.7326272447038981,
      rocAuc: 0.757563025210084,
    });
  });

  it("matches sklearn at threshold 0.3", () => {
    const { yTrue, yScore } = generateBinary(11, 1000, 20);
    const m = metricsOf(yTrue, yScore, 0.3);
    expect(m.confusionMatrix).toEqual([
      [224, 286],
      [61, 429],
    ]);
    expectAll(m, {
      accuracy: 0.653,
      balancedAccuracy: 0.6573629451780711,
      precision: 0.6,
      recall: 0.8755102040816326,
      f1: 0.7120331950207469,
      mcc: 0.3485299853151437,
      cohenKappa: 0.31191750941899654,
    });
  });

  it("matches sklearn on 37 rows with 5 score levels", () => {
    const { yTrue, yScore } = generateBinary(12, 37, 5);
    expectAll(metricsOf(yTrue, yScore), {
      accuracy: 0.7297297297297297,
      balancedAccuracy: 0.7247023809523809,
      precision: 0.6875,
      recall: 0.6875,
      f1: 0.6875,
      mcc: 0.4494047619047619,
      cohenKappa: 0.44940476190476186,
      brier: 0.1956756756756757,
      logLoss: 1.4597164286734248,
      averagePrecision: 0.649497265122265,
      rocAuc: 0.7693452380952381,
    });
  });

  it("matches sklearn on 100000 rows with 1000 score levels", () => {
    const { yTrue, yScore } = generateBinary(13, 100000, 1000);
    const m = metricsOf(yTrue, yScore);
    expect(m.confusionMatrix).toEqual([
      [34926, 15069],
      [15044, 34961],
    ]);
    expectAll(m, {
      balancedAccuracy: 0.6988699719886997,
      f1: 0.6989753586244815,
      mcc: 0.3977400135819086,
      cohenKappa: 0.3977399638643979,
      brier: 0.20041346472000002,
      logLoss: 0.6027949682343807,
      averagePrecision: 0.7529372602279037,
      rocAuc: 0.7659546458595465,
    });
  });

  it("handles constant scores above the threshold (all tied)", () => {
    const m = metricsOf([0, 1, 1, 0, 1, 0, 0], Array<number>(7).fill(0.5));
    expectAll(m, {
      accuracy: 0.42857142857142855,
      balancedAccuracy: 0.5,
      precision: 0.42857142857142855,
      recall: 1,
      f1: 0.6,
      mcc: 0,
      cohenKappa: 0,
      brier: 0.25,
      logLoss: 0.6931471805599453,
      averagePrecision: 0.42857142857142855,
      rocAuc: 0.5,
    });
  });

  it("handles constant negative predictions with zero_division = 0", () => {
    const m = metricsOf([0, 1, 1, 0, 1, 0, 0], Array<number>(7).fill(0.2));
    expect(m.confusionMatrix).toEqual([
      [4, 0],
      [3, 0],
    ]);
    expectAll(m, {
      precision: 0,
      recall: 0,
      f1: 0,
      mcc: 0,
      cohenKappa: 0,
      brier: 0.2971428571428572,
      logLoss: 0.817269706079877,
    });
  });

  it("reports ROC AUC unavailable with one class but keeps the other metrics", () => {
    const m = metricsOf([1, 1, 1, 1], [0.9, 0.2, 0.6, 0.6]);
    expect(m.rocAuc.status).toBe("insufficient_data");
    expectAll(m, {
      accuracy: 0.75,
      balancedAccuracy: 0.75,
      precision: 1,
      recall: 0.75,
      f1: 0.8571428571428571,
      mcc: 0,
      cohenKappa: 0,
      averagePrecision: 1,
      logLoss: 0.6841124189059771,
    });
    const negatives = metricsOf([0, 0, 0], [0.1, 0.7, 0.3]);
    expect(negatives.averagePrecision.status).toBe("insufficient_data");
    expect(negatives.rocAuc.status).toBe("insufficient_data");
  });

  it("clips probabilities 0 and 1 with float64 eps as sklearn 1.2.1", () => {
    // log_loss([1,0,1,0,1], [0,1,1,0,.5], labels=[0,1]) = 14.556090791758852 (eps=1e-15 would give 14.06)
    expectAll(metricsOf([1, 0, 1, 0, 1], [0, 1, 1, 0, 0.5]), {
      logLoss: 14.556090791758852,
      brier: 0.45,
      averagePrecision: 0.5888888888888889,
      rocAuc: 0.5,
      mcc: 0.16666666666666666,
      cohenKappa: 0.16666666666666663,
    });
  });

  it("leaves kappa unavailable when truth and prediction are the same constant", () => {
    const m = metricsOf([1, 1, 1], [0.9, 0.8, 0.7]);
    expect(m.cohenKappa.status).toBe("insufficient_data");
    expect(m.mcc).toBe(0);
    expect(m.accuracy).toBe(1);
  });

  it("reports log loss and Brier unavailable for scores outside [0, 1]", () => {
    const m = metricsOf([0, 1, 0, 1], [-2, 3, 0.1, 0.4], 0);
    expect(m.logLoss.status).toBe("insufficient_data");
    expect(m.brier.status).toBe("insufficient_data");
    expect(expectOkValue(m.rocAuc)).toBe(1);
  });

  it("returns insufficient_data for empty input and throws on bad labels", () => {
    expect(computeBinaryClassificationMetrics({ yTrue: [], yScore: [] }).status).toBe("insufficient_data");
    expect(() => computeBinaryClassificationMetrics({ yTrue: [2], yScore: [0.5] })).toThrow(RangeError);
    expect(() => computeBinaryClassificationMetrics({ yTrue: [1], yScore: [] })).toThrow(RangeError);
  });

  it("scores one million rows quickly", () => {
    const { yTrue, yScore } = generateBinary(5, 1_000_000, 100000);
    const result = computeBinaryClassificationMetrics({
      yTrue: Uint8Array.from(yTrue),
      yScore: Float64Array.from(yScore),
    });
    expect(result.status).toBe("ok");
  });
});

const labelledScores = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 8 })), {
    minLength: 1,
    maxLength: 60,
  })
  .map((rows) => ({ yTrue: rows.map((r) => r[0]), yScore: rows.map((r) => r[1] / 8) }));

/** O(n²) Mann-Whitney definition: P(score+ > score−) + ½ P(tie). */
function bruteForceAuc(yTrue: number[], yScore: number[]): number {
  let wins = 0;
  let pairs = 0;
  yTrue.forEach((a, i) => {
    yTrue.forEach((b, j) => {
      if (a === 1 && b === 0) {
        pairs++;
        wins += yScore[i]! > yScore[j]! ? 1 : yScore[i] === yScore[j] ? 0.5 : 0;
      }
    });
  });
  return wins / pairs;
}

describe("ROC AUC and average precision properties", () => {
  it("ROC AUC equals the Mann-Whitney pair probability and reverses under negation", () => {
    fc.assert(
      fc.property(labelledScores, ({ yTrue, yScore }) => {
        const auc = computeRocAuc({ yTrue, yScore });
        const hasBoth = yTrue.includes(0) && yTrue.includes(1);
        expect(auc.status).toBe(hasBoth ? "ok" : "insufficient_data");
        if (auc.status !== "ok") return;
        expectClose(auc.value, bruteForceAuc(yTrue, yScore), 1e-12);
        const flipped = computeRocAuc({ yTrue, yScore: yScore.map((s) => -s) });
        expectClose(expectOkValue(flipped), 1 - auc.value, 1e-12);
      }),
    );
  });

  it("average precision lies in (0, 1] and is 1 for a perfect ranking", () => {
    fc.assert(
      fc.property(labelledScores, ({ yTrue, yScore }) => {
        const ap = computeAveragePrecision({ yTrue, yScore });
        if (!yTrue.includes(1)) {
          expect(ap.status).toBe("insufficient_data");
          return;
        }
        const value = expectOkValue(ap);
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThanOrEqual(1 + 1e-15);
        expect(expectOkValue(computeAveragePrecision({ yTrue, yScore: yTrue }))).toBe(1);
      }),
    );
  });

  it("gives the same metrics from class-sorted scores the caller passes in, ties and odd scores included", () => {
    const row = fc.tuple(
      fc.constantFrom(0, 1),
      fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1, 1.5, -2)),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom(0.3, 0.5), (rows, threshold) => {
        const yTrue = Float64Array.from(rows, (r) => r[0]);
        const yScore = Float64Array.from(rows, (r) => r[1]);
        const classScores = deriveClassSortedScores(yTrue, yScore);
        expect(computeBinaryClassificationMetrics({ yTrue, yScore, threshold, classScores })).toEqual(
          computeBinaryClassificationMetrics({ yTrue, yScore, threshold }),
        );
      }),
    );
  });

  it("visits the same thresholds from the counts kept by deriveClassSortedScores as by walking, -0 and ties included", () => {
    const row = fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(-0, 0, 0.25, 0.5, 0.5, 1, 0.75));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const derived = deriveClassSortedScores(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        );
        const walked = { positives: derived.positives, negatives: derived.negatives };
        const pairs = (s: typeof walked) => {
          const t = listDescendingThresholds(s);
          return Array.from(t.positives, (p, k) => [p, t.negatives[k]]);
        };
        expect(derived.thresholds).toBeDefined();
        expect(pairs(derived)).toEqual(pairs(walked));
        expect(pairs(walked)).toHaveLength(new Set(rows.map((r) => r[1] + 0)).size);
        // Tied counts add up to the rows, highest score first.
        expect(pairs(walked).reduce((sum, [p, n]) => sum + p! + n!, 0)).toBe(rows.length);
      }),
    );
  });
});
