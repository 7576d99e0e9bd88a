import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BlueprintItem } from "./blueprint.js";
import {
  scoreBuildPricing,
  scoreIntegrationAgnostic,
  scorePricingTransparency,
  scoreSupportResponsiveness,
} from "./evaluation-anchors.js";
import { applyWeightOverrides, deriveMappedWeight } from "./evaluation-criteria.js";
import { ONPREM_EVAL_CRITERIA } from "./fixtures/onprem-eval.js";
import { DEFAULT_ROADMAP_RULESET } from "./ruleset.js";
import { ensureBuildInHouseCandidate, scoreCandidate } from "./tool-evaluation.js";
import type {
  CriterionScore,
  EvalCriterion,
  SupportTicket,
  ToolEvaluation,
} from "./tool-evaluation-types.js";

const ruleset = DEFAULT_ROADMAP_RULESET;
const ticket = (hours: number | null, id = "v"): SupportTicket => ({
  candidateId: id,
  openedAt: "2025-03-01T00:00:00.000Z",
  ...(hours === null
    ? {}
    : {
        firstResponseAt: new Date(Date.parse("2025-03-01T00:00:00.000Z") + hours * 3_600_000).toISOString(),
      }),
  severity: "low",
});

describe("support responsiveness mapping (median first response)", () => {
  it.each([
    [[1], 5],
    [[4], 5],
    [[4.01], 4],
    [[24], 4],
    [[25], 3],
    [[48], 3],
    [[49], 2],
    [[120], 2],
    [[121], 1],
    [[null], 0],
    [[1, 2, null], 5], // median of 1, 2, ∞ is 2 h
    [[1, null], 0], // median of 1 and ∞ is ∞
    [[2, 30], 4], // median 16 h
  ] as const)("%j h → %i", (hours, expected) => {
    expect(
      scoreSupportResponsiveness(
        hours.map((h) => ticket(h)),
        ruleset,
      ).score,
    ).toBe(expected);
  });

  it("is unscored without tickets", () => {
    expect(scoreSupportResponsiveness([], ruleset)).toEqual({ score: null, medianHours: null });
  });
});

describe("pricing and integration anchors", () => {
  it.each([
    ["public_price_list", 5],
    ["public_tiers", 4],
    ["quote_with_all_drivers", 3],
    ["quote_without_drivers", 1],
    ["undisclosed", 0],
    ["open_source_no_paid_dependency", 5],
  ] as const)("%s → %i", (d, s) => {
    expect(scorePricingTransparency(d)).toBe(s);
  });

  it("prices the in-house build from finance's estimate", () => {
    expect(scoreBuildPricing({ fteMonths: 18, costPerFteMonth: 12000 })).toEqual({
      score: 3,
      estimatedCost: 216000,
    });
    expect(scoreBuildPricing(undefined)).toEqual({ score: 0, estimatedCost: null });
  });

  it.each([
    [
      {
        openApiOrSdk: true,
        anyFramework: true,
        openFormatExport: true,
        selfHostable: true,
        requiresVendorRuntime: false,
      },
      5,
    ],
    [
      {
        openApiOrSdk: true,
        anyFramework: true,
        openFormatExport: true,
        selfHostable: false,
        requiresVendorRuntime: false,
      },
      4,
    ],
    [
      {
        openApiOrSdk: true,
        anyFramework: true,
        openFormatExport: false,
        selfHostable: true,
        requiresVendorRuntime: false,
      },
      3,
    ],
    [
      {
        openApiOrSdk: false,
        anyFramework: true,
        openFormatExport: true,
        selfHostable: true,
        requiresVendorRuntime: false,
      },
      2,
    ],
    [
      {
        openApiOrSdk: true,
        anyFramework: true,
        openFormatExport: true,
        selfHostable: true,
        requiresVendorRuntime: true,
      },
      1,
    ],
  ])("integration %j → %i", (f, s) => {
    expect(scoreIntegrationAgnostic(f)).toBe(s);
  });
});

describe("default weights", () => {
  const item = (
    component: BlueprintItem["component"],
    phase: BlueprintItem["phase"],
    status: BlueprintItem["status"] = "gap",
  ) => ({ component, phase, status }) as BlueprintItem;
  it.each([
    ["now", 3],
    ["next", 2],
    ["later", 1],
    ["maintain", 1],
  ] as const)("mapped component in %s → %i", (phase, w) => {
    expect(deriveMappedWeight(["deployment"], [item("deployment", phase)]).weight).toBe(w);
  });

  it("takes the earliest phase among several mapped components, 0 when not needed, 1 when unmapped", () => {
    const bp = [
      item("drift_monitoring", "later"),
      item("data_quality_monitoring", "now"),
      item("bias_monitoring", "later", "not_needed"),
    ];
    expect(deriveMappedWeight(["drift_monitoring", "data_quality_monitoring"], bp)).toEqual({
      weight: 3,
      mapsTo: "data_quality_monitoring",
    });
    expect(deriveMappedWeight(["bias_monitoring"], bp).weight).toBe(0);
    expect(deriveMappedWeight([], bp).weight).toBe(1);
  });

  it("gives sw.* 2, sec.* 2 (unregulated), stakeholder criteria 2, and a residency knockout at 4 on premises", () => {
    const byId = new Map(ONPREM_EVAL_CRITERIA.map((c) => [c.id, c]));
    expect(byId.get("sw.pricing_transparency")!.weight).toBe(2);
    expect(byId.get("sec.sso_rbac")!.weight).toBe(2);
    expect(byId.get("stk.risk_compliance")!.weight).toBe(2);
    expect(byId.get("sec.data_residency")!.knockout?.minScore).toBe(4);
  });

  it("marks overridden weights", () => {
    const out = applyWeightOverrides(ONPREM_EVAL_CRITERIA, { "tw.collaboration": 3 });
    expect(out.find((c) => c.id === "tw.collaboration")).toMatchObject({ weight: 3, weightOverridden: true });
    expect(out.filter((c) => c.weightOverridden)).toHaveLength(1);
  });
});

