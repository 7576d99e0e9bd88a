import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMulticlassClassificationMetrics } from "./multiclass-classification.js";
import { expectClose, expectOk, expectOkValue } from "../../test/support/result-assertions.js";
import { generateMinstdUniforms } from "../../test/support/deterministic-samples.js";

/** Python: y = floor(u·k); raw_c = floor(u·levels)/levels + 0.5·[c = y]; row = raw / sum(raw). */
function generateMulticlass(seed: number, n: number, k: number, levels: number) {
  const u = generateMinstdUniforms(seed, n * (k + 1));
  const yTrue: number[] = [];
  const yProba: number[][] = [];
  for (let i = 0; i < n; i++) {
    const y = Math.floor(u[i * (k + 1)]! * k);
    const raw = Array.from(
      { length: k },
      (_, c) => Math.floor(u[i * (k + 1) + 1 + c]! * levels) / levels + (c === y ? 0.5 : 0),
    );
    const total = raw.reduce((a, b) => a + b, 0);
    yTrue.push(y);
    yProba.push(raw.map((r) => r / total));
  }
  return { yTrue, yProba };
}

function metricsOf(yTrue: number[], yProba: number[][], labels: number[], topK?: number) {
  const input = { yTrue, yProba, labels };
  return expectOk(computeMulticlassClassificationMetrics(topK === undefined ? input : { ...input, topK }));
}

function flatten(m: ReturnType<typeof metricsOf>): Record<string, number> {
  const flat: Record<string, number> = { accuracy: m.accuracy, log_loss: m.logLoss };
  for (const average of ["micro", "macro", "weighted"] as const) {
    for (const score of ["precision", "recall", "f1"] as const) {
      flat[`${score}_${average}`] = m[average][score];
    }
  }
  if (m.rocAucOvrMacro.status === "ok") flat["roc_auc_ovr_macro"] = m.rocAucOvrMacro.value;
  if (m.rocAucOvrWeighted.status === "ok") flat["roc_auc_ovr_weighted"] = m.rocAucOvrWeighted.value;
  flat[`top${m.topK}_accuracy`] = m.topKAccuracy;
  return flat;
}

