import { describe, expect, it } from "vitest";
import { buildBaselineFacts, buildBaselineQuestionnaire } from "./fixtures/baseline-facts.js";
import {
  computeCapacitySignals,
  computeDiscrepancies,
  derivePrefilledAnswers,
  profileNeeds,
} from "./needs.js";
import { derivePortfolioSignals } from "./portfolio-signals.js";
import { toRatio } from "./ratio.js";
import { DEFAULT_ROADMAP_RULESET } from "./ruleset.js";

const r = DEFAULT_ROADMAP_RULESET;

describe("capacity rules of thumb", () => {
  it.each([
    [10, 1, 1, []],
    [11, 1, 1, ["CAP-MODELS-PER-MLE"]],
    [30, 3, 15, []],
    [30, 3, 16, ["CAP-DS-PER-MLE"]],
    [5, 0, 6, ["CAP-DS-PER-MLE"]], // 0 engineers counts as 1
  ])("%i models, %i MLE, %i DS in 12 months → %j", (models, mle, ds, ids) => {
    const q = buildBaselineQuestionnaire();
    q.needs.modelsInProduction.in12Months = models;
    q.needs.mlEngineers.in12Months = mle;
    q.needs.dataScientists.in12Months = ds;
    expect(computeCapacitySignals(q, r).map((c) => c.id)).toEqual(ids);
  });
});

describe("discrepancies", () => {
  it("flags 16 blind spots when 25 are declared and 9 registered", () => {
    const q = buildBaselineQuestionnaire();
    q.needs.modelsInProduction.now = 25;
    q.needs.groundTruthLatency = "never";
    const d = computeDiscrepancies(buildBaselineFacts(9), q, r);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ id: "D-UNREG", declared: 25, observed: 9, nextStepId: "N-REG-UNREG" });
    expect(d[0]!.text).toMatch(/^16 production models/);
  });

  it.each([
    ["days", 1, 4, true],
    ["days", 2, 4, false],
    ["weeks", 0, 4, false],
    ["immediate", 0, 4, true],
  ] as const)("D-GT for latency %s with %i/%i labelled → %s", (latency, num, den, fires) => {
    const q = buildBaselineQuestionnaire();
    q.needs.groundTruthLatency = latency;
    const f = buildBaselineFacts(den);
    f.monitoring.groundTruthCoverage = toRatio(num, den);
    expect(computeDiscrepancies(f, q, r).some((d) => d.id === "D-GT")).toBe(fires);
  });

  it("flags each declared mode and data type that is not observed", () => {
    const q = buildBaselineQuestionnaire();
    q.needs.groundTruthLatency = "never";
    q.needs.inferenceModes = ["batch", "streaming"];
    q.needs.dataTypes = ["tabular", "image"];
    const d = computeDiscrepancies(buildBaselineFacts(2), q, r);
    expect(d.map((x) => `${x.id}:${String(x.declared)}`)).toEqual(["D-MODE:streaming", "D-TYPE:image"]);
    expect(d[1]!.text).toMatch(/embedding drift/);
  });
});

describe("projections and pre-fill", () => {
  it("needs k = 3 monitors per model, +1 bias-relevant, +1 core product", () => {
    const f = buildBaselineFacts(2);
    f.models.withSensitiveAttributes = 1;
    const q = buildBaselineQuestionnaire();
    q.needs.modelsInProduction.in12Months = 10;
    q.needs.integration = "core_product";
    const p = profileNeeds({ facts: f, questionnaire: q, ruleset: r, signals: derivePortfolioSignals(f, q) });
    expect(p.projections.monitorsNeeded12m).toBe(50);
    expect(p.projections.alertPoliciesNeeded12m).toBe(10);
    expect(p.projectionEvidence).toContainEqual({ fact: "derived.monitorsPerModel", value: 5 });
  });

  it("pre-fills the ⟲ answers from facts", () => {
    const f = buildBaselineFacts(7);
    f.workload.modelsAdded90d = 3;
    f.workload.inferenceModesObserved = ["batch", "realtime"];
    expect(derivePrefilledAnswers(f)).toEqual({
      modelsInProductionNow: 7,
      newModelsPerQuarter: 3,
      inferenceModes: ["batch", "realtime"],
      dataTypes: ["tabular"],
    });
  });
});
