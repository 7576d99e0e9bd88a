import { describe, expect, it } from "vitest";
import { assessRoadmap } from "./assessment.js";
import { buildBaselineFacts, buildBaselineQuestionnaire } from "./fixtures/baseline-facts.js";
import { EU_BANK_FACTS, EU_BANK_QUESTIONNAIRE } from "./fixtures/eu-bank.js";
import { toRatio } from "./ratio.js";
import { DEFAULT_ROADMAP_RULESET } from "./ruleset.js";
import type { ObservedFacts, RoadmapQuestionnaire } from "./types.js";

function steps(edit: (q: RoadmapQuestionnaire, f: ObservedFacts) => void) {
  const facts = buildBaselineFacts(5);
  facts.models.withOwner = toRatio(5, 5);
  facts.models.withBusinessOwner = toRatio(5, 5);
  facts.models.withRiskTier = toRatio(5, 5);
  facts.monitoring.dataQuality = toRatio(5, 5);
  facts.alerting.routedCoverage = toRatio(5, 5);
  facts.documentation.prodWithCompleteCard = toRatio(5, 5);
  facts.governance.auditLogEnabled = true;
  facts.governance.auditChainValid = true;
  const q = buildBaselineQuestionnaire();
  q.needs.modelsInProduction.now = 5;
  q.needs.groundTruthLatency = "never";
  q.stakeholders = [
    "data_scientist",
    "ml_engineer",
    "business_ops",
    "ciso_devsec",
    "risk_compliance",
    "finance",
  ].map((role) => ({ role: role as never, successMetric: "m" }));
  facts.reporting.recipientRoles = q.stakeholders.map((s) => s.role);
  edit(q, facts);
  return assessRoadmap({
    id: "t",
    at: new Date(0),
    createdBy: "t",
    facts,
    questionnaire: q,
    ruleset: DEFAULT_ROADMAP_RULESET,
  }).nextSteps;
}
const ids = (s: ReturnType<typeof steps>) => s.map((x) => x.ruleId);

describe("next-step rules: one row per rule", () => {
  it("fires only the labels-never proxy rule on the clean baseline", () => {
    expect(ids(steps(() => undefined))).toEqual(["N-MON-PROXY"]);
  });

  it.each([
    [
      "N-REG-UNREG",
      (q: RoadmapQuestionnaire) => {
        q.needs.modelsInProduction.now = 9;
      },
    ],
    [
      "N-OWN",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.models.withOwner = toRatio(4, 5);
      },
    ],
    [
      "N-BOWN",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.models.withBusinessOwner = toRatio(3, 5);
      },
    ],
    [
      "N-RISK-TIER",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.models.withRiskTier = toRatio(4, 5);
      },
    ],
    [
      "N-MON-DQ",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.monitoring.dataQuality = toRatio(3, 5);
      },
    ],
    [
      "N-MON-PERF",
      (q: RoadmapQuestionnaire) => {
        q.needs.groundTruthLatency = "hours";
      },
    ],
    [
      "N-ALERT",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.alerting.routedCoverage = toRatio(3, 5);
      },
    ],
    [
      "N-NOISE",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.alerting.noisyPolicies = 2;
      },
    ],
    [
      "N-STALE",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.monitoring.staleMonitors = 1;
      },
    ],
    [
      "N-BIAS",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.models.withSensitiveAttributes = 2;
        f.monitoring.bias = toRatio(0, 2);
      },
    ],
    [
      "N-CARD",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.documentation.prodWithCompleteCard = toRatio(3, 5);
      },
    ],
    [
      "N-INC",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.incidents.overdueReports = 1;
      },
    ],
    [
      "N-AUDIT",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.governance.auditChainValid = false;
      },
    ],
    [
      "N-RPT",
      (_q: RoadmapQuestionnaire, f: ObservedFacts) => {
        f.reporting.recipientRoles = f.reporting.recipientRoles.filter((r) => r !== "finance");
      },
    ],
    [
      "N-STK",
      (q: RoadmapQuestionnaire) => {
        q.stakeholders = q.stakeholders.filter((s) => s.role !== "finance");
      },
    ],
    [
      "N-EVAL",
      (q: RoadmapQuestionnaire) => {
        q.constraints.buildVsBuyLean = "undecided";
      },
    ],
    [
      "N-INGEST-MODE",
      (q: RoadmapQuestionnaire) => {
        q.needs.inferenceModes = ["batch", "streaming"];
      },
    ],
    [
      "N-DATA-TYPE",
      (q: RoadmapQuestionnaire) => {
        q.needs.dataTypes = ["tabular", "text"];
      },
    ],
    [
      "N-AUTO",
      (q: RoadmapQuestionnaire) => {
        q.needs.modelsInProduction.in12Months = 50;
      },
    ],
  ])("%s", (rule, edit) => {
    expect(ids(steps(edit))).toContain(rule);
  });

  it.each([["N-PMM", "N-RET", "N-FEEDBACK", "N-OVERSIGHT"]])(
    "fires the high-risk rules (%s, …) only with high-risk models",
    (...rules) => {
      const none = ids(steps(() => undefined));
      const hr = ids(
        steps((_q, f) => {
          f.models.highRisk = 2;
          f.documentation.highRiskWithPmmPlan = toRatio(1, 2);
          f.governance.feedbackEndpointEnabled = toRatio(0, 2);
        }),
      );
      for (const r of rules) {
        expect(none).not.toContain(r);
        expect(hr).toContain(r);
      }
    },
  );
});

describe("priority = impact × urgency / effort weight", () => {
  const bank = assessRoadmap({
    id: "b",
    at: new Date(0),
    createdBy: "t",
    facts: EU_BANK_FACTS,
    questionnaire: EU_BANK_QUESTIONNAIRE,
    ruleset: DEFAULT_ROADMAP_RULESET,
  }).nextSteps;
  it("computes every priority from its parts and sorts descending", () => {
    const w = { S: 1, M: 2, L: 3 };
    for (const s of bank) expect(s.priority).toBe((s.impact * s.urgency) / w[s.effort]);
    for (let i = 1; i < bank.length; i++)
      expect(bank[i - 1]!.priority).toBeGreaterThanOrEqual(bank[i]!.priority);
  });

  it("gives urgency 3 to overdue and AI Act steps, 2 to Now components, 1 otherwise", () => {
    const overdue = steps((_q, f) => {
      f.incidents.overdueReports = 1;
    }).find((s) => s.ruleId === "N-INC")!;
    expect(overdue.urgency).toBe(3);
    expect(bank.find((s) => s.ruleId === "N-PMM")!.urgency).toBe(3);
    const noise = steps((_q, f) => {
      f.alerting.noisyPolicies = 1;
    }).find((s) => s.ruleId === "N-NOISE")!;
    expect(noise.urgency).toBe(1); // alerting is covered (maintain), not in Now
    const dq = steps((_q, f) => {
      f.monitoring.dataQuality = toRatio(0, 5);
    }).find((s) => s.ruleId === "N-MON-DQ")!;
    expect(dq.urgency).toBe(2);
  });
});