const CRITERIA: EvalCriterion[] = [
  { id: "a", label: "a", group: "capability", source: "custom", weight: 3 },
  { id: "b", label: "b", group: "capability", source: "custom", weight: 1 },
  {
    id: "k",
    label: "k",
    group: "security",
    source: "security",
    weight: 2,
    knockout: { minScore: 4, reason: "on prem" },
  },
];
const evaluation = (
  scores: Partial<Record<string, number | null>>,
  stage: ToolEvaluation["stage"] = "longlist",
  kind: CriterionScore["evidenceKind"] = "docs",
): ToolEvaluation => ({
  id: "e",
  title: "e",
  createdAt: "",
  owner: "",
  useCase: "",
  stage,
  criteria: CRITERIA,
  candidates: [{ id: "x", name: "x", kind: "open_source" }],
  scores: Object.entries(scores).map(([criterionId, score]) => ({
    candidateId: "x",
    criterionId,
    score: score as CriterionScore["score"],
    evidenceKind: kind,
    scoredBy: "t",
    scoredAt: "2025-01-01",
  })),
});
const candidate = (e: ToolEvaluation) =>
  scoreCandidate({ evaluation: e, candidate: e.candidates[0]!, ruleset });

describe("candidate aggregates", () => {
  it("computes 100 × Σws / Σ5w over scored criteria with coverage and hands-on confidence", () => {
    const out = candidate(evaluation({ a: 5, b: 0 }, "longlist", "demo"));
    expect(out.weightedScore).toBe(75); // 100 × 15 / 20
    expect(out.coverage).toBe(4 / 6);
    expect(out.handsOnConfidence).toBe(4 / 6);
    expect(out.knockedOut).toBe(false);
  });

  it("knocks out below minScore, and unscored knockouts from finalists on", () => {
    expect(candidate(evaluation({ a: 5, k: 3 })).knockedOut).toBe(true);
    expect(candidate(evaluation({ a: 5, k: 4 })).knockedOut).toBe(false);
    expect(candidate(evaluation({ a: 5 }, "shortlist")).knockedOut).toBe(false);
    expect(candidate(evaluation({ a: 5 }, "finalists")).knockedOut).toBe(true);
  });

  it("uses the latest score of a cell", () => {
    const e = evaluation({ a: 1 });
    e.scores.push({ ...e.scores[0]!, score: 5, scoredAt: "2025-02-01" });
    expect(candidate(e).weightedScore).toBe(100);
  });

  it("treats support responsiveness as n/a for the in-house build", () => {
    const candidates = ensureBuildInHouseCandidate([]);
    expect(candidates[0]!.kind).toBe("build_in_house");
    const e: ToolEvaluation = {
      ...evaluation({}),
      candidates,
      criteria: [
        { id: "sw.support_responsiveness", label: "", group: "vendor", source: "superwise_step5", weight: 2 },
      ],
    };
    expect(scoreCandidate({ evaluation: e, candidate: candidates[0]!, ruleset }).coverage).toBe(0);
    expect(ensureBuildInHouseCandidate(candidates)).toBe(candidates);
  });

  it("property: weighted score in [0, 100], coverage in [0, 1]; zero weights give 0, equal weights the plain mean", () => {
    const score = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null });
    fc.assert(
      fc.property(score, score, score, (a, b, k) => {
        const out = candidate(evaluation({ a, b, k }));
        expect(out.weightedScore).toBeGreaterThanOrEqual(0);
        expect(out.weightedScore).toBeLessThanOrEqual(100);
        expect(out.coverage).toBeGreaterThanOrEqual(0);
        expect(out.coverage).toBeLessThanOrEqual(1);
        const doubled = {
          ...evaluation({ a, b, k }),
          criteria: CRITERIA.map((c) => ({ ...c, weight: 0 as const })),
        };
        expect(candidate(doubled).weightedScore).toBe(0);
        const uniform = {
          ...evaluation({ a, b, k }),
          criteria: CRITERIA.map((c) => ({ ...c, weight: 1 as const })),
        };
        const scored = [a, b, k].filter((x): x is number => x !== null);
        expect(candidate(uniform).weightedScore).toBeCloseTo(
          scored.length === 0 ? 0 : (100 * scored.reduce((s, x) => s + x, 0)) / (5 * scored.length),
          10,
        );
      }),
      { numRuns: 200 },
    );
  });
});
