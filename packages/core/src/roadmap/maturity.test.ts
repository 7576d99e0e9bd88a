import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildBaselineFacts, buildBaselineQuestionnaire } from "./fixtures/baseline-facts.js";
import { EU_BANK_FACTS, EU_BANK_QUESTIONNAIRE } from "./fixtures/eu-bank.js";
import { computeProgressIndex, computeReadinessLevel, derivePhaseLabel } from "./maturity-aggregates.js";
import { computeLadderLevel } from "./maturity-conditions.js";
import type { LevelCondition } from "./maturity-conditions.js";
import { scoreDimensions } from "./maturity.js";
import type { DimensionScore } from "./maturity.js";
import {
  computeMonitoringTestScore,
  deriveMonitoringTestBand,
  summariseMonitoringTestScores,
} from "./monitoring-test-score.js";
import { computeDiscrepancies } from "./needs.js";
import { derivePortfolioSignals } from "./portfolio-signals.js";
import { toRatio } from "./ratio.js";
import { DEFAULT_ROADMAP_RULESET } from "./ruleset.js";
import type { ObservedFacts, RoadmapQuestionnaire } from "./types.js";

function score(
  facts: ObservedFacts,
  q: RoadmapQuestionnaire = buildBaselineQuestionnaire(),
): DimensionScore[] {
  const signals = derivePortfolioSignals(facts, q);
  const discrepancies = computeDiscrepancies(facts, q, DEFAULT_ROADMAP_RULESET);
  return scoreDimensions({
    facts,
    questionnaire: q,
    ruleset: DEFAULT_ROADMAP_RULESET,
    signals,
    supplement: {},
    discrepancies,
  });
}
const level = (dims: DimensionScore[], id: string) => dims.find((d) => d.id === id)!.level;

describe("threshold boundaries (0.5, 0.8, 1.0)", () => {
  it.each([
    // owners of 10, D1 level (business owner, risk tier 10/10, total ≥ 1)
    [4, 1],
    [5, 2], // 0.5 reaches L2
    [9, 2],
    [10, 3], // 1.0 reaches L3
  ])("D1 with %i/10 owners → %i", (owners, expected) => {
    const f = buildBaselineFacts(10);
    f.models.withOwner = toRatio(owners, 10);
    f.models.withBusinessOwner = toRatio(8, 10);
    f.models.withRiskTier = toRatio(8, 10);
    expect(level(score(f), "D1")).toBe(expected);
  });

  it.each([
    [7, 1],
    [8, 2], // exactly 0.8
  ])("D3 with %i/10 routed → %i", (routed, expected) => {
    const f = buildBaselineFacts(10);
    f.alerting.policies = 1;
    f.alerting.routedCoverage = toRatio(routed, 10);
    f.alerting.noisyPolicies = 1; // keeps L3 out of reach
    expect(level(score(f), "D3")).toBe(expected);
  });

  it("treats 4/5 as reaching 0.8 despite floating point", () => {
    const f = buildBaselineFacts(5);
    f.alerting.policies = 1;
    f.alerting.routedCoverage = toRatio(4, 5);
    f.alerting.noisyPolicies = 1;
    expect(level(score(f), "D3")).toBe(2);
  });

  it("requires D1 L3 conditions and no D-UNREG", () => {
    const f = buildBaselineFacts(10);
    f.models.withOwner = toRatio(10, 10);
    f.models.withBusinessOwner = toRatio(8, 10);
    f.models.withRiskTier = toRatio(8, 10);
    const q = buildBaselineQuestionnaire();
    q.needs.modelsInProduction.now = 12;
    const dims = score(f, q);
    expect(level(dims, "D1")).toBe(2);
    expect(dims.find((d) => d.id === "D1")!.nextLevel.map((c) => c.nextStepId)).toEqual(["N-REG-UNREG"]);
  });
});

describe("P = 0", () => {
  it("yields null for every dimension except D1", () => {
    const dims = score(buildBaselineFacts(0));
    expect(dims.filter((d) => d.id !== "D1").every((d) => d.level === null)).toBe(true);
    expect(level(dims, "D1")).toBe(0);
  });

  it("applies D1-L0/declared when production models are declared but none registered", () => {
    const f = buildBaselineFacts(0);
    f.models.total = 3;
    const q = buildBaselineQuestionnaire();
    q.needs.modelsInProduction.now = 5;
    const d1 = score(f, q).find((d) => d.id === "D1")!;
    expect(d1).toMatchObject({ level: 0, ruleId: "D1-L0/declared" });
    expect(d1.nextLevel[0]!.gap).toBe(5);
    expect(computeReadinessLevel(score(f, q), false).value).toBe(0);
  });
});

