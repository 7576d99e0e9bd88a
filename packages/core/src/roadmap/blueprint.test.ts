import { describe, expect, it } from "vitest";
import { prioritiseBlueprint, selectPhase } from "./blueprint.js";
import type { BlueprintItem } from "./blueprint.js";
import { buildBaselineFacts, buildBaselineQuestionnaire } from "./fixtures/baseline-facts.js";
import { derivePortfolioSignals } from "./portfolio-signals.js";
import { toRatio } from "./ratio.js";
import { DEFAULT_ROADMAP_RULESET } from "./ruleset.js";
import type { ObservedFacts, RoadmapQuestionnaire } from "./types.js";

function plan(edit: (q: RoadmapQuestionnaire, f: ObservedFacts) => void = () => undefined): BlueprintItem[] {
  const facts = buildBaselineFacts(4);
  facts.models.withOwner = toRatio(4, 4);
  const q = buildBaselineQuestionnaire();
  q.existingTools = [{ component: "deployment", tool: "CI", satisfied: true }];
  edit(q, facts);
  return prioritiseBlueprint({
    facts,
    questionnaire: q,
    ruleset: DEFAULT_ROADMAP_RULESET,
    signals: derivePortfolioSignals(facts, q),
    supplement: {},
    capacityWarning: false,
  });
}
const get = (items: BlueprintItem[], c: string) => items.find((i) => i.component === c)!;

describe("blueprint status bands", () => {
  it.each([
    [0, "gap"],
    [1, "partial"],
    [3, "partial"],
    [4, "covered"], // 4/5 = 0.8
  ])("drift on %i/5 → %s", (n, status) => {
    const items = plan((_q, f) => {
      f.models.production = 5;
      f.models.withOwner = toRatio(5, 5);
      f.monitoring.drift = toRatio(n, 5);
    });
    expect(get(items, "drift_monitoring").status).toBe(status);
  });

  it.each([
    [[], 0],
    [[false], 0.5],
    [[true], 1],
    [[false, true], 1],
  ])("out-of-platform tools satisfied=%j → coverage %f", (sat, coverage) => {
    const items = plan((q) => {
      q.existingTools = sat.map((s, i) => ({
        component: "experiment_tracking" as const,
        tool: `t${i}`,
        satisfied: s,
      }));
    });
    expect(get(items, "experiment_tracking").coverage).toBe(coverage);
  });

  it("halves documentation coverage without an audit log", () => {
    const items = plan((_q, f) => {
      f.documentation.prodWithCompleteCard = toRatio(4, 4);
    });
    expect(get(items, "documentation_audit").coverage).toBe(0.5);
  });
});

describe("importance modifiers", () => {
  it.each([
    [
      "labels weeks",
      (q: RoadmapQuestionnaire) => {
        q.needs.groundTruthLatency = "weeks";
      },
      { performance_monitoring: 3, drift_monitoring: 5, data_quality_monitoring: 5 },
    ],
    [
      "core product",
      (q: RoadmapQuestionnaire) => {
        q.needs.integration = "core_product";
      },
      { performance_monitoring: 6, alerting_incidents: 5, reporting: 4 },
    ],
    [
      "streaming + images",
      (q: RoadmapQuestionnaire) => {
        q.needs.inferenceModes = ["streaming"];
        q.needs.dataTypes = ["image"];
      },
      { data_quality_monitoring: 5, deployment: 4, drift_monitoring: 5 },
    ],
    [
      "EU credit provider",
      (q: RoadmapQuestionnaire) => {
        q.constraints.euExposure = true;
        q.constraints.regulatedUseCases = ["credit"];
        q.constraints.aiActRole = "provider";
      },
      { bias_monitoring: 5, documentation_audit: 6, explainability: 3, alerting_incidents: 5 },
    ],
  ] as const)("%s", (_label, edit, expected) => {
    const items = plan(edit);
    for (const [c, importance] of Object.entries(expected)) expect(get(items, c).importance).toBe(importance);
  });

  it("clamps importance to 7", () => {
    const items = plan((q) => {
      q.constraints.euExposure = true;
      q.constraints.regulatedUseCases = ["credit"];
      q.constraints.aiActRole = "both";
      q.stakeholders = [{ role: "risk_compliance", successMetric: "bias" }];
    });
    expect(get(items, "documentation_audit").importance).toBe(6);
    expect(get(items, "bias_monitoring").importance).toBe(6);
  });
});

describe("ranking and phases", () => {
  it("puts the top 3 in Now, 4–6 in Next and covered components in maintain", () => {
    const items = plan();
    expect(items.filter((i) => i.phase === "now")).toHaveLength(3);
    expect(items.filter((i) => i.phase === "next")).toHaveLength(3);
    expect(get(items, "deployment").phase).toBe("maintain");
    expect(get(items, "model_registry_ownership").phase).toBe("maintain");
  });

  it("breaks equal priorities by the user's rank after the dependency order", () => {
    const items = plan((q) => {
      q.priorities = [
        { component: "data_quality_monitoring", rank: 1 },
        { component: "drift_monitoring", rank: 2 },
      ];
    });
    expect(selectPhase(items, "now").slice(0, 3)).toEqual([
      "performance_monitoring",
      "data_quality_monitoring",
      "drift_monitoring",
    ]);
  });

  it("holds components back while the registry prerequisite is below 0.5", () => {
    const items = plan((_q, f) => {
      f.models.withOwner = toRatio(1, 4);
      f.monitoring.drift = toRatio(0, 4);
    });
    const registry = get(items, "model_registry_ownership");
    expect(registry.coverage).toBe(0.25);
    for (const i of items.filter((x) => x.phase === "now" || x.phase === "next"))
      if (i.component !== "model_registry_ownership")
        expect(["now", "next", "later"].indexOf(i.phase)).toBeGreaterThanOrEqual(
          ["now", "next", "later"].indexOf(registry.phase),
        );
  });

  it("forces documentation and alerting into Now for EU high-risk portfolios", () => {
    const items = plan((q, f) => {
      q.constraints.euExposure = true;
      f.models.highRisk = 1;
    });
    expect(get(items, "documentation_audit").phase).toBe("now");
    expect(get(items, "alerting_incidents").phase).toBe("now");
  });
});
