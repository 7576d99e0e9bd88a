import { describe, expect, it } from "vitest";
import { assessRoadmap, compareAssessments } from "./assessment.js";
import { SCALEUP_FACTS, SCALEUP_QUESTIONNAIRE } from "./fixtures/scaleup.js";
import { toRatio } from "./ratio.js";
import { computeRulesetHash, DEFAULT_ROADMAP_RULESET } from "./ruleset.js";

const at = new Date("2025-01-15T00:00:00Z");
const first = assessRoadmap({
  id: "a1",
  at,
  createdBy: "t",
  facts: SCALEUP_FACTS,
  questionnaire: SCALEUP_QUESTIONNAIRE,
  ruleset: DEFAULT_ROADMAP_RULESET,
});

describe("assessRoadmap", () => {
  it("stores the ruleset version and hash, and the time it was given", () => {
    expect(first.rulesetVersion).toBe("roadmap-rules-1");
    expect(first.rulesetHash).toMatch(/^[0-9a-f]{8}$/);
    expect(first.createdAt).toBe("2025-01-15T00:00:00.000Z");
  });

  it("is a pure function of its inputs", () => {
    const again = assessRoadmap({
      id: "a1",
      at,
      createdBy: "t",
      facts: SCALEUP_FACTS,
      questionnaire: SCALEUP_QUESTIONNAIRE,
      ruleset: DEFAULT_ROADMAP_RULESET,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it("gives every dimension, blueprint item, next step and regulatory item its evidence", () => {
    for (const d of first.dimensions) expect(d.evidence.length).toBeGreaterThan(0);
    for (const b of first.blueprint) expect(Object.keys(b.evidence).length).toBeGreaterThan(0);
    for (const s of first.nextSteps) expect(s.evidence.length).toBeGreaterThan(0);
    for (const r of first.regulatoryReadiness) expect(r.evidence.length).toBeGreaterThan(0);
    for (const r of first.strategy.reasons) expect(Object.keys(r.evidence).length).toBeGreaterThan(0);
  });

  it("links every failing regulatory item and discrepancy to a next step that exists", () => {
    const ids = new Set(first.nextSteps.map((s) => s.ruleId));
    for (const r of first.regulatoryReadiness.filter((x) => x.status === "fail"))
      expect(ids).toContain(r.nextStepId);
  });
});

describe("compareAssessments", () => {
  it("reports changed dimensions and the progress change", () => {
    const facts = structuredClone(SCALEUP_FACTS);
    facts.alerting.routedCoverage = toRatio(18, 18);
    const second = assessRoadmap({
      id: "a2",
      at,
      createdBy: "t",
      facts,
      questionnaire: SCALEUP_QUESTIONNAIRE,
      ruleset: DEFAULT_ROADMAP_RULESET,
      previous: first,
    });
    const delta = second.deltaFromPrevious!;
    expect(delta.previousId).toBe("a1");
    expect(delta.dimensionChanges).toContainEqual({ id: "D3", from: 1, to: 2 });
    expect(delta.progressIndexChange).toBe(second.progressIndex - first.progressIndex);
    expect(delta.rulesetChanged).toBe(false);
    expect(compareAssessments(first, first).dimensionChanges).toEqual([]);
  });

  it("notices a changed ruleset through its hash", () => {
    const ruleset = structuredClone(DEFAULT_ROADMAP_RULESET);
    ruleset.maturity.high = 0.75;
    expect(computeRulesetHash(ruleset)).not.toBe(computeRulesetHash(DEFAULT_ROADMAP_RULESET));
    const second = assessRoadmap({
      id: "a2",
      at,
      createdBy: "t",
      facts: SCALEUP_FACTS,
      questionnaire: SCALEUP_QUESTIONNAIRE,
      ruleset,
      previous: first,
    });
    expect(second.deltaFromPrevious!.rulesetChanged).toBe(true);
  });
});
