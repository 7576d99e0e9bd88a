/**
 * Step 1 (ROADMAP.md §4.1): central vs autonomy pressure points with templated reasons, the
 * first-match decision rules, governance variant, mandates and RACI. Borderline = margin ≤ ruleset value.
 */

import { formatRatio } from "./ratio.js";
import type { PortfolioSignals } from "./portfolio-signals.js";
import { deriveRaci, TOOL_EVALUATION_RACI } from "./raci.js";
import type { RaciRow, Strategy } from "./raci.js";
import type { RoadmapRuleset } from "./ruleset.js";
import type { BlueprintComponent, ObservedFacts, RoadmapQuestionnaire } from "./types.js";

/** A pressure rule that fired, with its evidence. */
export interface StrategyReason {
  ruleId: string;
  pressure: "central" | "autonomy";
  points: number;
  text: string;
  evidence: Record<string, unknown>;
}

/** The strategy recommendation (§4.1 output, plus decision rule, warnings and borderline flag). */
export interface StrategyRecommendation {
  strategy: Strategy;
  centralPressure: number;
  autonomyPressure: number;
  margin: number;
  borderline: boolean;
  decisionRule: string;
  decisionText: string;
  reasons: StrategyReason[];
  warnings: string[];
  differsFromPreferred?: { preferred: string; note: string };
  governanceVariant: "V1_many_strict" | "V2_many_light" | "V3_few_light" | "V4_few_strict";
  centralMandate: string[];
  teamMandate: string[];
  raci: Record<BlueprintComponent, RaciRow>;
  toolEvaluationRaci: RaciRow;
}

/** Inputs of `recommendStrategy`. */
export interface StrategyInput {
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  ruleset: RoadmapRuleset;
  signals: PortfolioSignals;
}

/** Every pressure rule that fires, in table order. */
export function computePressureReasons(input: StrategyInput): StrategyReason[] {
  const { facts, questionnaire: q, ruleset, signals: s } = input;
  const r = ruleset.strategy;
  const out: StrategyReason[] = [];
  const add = (
    ruleId: string,
    pressure: "central" | "autonomy",
    points: number,
    text: string,
    evidence: Record<string, unknown>,
  ): void => {
    out.push({ ruleId, pressure, points, text, evidence });
  };
  if (s.regulated)
    add(
      "C-REGULATED",
      "central",
      2,
      "Regulated or high-risk use cases need one shared standard for bias, documentation and audit.",
      {
        "questionnaire.constraints.regulatedUseCases": q.constraints.regulatedUseCases,
        "facts.models.highRisk": facts.models.highRisk,
      },
    );
  const residency = q.constraints.dataResidency;
  if (residency === "on_premises_only" || residency === "air_gapped")
    add("C-ONPREM", "central", 1, "On-prem constraint: pick and operate tooling once.", {
      "questionnaire.constraints.dataResidency": residency,
    });
  if (s.ownershipUnclear)
    add(
      "C-OWNERSHIP",
      "central",
      2,
      `Ownership of production models is blurred (${formatRatio(facts.models.withOwner)}).`,
      {
        "questionnaire.org.productionOwnershipToday": q.org.productionOwnershipToday,
        "facts.models.withOwner": facts.models.withOwner,
      },
    );
  if (s.prod >= r.manyModels)
    add("C-MANY-MODELS", "central", 1, `${s.prod} production models: shared monitoring templates pay off.`, {
      "derived.prod": s.prod,
    });
  for (const component of selectDuplicateToolComponents(q))
    add("C-DUP-TOOLS", "central", 1, `Duplicate tooling for ${component}.`, {
      "questionnaire.existingTools": q.existingTools.filter((t) => t.component === component),
    });
  if (s.teams >= r.manyTeams)
    add("A-TEAMS", "autonomy", 2, `${s.teams} product teams ship models.`, {
      "questionnaire.org.productTeamsUsingMl": s.teams,
    });
  if (s.ds12 >= r.dsGrowth)
    add("A-DS-GROWTH", "autonomy", 1, `Data-science headcount grows to ${s.ds12}.`, {
      "questionnaire.needs.dataScientists.in12Months": s.ds12,
    });
  if (s.hetero >= r.heterogeneity)
    add(
      "A-HETERO",
      "autonomy",
      1,
      `Heterogeneous workloads (${q.needs.inferenceModes.join(", ")}; ${q.needs.dataTypes.join(", ")}).`,
      { "derived.hetero": s.hetero },
    );
  if (q.needs.newModelsPerQuarter >= r.modelPacePerQuarter)
    add("A-PACE", "autonomy", 1, "High model pace.", {
      "questionnaire.needs.newModelsPerQuarter": q.needs.newModelsPerQuarter,
    });
  if (s.coreProduct)
    add("A-CORE", "autonomy", 1, "Models are part of the core product: teams need to iterate close to it.", {
      "questionnaire.needs.integration": q.needs.integration,
    });
  return out;
}

/** Components for which at least two different tools are declared. */
export function selectDuplicateToolComponents(q: RoadmapQuestionnaire): BlueprintComponent[] {
  const tools = new Map<BlueprintComponent, Set<string>>();
  for (const t of q.existingTools) {
    const set = tools.get(t.component) ?? new Set<string>();
    set.add(t.tool.trim().toLowerCase());
    tools.set(t.component, set);
  }
  return [...tools].filter(([, set]) => set.size >= 2).map(([c]) => c);
}