describe("computeMulticlassClassificationMetrics", () => {
  // Python (sklearn 1.2.1): pred = argmax; precision/recall/f1_score(average=..., zero_division=0);
  // roc_auc_score(y, P, multi_class="ovr", average=..., labels=L); log_loss(y, P, labels=L);
  // top_k_accuracy_score(y, P, k=k, labels=L)
  it("matches sklearn on 500 rows, 4 classes, tied probabilities", () => {
    const { yTrue, yProba } = generateMulticlass(21, 500, 4, 4);
    expect(yProba[2]).toEqual([0.5, 0, 0, 0.5]); // an argmax tie: first max wins
    const labels = [0, 1, 2, 3];
    const m = metricsOf(yTrue, yProba, labels);
    const flat = flatten(m);
    const expected: Record<string, number> = {
      accuracy: 0.738,
      log_loss: 0.8327620070791902,
      precision_micro: 0.738,
      f1_micro: 0.738,
      precision_macro: 0.7539809778675236,
      recall_macro: 0.7379775610902256,
      f1_macro: 0.7375504604664307,
      precision_weighted: 0.7538972084708471,
      recall_weighted: 0.738,
      f1_weighted: 0.7373261024296157,
      roc_auc_ovr_macro: 0.9159628713446679,
      roc_auc_ovr_weighted: 0.915720050228296,
      top2_accuracy: 0.904,
    };
    for (const [key, value] of Object.entries(expected)) expectClose(flat[key]!, value);
    expectClose(metricsOf(yTrue, yProba, labels, 1).topKAccuracy, 0.706);
    expectClose(metricsOf(yTrue, yProba, labels, 3).topKAccuracy, 0.982);
    expect(metricsOf(yTrue, yProba, labels, 4).topKAccuracy).toBe(1);
  });

  it("averages over labels in y_true ∪ y_pred when a label is missing from y_true", () => {
    const yProba = [
      [0.5, 0.2, 0.3],
      [0.1, 0.3, 0.6],
      [0.4, 0.4, 0.2],
      [0.2, 0.5, 0.3],
      [0.3, 0.3, 0.4],
      [0.6, 0.1, 0.3],
    ];
    const m = metricsOf([0, 1, 0, 1, 1, 0], yProba, [0, 1, 2], 1);
    expect(m.rocAucOvrMacro.status).toBe("insufficient_data");
    expect(m.rocAucOvrWeighted.status).toBe("insufficient_data");
    expectClose(m.macro.precision, 0.6666666666666666);
    expectClose(m.macro.recall, 0.4444444444444444);
    expectClose(m.macro.f1, 0.5);
    expectClose(m.weighted.precision, 1);
    expectClose(m.weighted.f1, 0.75);
    expectClose(m.logLoss, 0.8702260542353181);
    expectClose(m.topKAccuracy, 0.5);
  });

  it("leaves a label absent from both y_true and y_pred out of the macro average", () => {
    const yProba = [
      [0.5, 0.2, 0.3, 0],
      [0.1, 0.6, 0.3, 0],
      [0.4, 0.4, 0.2, 0],
      [0.2, 0.5, 0.3, 0],
      [0.3, 0.3, 0.4, 0],
      [0.6, 0.1, 0.3, 0],
      [0.25, 0.25, 0.25, 0.25],
    ];
    const m = metricsOf([0, 1, 0, 1, 1, 0, 2], yProba, [0, 1, 2, 3], 1);
    expectClose(m.accuracy, 0.7142857142857143);
    expectClose(m.macro.precision, 0.5833333333333334);
    expectClose(m.macro.recall, 0.5555555555555555);
    expectClose(m.macro.f1, 0.5523809523809523);
    expectClose(m.weighted.precision, 0.75);
    expectClose(m.weighted.f1, 0.710204081632653);
    expectClose(m.logLoss, 0.8449290722816934); // zero probabilities clipped to eps
    expectClose(m.topKAccuracy, 0.5714285714285714);
  });

  it("ranks tied scores like sklearn's reversed stable argsort in top-k", () => {
    const yProba = [
      [0.4, 0.4, 0.2],
      [0.4, 0.4, 0.2],
      [0.3, 0.3, 0.4],
      [1 / 3, 1 / 3, 1 / 3],
    ];
    // top_k_accuracy_score([0,1,2,0], P, k=1) = 0.5, k=2 → 0.75
    expect(metricsOf([0, 1, 2, 0], yProba, [0, 1, 2], 1).topKAccuracy).toBe(0.5);
    expect(metricsOf([0, 1, 2, 0], yProba, [0, 1, 2], 2).topKAccuracy).toBe(0.75);
  });

  it("accepts a row-major Float64Array and non-contiguous labels", () => {
    const rows = [
      [0.7, 0.2, 0.1],
      [0.1, 0.8, 0.1],
      [0.2, 0.2, 0.6],
      [0.3, 0.4, 0.3],
    ];
    const fromRows = metricsOf([10, 20, 30, 10], rows, [10, 20, 30]);
    const flat = computeMulticlassClassificationMetrics({
      yTrue: [10, 20, 30, 10],
      yProba: Float64Array.from(rows.flat()),
      labels: [10, 20, 30],
    });
    expect(flat).toEqual(fromRows);
    expect(fromRows.accuracy).toBe(0.75);
    expect(expectOkValue(fromRows.rocAucOvrMacro)).toBeGreaterThan(0.5);
  });

  it("rejects programmer errors and empty input", () => {
    expect(computeMulticlassClassificationMetrics({ yTrue: [], yProba: [], labels: [0, 1] }).status).toBe(
      "insufficient_data",
    );
    expect(() =>
      computeMulticlassClassificationMetrics({ yTrue: [5], yProba: [[0.5, 0.5]], labels: [0, 1] }),
    ).toThrow(RangeError);
    expect(() => computeMulticlassClassificationMetrics({ yTrue: [0], yProba: [[1]], labels: [0] })).toThrow(
      RangeError,
    );
    expect(() =>
      computeMulticlassClassificationMetrics({ yTrue: [0], yProba: [[0.5]], labels: [0, 1] }),
    ).toThrow(RangeError);
  });

  it("keeps every rate in [0, 1] and micro scores equal to accuracy", () => {
    const rowsArb = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
      ),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const yProba = rows.map(([, raw]) => raw.map((r) => (r + 1) / (raw.reduce((a, b) => a + b, 0) + 3)));
        const m = metricsOf(
          rows.map(([y]) => y),
          yProba,
          [0, 1, 2],
          2,
        );
        expectClose(m.micro.recall, m.accuracy, 1e-15);
        for (const average of [m.macro, m.weighted, m.micro]) {
          for (const value of Object.values(average)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
        // Not >= accuracy: on ties sklearn's top-k prefers the later column, argmax the first.
        const top1 = metricsOf(
          rows.map(([y]) => y),
          yProba,
          [0, 1, 2],
          1,
        ).topKAccuracy;
        expect(m.topKAccuracy).toBeGreaterThanOrEqual(top1);
        expect(m.logLoss).toBeGreaterThan(0);
      }),
    );
  });
});
