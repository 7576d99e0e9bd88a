import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeGroupFairness } from "./group-fairness.js";
import { expectClose, expectOk, expectOkValue } from "../../test/support/result-assertions.js";
import { generateMinstdUniforms } from "../../test/support/deterministic-samples.js";

function fairnessOf(yTrue: number[], yPred: number[], group: (string | number)[]) {
  return expectOk(computeGroupFairness({ yTrue, yPred, group }));
}

describe("computeGroupFairness", () => {
  it("matches a NumPy computation on 3000 rows with four groups", () => {
    // Python: g = "xyzw"[floor(u[3i]·4)], yt = u[3i+1] < .5, yp = u[3i+2] < (.3 if g=="w" else .5) + .2·yt;
    // per group yp.mean(), yp[yt==1].mean(), yp[yt==0].mean(), (yp==yt).mean(); max−min, min/max
    const u = generateMinstdUniforms(71, 9000);
    const group = Array.from({ length: 3000 }, (_, i) => "xyzw"[Math.floor(u[3 * i]! * 4)]!);
    const yTrue = group.map((_, i) => (u[3 * i + 1]! < 0.5 ? 1 : 0));
    const yPred = group.map((g, i) => (u[3 * i + 2]! < (g === "w" ? 0.3 : 0.5) + 0.2 * yTrue[i]! ? 1 : 0));
    const f = fairnessOf(yTrue, yPred, group);
    expectClose(f.selectionRate["w"]!, 0.3829787234042553);
    expectClose(expectOkValue(f.tpr["x"]!), 0.7065527065527065);
    expectClose(expectOkValue(f.fpr["z"]!), 0.5771276595744681);
    expectClose(f.accuracy["y"]!, 0.5843672456575683);
    expectClose(f.demographicParityDifference, 0.23889215933619268);
    expectClose(expectOkValue(f.demographicParityRatio), 0.6158492607284529);
    expectClose(expectOkValue(f.equalOpportunityDifference), 0.22539328626285143);
    expectClose(expectOkValue(f.equalizedOddsDifference), 0.28823877068557924);
    expectClose(expectOkValue(f.equalizedOddsRatio), 0.500563236047107);
    expect(f.fourFifthsRuleViolated).toEqual({ status: "ok", value: true });
    for (const perGroup of [f.selectionRate, f.tpr, f.fpr, f.accuracy]) {
      expect(Object.keys(perGroup).sort()).toEqual(["w", "x", "y", "z"]);
    }
    expect(f.disparateImpact).toEqual(f.demographicParityRatio);
  });

  it("leaves a group's TPR unavailable when it has no positives and excludes it", () => {
    const f = fairnessOf([0, 0, 1, 1, 0, 1], [1, 0, 1, 0, 0, 1], ["a", "a", "b", "b", "b", 7]);
    expect(f.tpr["a"]!.status).toBe("insufficient_data");
    expect(f.fpr["7"]!.status).toBe("insufficient_data");
    expect(expectOkValue(f.tpr["b"]!)).toBe(0.5);
    expect(expectOkValue(f.equalOpportunityDifference)).toBe(0.5); // groups b (0.5) and 7 (1)
    expect(expectOkValue(f.equalizedOddsDifference)).toBe(0.5); // FPR: a 0.5, b 0
    expect(expectOkValue(f.equalizedOddsRatio)).toBe(0); // min(0.5 / 1, 0 / 0.5)
    expect(f.groupCount).toEqual({ a: 2, b: 3, "7": 1 });
  });

  it("reports ratios as unavailable when every rate is 0, and one group as parity", () => {
    const none = fairnessOf([1, 0, 1, 0], [0, 0, 0, 0], ["a", "a", "b", "b"]);
    expect(none.demographicParityDifference).toBe(0);
    expect(none.demographicParityRatio.status).toBe("insufficient_data");
    expect(none.fourFifthsRuleViolated.status).toBe("insufficient_data");
    const single = fairnessOf([1, 0, 1], [1, 0, 0], ["only", "only", "only"]);
    expect(expectOkValue(single.demographicParityRatio)).toBe(1);
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
