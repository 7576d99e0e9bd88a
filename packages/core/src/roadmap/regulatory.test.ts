import { describe, expect, it } from "vitest";
import { assessRoadmap } from "./assessment.js";
import { buildBaselineFacts, buildBaselineQuestionnaire } from "./fixtures/baseline-facts.js";
import { EU_BANK_FACTS, EU_BANK_QUESTIONNAIRE } from "./fixtures/eu-bank.js";
import { toRatio } from "./ratio.js";
import { DEFAULT_ROADMAP_RULESET } from "./ruleset.js";
import type { ObservedFacts, RoadmapQuestionnaire } from "./types.js";

const check = (facts: ObservedFacts, q: RoadmapQuestionnaire, supplement = {}) =>
  assessRoadmap({
    id: "r",
    at: new Date(0),
    createdBy: "t",
    facts,
    questionnaire: q,
    ruleset: DEFAULT_ROADMAP_RULESET,
    supplement,
  }).regulatoryReadiness;
const byId = (items: ReturnType<typeof check>, id: string) => items.find((r) => r.id === id)!;

describe("regulatory applicability", () => {
  it("shows every item as NIST good practice without appliesFrom when the AI Act does not apply", () => {
    const items = check(buildBaselineFacts(3), buildBaselineQuestionnaire());
    expect(items).toHaveLength(14);
    for (const r of items) {
      expect(r.regime).toBe("nist_good_practice");
      expect(r.appliesFrom).toBeUndefined();
      expect(r.anchor).toMatch(/NIST .*\(good practice\)$/);
    }
  });

  it.each(["R4", "R5", "R7", "R8", "R9", "R13"])("marks %s n/a without high-risk models", (id) => {
    expect(byId(check(buildBaselineFacts(3), buildBaselineQuestionnaire()), id).status).toBe("n/a");
  });

  it("uses the Art. 26 'inform the provider' anchors for deployers", () => {
    const q = structuredClone(EU_BANK_QUESTIONNAIRE);
    q.constraints.aiActRole = "deployer";
    const items = check(EU_BANK_FACTS, q);
    expect(byId(items, "R7").anchor).toMatch(/^AI Act Art\. 26\(5\): monitor and inform the provider/);
    expect(byId(items, "R11").anchor).toMatch(/inform the provider and authority/);
    expect(byId(check(EU_BANK_FACTS, EU_BANK_QUESTIONNAIRE), "R7").anchor).toMatch(/^AI Act Art\. 72/);
  });
});

describe("regulatory checks: one row per boundary", () => {
  it.each([
    ["R4", 182, "fail"],
    ["R4", 183, "pass"],
  ] as const)("%s with retention %i d → %s", (id, days, status) => {
    const f = structuredClone(EU_BANK_FACTS);
    f.governance.predictionLogRetentionDays.high = days;
    expect(byId(check(f, EU_BANK_QUESTIONNAIRE), id).status).toBe(status);
  });

  it.each([
    [null, "pass"],
    [9, "fail"],
    [10, "pass"],
  ] as const)("R6 with documentation retention %s years → %s", (years, status) => {
    const f = structuredClone(EU_BANK_FACTS);
    f.governance.documentationRetentionYears = years;
    expect(byId(check(f, EU_BANK_QUESTIONNAIRE), "R6").status).toBe(status);
  });

  it("R7 passes only with every high-risk model planned and every plan mapped", () => {
    const f = structuredClone(EU_BANK_FACTS);
    f.documentation.highRiskWithPmmPlan = toRatio(30, 30);
    f.documentation.pmmPlansMappedToActiveMonitors = toRatio(29, 30);
    expect(byId(check(f, EU_BANK_QUESTIONNAIRE), "R7").status).toBe("fail");
    f.documentation.pmmPlansMappedToActiveMonitors = toRatio(30, 30);
    expect(byId(check(f, EU_BANK_QUESTIONNAIRE), "R7").status).toBe("pass");
  });

  it("R2 needs the oversight fact for high-risk models", () => {
    const f = structuredClone(EU_BANK_FACTS);
    f.models.withBusinessOwner = toRatio(40, 40);
    expect(byId(check(f, EU_BANK_QUESTIONNAIRE), "R2").status).toBe("fail");
    expect(
      byId(check(f, EU_BANK_QUESTIONNAIRE, { highRiskWithOversightUser: toRatio(30, 30) }), "R2").status,
    ).toBe("pass");
  });

  it("R14 applies only to third-party models", () => {
    const f = buildBaselineFacts(3);
    expect(byId(check(f, buildBaselineQuestionnaire()), "R14").status).toBe("n/a");
    f.models.thirdPartyOrPretrained = 1;
    expect(byId(check(f, buildBaselineQuestionnaire()), "R14").status).toBe("fail");
    expect(
      byId(check(f, buildBaselineQuestionnaire(), { thirdPartyWithActiveMonitor: toRatio(1, 1) }), "R14")
        .status,
    ).toBe("pass");
  });
});
