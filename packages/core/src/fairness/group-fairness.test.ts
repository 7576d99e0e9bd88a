import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MetricValue } from "../metrics/metric-value.js";
import { computeGroupFairness } from "./group-fairness.js";

interface ReferenceCase {
  id: string;
  inputs: { y_true: number[]; y_pred: number[]; group: string[] };
  expected: Record<string, number | Record<string, number>>;
  tol: { abs: number; rel: number };
}
const referenceCases = (
  JSON.parse(
    readFileSync(new URL("../../../../../shared/reference/fairness.json", import.meta.url), "utf8"),
  ) as { cases: ReferenceCase[] }
).cases;

/** MINSTD stream; Python: `s = s * 48271 % 2147483647; u = s / 2147483647`. */
function minstd(seed: number, count: number): number[] {
  const out: number[] = [];
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 48271) % 2147483647;
    out.push(state / 2147483647);
  }
  return out;
}

function valueOf(metric: MetricValue | number): number {
  if (typeof metric === "number") return metric;
  if (metric.status !== "ok") throw new Error(`unavailable: ${metric.reason}`);
  return metric.value;
}

function fairnessOf(yTrue: number[], yPred: number[], group: (string | number)[]) {
  const result = computeGroupFairness({ yTrue, yPred, group });
  if (result.status !== "ok") throw new Error(result.reason);
  return result;
}

function expectClose(actual: number, expected: number, rel = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-15 + rel * Math.abs(expected));
}

describe("computeGroupFairness", () => {
  it.each(referenceCases)("matches reference $id", (c) => {
    const f = fairnessOf(c.inputs.y_true, c.inputs.y_pred, c.inputs.group);
    const perGroup = {
      selection_rate: f.selectionRate,
      tpr: f.tpr,
      fpr: f.fpr,
      accuracy: f.accuracy,
    } as const;
    const scalars: Record<string, MetricValue | number> = {
      demographic_parity_difference: f.demographicParityDifference,
      demographic_parity_ratio: f.demographicParityRatio,
      equal_opportunity_difference: f.equalOpportunityDifference,
      equalized_odds_difference: f.equalizedOddsDifference,
      equalized_odds_ratio: f.equalizedOddsRatio,
    };
    for (const [key, expected] of Object.entries(c.expected)) {
      if (typeof expected === "number") {
        expectClose(valueOf(scalars[key]!), expected, c.tol.rel);
        continue;
      }
      const actual = perGroup[key as keyof typeof perGroup] as Record<string, MetricValue | number>;
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const [g, value] of Object.entries(expected)) expectClose(valueOf(actual[g]!), value, c.tol.rel);
    }
    expect(f.disparateImpact).toEqual(f.demographicParityRatio);
  });

  it("matches a NumPy computation on 3000 rows with four groups", () => {
    // Python: g = "xyzw"[floor(u[3i]·4)], yt = u[3i+1] < .5, yp = u[3i+2] < (.3 if g=="w" else .5) + .2·yt;
    // per group yp.mean(), yp[yt==1].mean(), yp[yt==0].mean(), (yp==yt).mean(); max−min, min/max
    const u = minstd(71, 9000);
    const group = Array.from({ length: 3000 }, (_, i) => "xyzw"[Math.floor(u[3 * i]! * 4)]!);
    const yTrue = group.map((_, i) => (u[3 * i + 1]! < 0.5 ? 1 : 0));
    const yPred = group.map((g, i) => (u[3 * i + 2]! < (g === "w" ? 0.3 : 0.5) + 0.2 * yTrue[i]! ? 1 : 0));
    const f = fairnessOf(yTrue, yPred, group);
    expectClose(f.selectionRate["w"]!, 0.3829787234042553);
    expectClose(valueOf(f.tpr["x"]!), 0.7065527065527065);
    expectClose(valueOf(f.fpr["z"]!), 0.5771276595744681);
    expectClose(f.accuracy["y"]!, 0.5843672456575683);
    expectClose(f.demographicParityDifference, 0.23889215933619268);
    expectClose(valueOf(f.demographicParityRatio), 0.6158492607284529);
    expectClose(valueOf(f.equalOpportunityDifference), 0.22539328626285143);
    expectClose(valueOf(f.equalizedOddsDifference), 0.28823877068557924);
    expectClose(valueOf(f.equalizedOddsRatio), 0.500563236047107);
    expect(f.fourFifthsRuleViolated).toEqual({ status: "ok", value: true });
  });

  it("leaves a group's TPR unavailable when it has no positives and excludes it", () => {
    const f = fairnessOf([0, 0, 1, 1, 0, 1], [1, 0, 1, 0, 0, 1], ["a", "a", "b", "b", "b", 7]);
    expect(f.tpr["a"]!.status).toBe("insufficient_data");
    expect(f.fpr["7"]!.status).toBe("insufficient_data");
    expect(valueOf(f.tpr["b"]!)).toBe(0.5);
    expect(valueOf(f.equalOpportunityDifference)).toBe(0.5); // groups b (0.5) and 7 (1)
    expect(valueOf(f.equalizedOddsDifference)).toBe(0.5); // FPR: a 0.5, b 0
    expect(valueOf(f.equalizedOddsRatio)).toBe(0); // min(0.5 / 1, 0 / 0.5)
    expect(f.groupCount).toEqual({ a: 2, b: 3, "7": 1 });
  });

  it("reports ratios as unavailable when every rate is 0, and one group as parity", () => {
    const none = fairnessOf([1, 0, 1, 0], [0, 0, 0, 0], ["a", "a", "b", "b"]);
    expect(none.demographicParityDifference).toBe(0);
    expect(none.demographicParityRatio.status).toBe("insufficient_data");
    expect(none.fourFifthsRuleViolated.status).toBe("insufficient_data");
    const single = fairnessOf([1, 0, 1], [1, 0, 0], ["only", "only", "only"]);
    expect(valueOf(single.demographicParityRatio)).toBe(1);
    expect(single.fourFifthsRuleViolated).toEqual({ status: "ok", value: false });
    expect(computeGroupFairness({ yTrue: [], yPred: [], group: [] }).status).toBe("insufficient_data");
    expect(() => computeGroupFairness({ yTrue: [1], yPred: [0.7], group: ["a"] })).toThrow(RangeError);
  });

  it("keeps differences in [0, 1], ratios in [0, 1], and is invariant to row order", () => {
    const rows = fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.constantFrom("a", "b", "c")), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(rows, (data) => {
        const build = (d: typeof data) =>
          fairnessOf(
            d.map((r) => (r[0] ? 1 : 0)),
            d.map((r) => (r[1] ? 1 : 0)),
            d.map((r) => r[2]),
          );
        const f = build(data);
        expect(f.demographicParityDifference).toBeGreaterThanOrEqual(0);
        expect(f.demographicParityDifference).toBeLessThanOrEqual(1);
        for (const ratio of [f.demographicParityRatio, f.equalizedOddsRatio]) {
          if (ratio.status === "ok") {
            expect(ratio.value).toBeGreaterThanOrEqual(0);
            expect(ratio.value).toBeLessThanOrEqual(1);
          }
        }
        expect(build([...data].reverse())).toEqual(
          expect.objectContaining({ demographicParityDifference: f.demographicParityDifference }),
        );
      }),
    );
  });
});
