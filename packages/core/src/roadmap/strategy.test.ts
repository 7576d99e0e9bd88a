import { describe, expect, it } from "vitest";
import { buildBaselineFacts, buildBaselineQuestionnaire } from "./fixtures/baseline-facts.js";
import { derivePortfolioSignals } from "./portfolio-signals.js";
import { toRatio } from "./ratio.js";
import { deriveRaci } from "./raci.js";
import { DEFAULT_ROADMAP_RULESET } from "./ruleset.js";
import {
  computePressureReasons,
  deriveGovernanceVariant,
  recommendStrategy,
  selectStrategy,
} from "./strategy.js";
import type { RoadmapQuestionnaire } from "./types.js";

const r = DEFAULT_ROADMAP_RULESET.strategy;

describe("selectStrategy: decision rules, first match wins", () => {
  it.each([
    // teams, ds12, central, autonomy, strategy, rule
    [1, 8, 5, 5, "centralized", "rule-1"],
    [1, 9, 2, 2, "hybrid", "rule-2"],
    [4, 20, 2, 2, "hybrid", "rule-2"],
    [4, 20, 1, 3, "decentralized", "rule-3"],
    [4, 20, 0, 5, "decentralized", "rule-3"],
    [2, 10, 3, 1, "centralized", "rule-4"],
    [3, 10, 3, 1, "hybrid", "rule-4"],
    [2, 10, 1, 1, "hybrid", "rule-5"],
    [1, 10, 1, 1, "centralized", "rule-5"],
    [0, 12, 0, 2, "centralized", "rule-5"],
  ] as const)(
    "teams %i, ds12 %i, central %i, autonomy %i → %s (%s)",
    (teams, ds12, central, autonomy, strategy, rule) => {
      const out = selectStrategy({ teams, ds12, central, autonomy }, r);
      expect(out.strategy).toBe(strategy);
      expect(out.rule).toBe(rule);
    },
  );

  it("marks the rule-4 hybrid as a strong central mandate", () => {
    expect(selectStrategy({ teams: 3, ds12: 10, central: 3, autonomy: 1 }, r).strongCentral).toBe(true);
  });
});

function pressures(
  edit: (q: RoadmapQuestionnaire, f: ReturnType<typeof buildBaselineFacts>) => void,
): string[] {
  const facts = buildBaselineFacts(4);
  facts.models.withOwner = toRatio(4, 4);
  const q = buildBaselineQuestionnaire();
  edit(q, facts);
  const signals = derivePortfolioSignals(facts, q);
  return computePressureReasons({ facts, questionnaire: q, ruleset: DEFAULT_ROADMAP_RULESET, signals }).map(
    (x) => `${x.ruleId}+${x.points}`,
  );
}

describe("pressure rules: one row per rule", () => {
  it.each([
    [
      "regulated use case",
      (q: RoadmapQuestionnaire) => {
        q.constraints.regulatedUseCases = ["credit"];
      },
      "C-REGULATED+2",
    ],
    [
      "high-risk model",
      (_q: RoadmapQuestionnaire, f: ReturnType<typeof buildBaselineFacts>) => {
        f.models.highRisk = 1;
      },
      "C-REGULATED+2",
    ],
    [
      "on premises",
      (q: RoadmapQuestionnaire) => {
        q.constraints.dataResidency = "on_premises_only";
      },
      "C-ONPREM+1",
    ],
    [
      "air gapped",
      (q: RoadmapQuestionnaire) => {
        q.constraints.dataResidency = "air_gapped";
      },
      "C-ONPREM+1",
    ],
    [
      "ownership unclear",
      (q: RoadmapQuestionnaire) => {
        q.org.productionOwnershipToday = "unclear";
      },
      "C-OWNERSHIP+2",
    ],
    [
      "withOwner < 0.5",
      (_q: RoadmapQuestionnaire, f: ReturnType<typeof buildBaselineFacts>) => {
        f.models.withOwner = toRatio(1, 4);
      },
      "C-OWNERSHIP+2",
    ],
    [
      "prod ≥ 10 declared",
      (q: RoadmapQuestionnaire) => {
        q.needs.modelsInProduction.now = 10;
      },
      "C-MANY-MODELS+1",
    ],
    [
      "duplicate tools",
      (q: RoadmapQuestionnaire) => {
        q.existingTools = [
          { component: "deployment", tool: "A", satisfied: true },
          { component: "deployment", tool: "B", satisfied: false },
        ];
      },
      "C-DUP-TOOLS+1",
    ],
    [
      "3 teams",
      (q: RoadmapQuestionnaire) => {
        q.org.productTeamsUsingMl = 3;
      },
      "A-TEAMS+2",
    ],
    [
      "ds12 15",
      (q: RoadmapQuestionnaire) => {
        q.needs.dataScientists.in12Months = 15;
      },
      "A-DS-GROWTH+1",
    ],
    [
      "hetero 3",
      (q: RoadmapQuestionnaire) => {
        q.needs.inferenceModes = ["batch", "realtime"];
        q.needs.dataTypes = ["tabular", "text"];
      },
      "A-HETERO+1",
    ],
    [
      "3 new models per quarter",
      (q: RoadmapQuestionnaire) => {
        q.needs.newModelsPerQuarter = 3;
      },
      "A-PACE+1",
    ],
    [
      "core product",
      (q: RoadmapQuestionnaire) => {
        q.needs.integration = "core_product";
      },
      "A-CORE+1",
    ],
  ])("%s", (_label, edit, expected) => {
    expect(pressures(edit)).toEqual([expected]);
  });

  it("fires nothing at the thresholds' other side", () => {
    expect(
      pressures((q) => {
        q.org.productTeamsUsingMl = 2;
        q.needs.dataScientists.in12Months = 14;
        q.needs.modelsInProduction.now = 9;
        q.needs.newModelsPerQuarter = 2;
        q.existingTools = [
          { component: "deployment", tool: "A", satisfied: true },
          { component: "deployment", tool: " a ", satisfied: true },
        ];
      }),
    ).toEqual([]);
  });
});

describe("recommendStrategy", () => {
  it("attaches the minimum shared standard to decentralized and never overrides the preference", () => {
    const facts = buildBaselineFacts(4);
    facts.models.withOwner = toRatio(4, 4);
    const q = buildBaselineQuestionnaire();
    q.org.productTeamsUsingMl = 5;
    q.needs.dataScientists.in12Months = 30;
    q.org.preferredStrategy = "centralized";
    const rec = recommendStrategy({
      facts,
      questionnaire: q,
      ruleset: DEFAULT_ROADMAP_RULESET,
      signals: derivePortfolioSignals(facts, q),
    });
    expect(rec.strategy).toBe("decentralized");
    expect(rec.warnings[0]).toMatch(/minimum shared standard/);
    expect(rec.differsFromPreferred?.preferred).toBe("centralized");
    expect(rec.raci.drift_monitoring.product_team).toBe("A");
    expect(rec.raci.bias_monitoring.risk_compliance).toBe("A");
  });

  it.each([
    [true, true, "V1_many_strict"],
    [true, false, "V2_many_light"],
    [false, false, "V3_few_light"],
    [false, true, "V4_few_strict"],
  ] as const)("governance variant many=%s strict=%s → %s", (many, strict, variant) => {
    expect(deriveGovernanceVariant(many, strict)).toBe(variant);
  });

  it("keeps exactly one A per RACI row for every strategy", () => {
    for (const s of ["centralized", "hybrid", "decentralized"] as const)
      for (const row of Object.values(deriveRaci(s)))
        expect(Object.values(row).filter((x) => x === "A")).toHaveLength(1);
  });
});