/** First-match decision rules 1–5 of §4.1. */
export function selectStrategy(
  p: { teams: number; ds12: number; central: number; autonomy: number },
  r: RoadmapRuleset["strategy"],
): { strategy: Strategy; rule: string; strongCentral: boolean } {
  if (p.teams <= r.centralizedMaxTeams && p.ds12 <= r.centralizedMaxDs12)
    return { strategy: "centralized", rule: "rule-1", strongCentral: false };
  if (p.central >= 2 && p.autonomy >= 2) return { strategy: "hybrid", rule: "rule-2", strongCentral: false };
  if (p.autonomy >= 3 && p.central <= 1)
    return { strategy: "decentralized", rule: "rule-3", strongCentral: false };
  if (p.central >= 3) {
    return p.teams >= r.manyTeams
      ? { strategy: "hybrid", rule: "rule-4", strongCentral: true }
      : { strategy: "centralized", rule: "rule-4", strongCentral: false };
  }
  return { strategy: p.teams >= 2 ? "hybrid" : "centralized", rule: "rule-5", strongCentral: false };
}

const DECISION_TEXT: Record<Strategy, string> = {
  centralized: "One team owns the full lifecycle; a separate platform function would be overhead.",
  hybrid: "A central MLOps task force sets tools and standards; data scientists sit in product teams.",
  decentralized: "Product teams own their models end to end under a minimum shared standard.",
};

const MINIMUM_SHARED_STANDARD = [
  "owner fields",
  "alert-policy template",
  "model-card required fields",
  "retention",
];

/** Recommends centralized / decentralized / hybrid with reasons, mandates and RACI (§4.1). */
export function recommendStrategy(input: StrategyInput): StrategyRecommendation {
  const reasons = computePressureReasons(input);
  const central = sumPoints(reasons, "central");
  const autonomy = sumPoints(reasons, "autonomy");
  const { teams, ds12 } = input.signals;
  const decision = selectStrategy({ teams, ds12, central, autonomy }, input.ruleset.strategy);
  const margin = Math.abs(central - autonomy);
  const warnings: string[] = [];
  if (decision.strategy === "decentralized")
    warnings.push(
      `Decentralized without a shared standard drifts apart; agree a minimum shared standard: ${MINIMUM_SHARED_STANDARD.join(", ")}.`,
    );
  if (decision.strongCentral)
    warnings.push("Strong central mandate: central pressure is high but several teams ship models.");
  const mandates = deriveMandates(decision.strategy, decision.strongCentral);
  const out: StrategyRecommendation = {
    strategy: decision.strategy,
    centralPressure: central,
    autonomyPressure: autonomy,
    margin,
    borderline: margin <= input.ruleset.strategy.borderlineMargin,
    decisionRule: decision.rule,
    decisionText: DECISION_TEXT[decision.strategy],
    reasons,
    warnings,
    governanceVariant: deriveGovernanceVariant(
      input.signals.prod >= input.ruleset.strategy.manyModels,
      input.signals.regulated,
    ),
    centralMandate: mandates.central,
    teamMandate: mandates.team,
    raci: deriveRaci(decision.strategy),
    toolEvaluationRaci: TOOL_EVALUATION_RACI,
  };
  const preferred = input.questionnaire.org.preferredStrategy;
  if (preferred !== undefined && preferred !== decision.strategy) {
    out.differsFromPreferred = {
      preferred,
      note: `You prefer ${preferred}; the rules recommend ${decision.strategy} (${decision.rule}, central ${central} vs autonomy ${autonomy}). The recommendation is not overridden.`,
    };
  }
  return out;
}

function sumPoints(reasons: StrategyReason[], pressure: "central" | "autonomy"): number {
  return reasons.filter((r) => r.pressure === pressure).reduce((acc, r) => acc + r.points, 0);
}

/** The ml-ops.org 2×2 governance variant. */
export function deriveGovernanceVariant(
  many: boolean,
  strict: boolean,
): StrategyRecommendation["governanceVariant"] {
  if (many) return strict ? "V1_many_strict" : "V2_many_light";
  return strict ? "V4_few_strict" : "V3_few_light";
}

function deriveMandates(strategy: Strategy, strongCentral: boolean): { central: string[]; team: string[] } {
  if (strategy === "centralized")
    return {
      central: [
        "monitoring platform & templates",
        "model metrics & thresholds",
        "alert policy defaults and first-line response",
        "model card required fields",
        "retention & audit",
        "tool selection",
      ],
      team: ["use-case requirements", "business KPI link"],
    };
  if (strategy === "decentralized")
    return {
      central: MINIMUM_SHARED_STANDARD.map((s) => `minimum shared standard: ${s}`),
      team: [
        "tool choice within the standard",
        "monitoring setup",
        "model metrics & thresholds",
        "business KPI link",
        "alert response",
      ],
    };
  const central = [
    "monitoring platform & templates",
    "alert policy defaults",
    "model card required fields",
    "retention & audit",
    "tool selection",
  ];
  if (strongCentral) central.push("approval of new production models");
  return { central, team: ["model metrics & thresholds", "business KPI link", "first-line alert response"] };
}