describe("D2 performance exemption", () => {
  it("counts prediction drift instead of performance only when labels never arrive", () => {
    const f = buildBaselineFacts(10);
    f.monitoring.anyActive = toRatio(10, 10);
    f.monitoring.drift = toRatio(10, 10);
    const q = buildBaselineQuestionnaire();
    q.needs.groundTruthLatency = "weeks";
    expect(level(score(f, q), "D2")).toBe(2);
    q.needs.groundTruthLatency = "never";
    expect(level(score(f, q), "D2")).toBe(3);
  });
});

describe("D6 relevance", () => {
  it("is n/a without sensitive attributes, high risk or regulation, and 0 when regulated without sensitive attributes", () => {
    const f = buildBaselineFacts(4);
    expect(level(score(f), "D6")).toBeNull();
    const q = buildBaselineQuestionnaire();
    q.constraints.regulatedUseCases = ["employment"];
    expect(level(score(f, q), "D6")).toBe(0);
  });
});

describe("property: more coverage never lowers a level", () => {
  const keys = [
    "drift",
    "dataQuality",
    "performance",
    "schemaRegistered",
    "trainingBaseline",
    "outputSanity",
    "upstreamChange",
    "anyActive",
  ] as const;
  it("raising any monitoring numerator keeps every dimension at least as high", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (key, a, b) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const f1 = structuredClone(EU_BANK_FACTS);
          const f2 = structuredClone(EU_BANK_FACTS);
          f1.monitoring[key] = toRatio(lo, 40);
          f2.monitoring[key] = toRatio(hi, 40);
          const d1 = score(f1, EU_BANK_QUESTIONNAIRE);
          const d2 = score(f2, EU_BANK_QUESTIONNAIRE);
          d1.forEach((d, i) => {
            expect(d2[i]!.level ?? 0).toBeGreaterThanOrEqual(d.level ?? 0);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("ladder and aggregates", () => {
  const cond = (level: 1 | 2 | 3 | 4, met: boolean): LevelCondition => ({
    level,
    condition: "c",
    met,
    current: "",
    target: "",
    evidence: [],
  });
  it("stops at the first level with an unmet condition (levels are cumulative)", () => {
    expect(computeLadderLevel([cond(1, true), cond(2, false), cond(3, true), cond(4, true)])).toBe(1);
    expect(computeLadderLevel([cond(1, true), cond(2, true), cond(3, true), cond(4, true)])).toBe(4);
    expect(computeLadderLevel([cond(1, false)])).toBe(0);
  });

  it("progress index doubles the weight of dimensions in Now", () => {
    const dims = [
      { id: "D1", level: 4 },
      { id: "D2", level: 0 },
    ].map(
      (d) => ({ ...d, name: "", ruleId: "", evidence: [], nextLevel: [], anchors: [] }) as DimensionScore,
    );
    const item = (component: string, phase: string) => ({ component, phase }) as never;
    expect(computeProgressIndex(dims, []).value).toBe(50);
    expect(computeProgressIndex(dims, [item("drift_monitoring", "now")]).value).toBe(33); // 100·4 / (4·3)
  });

  it.each([
    [0, 4, "Tactical"],
    [1, 4, "Tactical"],
    [2, 0, "Strategic"],
    [3, 4, "Strategic"],
    [4, 2, "Strategic"],
    [4, 3, "Transformational"],
  ])("phase label readiness %i, D8 %i → %s", (readiness, d8, label) => {
    expect(derivePhaseLabel(readiness, d8).value).toBe(label);
  });
});

describe("monitoring test score (ML Test Score)", () => {
  it("counts 1 per automated and 0.5 per manual test, M5 has no manual form", () => {
    expect(computeMonitoringTestScore({ M1: "automated", M2: "manual", M5: "manual", M7: "absent" })).toBe(
      1.5,
    );
    expect(
      computeMonitoringTestScore({
        M1: "automated",
        M2: "automated",
        M3: "automated",
        M4: "automated",
        M5: "automated",
        M6: "automated",
        M7: "automated",
      }),
    ).toBe(7);
  });

  it("summarises min and median", () => {
    expect(summariseMonitoringTestScores({})).toEqual({ min: null, median: null });
    expect(summariseMonitoringTestScores({ a: 3, b: 1, c: 6, d: 2 })).toEqual({ min: 1, median: 2.5 });
  });

  it.each([
    [0, /research project/],
    [1, /serious holes/],
    [1.5, /first pass/],
    [3, /Reasonably tested/],
    [5, /mission-critical/],
    [5.5, /Exceptional/],
  ])("band of %f", (s, re) => {
    expect(deriveMonitoringTestBand(s)).toMatch(re);
  });
});
