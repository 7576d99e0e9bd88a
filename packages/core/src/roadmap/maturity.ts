/**
 * Maturity per dimension (ROADMAP.md §4.4): each of D1–D9 gets the highest level 0–4 whose conditions
 * and all lower levels' conditions hold, with its evidence and the unmet conditions of the next level.
 * With no production models every dimension but D1 is null, and D1 is 0 when production models are declared.
 */

import {
  derivePerformanceKpiConditions,
  deriveReportingConditions,
} from "./dimension-rules-communication.js";
import { deriveDataQualityConditions } from "./dimension-rules-data.js";
import {
  deriveAutomationConditions,
  deriveDocumentationConditions,
  deriveFairnessConditions,
} from "./dimension-rules-governance.js";
import {
  deriveAlertingConditions,
  deriveInventoryConditions,
  deriveMonitoringConditions,
} from "./dimension-rules-operations.js";
import { computeLadderLevel } from "./maturity-conditions.js";
import type { LevelCondition, MaturityContext } from "./maturity-conditions.js";
import type { Evidence } from "./types.js";

export type { MaturityContext } from "./maturity-conditions.js";

/** Dimension ids. */
export type DimensionId = "D1" | "D2" | "D3" | "D4" | "D5" | "D6" | "D7" | "D8" | "D9";

/** One maturity dimension (§4.4 output plus the rule that decided it). */
export interface DimensionScore {
  id: DimensionId;
  name: string;
  level: 0 | 1 | 2 | 3 | 4 | null;
  ruleId: string;
  evidence: Evidence[];
  nextLevel: { condition: string; current: string; target: string; gap?: number; nextStepId?: string }[];
  anchors: string[];
}

interface DimensionDefinition {
  id: DimensionId;
  name: string;
  anchors: string[];
  conditions: (ctx: MaturityContext) => LevelCondition[] | null;
}

const DIMENSIONS: DimensionDefinition[] = [
  {
    id: "D1",
    name: "Inventory & ownership",
    anchors: ["NIST GOVERN 1.6", "NIST GOVERN 2.1", "article: blurred ownership", "Marvelous MLOps §1"],
    conditions: deriveInventoryConditions,
  },
  {
    id: "D2",
    name: "Monitoring coverage",
    anchors: ["Google L0: lack of active performance monitoring", "NIST MEASURE 2.4", "Marvelous MLOps §4"],
    conditions: deriveMonitoringConditions,
  },
  {
    id: "D3",
    name: "Alerting & incident response",
    anchors: ["NIST MANAGE 4.1", "NIST MANAGE 4.3", "NIST MEASURE 2.6", "EU AI Act Art. 73", "AWS 7.3"],
    conditions: deriveAlertingConditions,
  },
  {
    id: "D4",
    name: "Performance & KPIs (success measures)",
    anchors: [
      "article: stakeholder success measures",
      "NIST MEASURE 2.3",
      "NIST MEASURE 4.3",
      "Marvelous MLOps §4",
    ],
    conditions: derivePerformanceKpiConditions,
  },
  {
    id: "D5",
    name: "Data quality & schema",
    anchors: ["ML Test Score Data 1", "ML Test Score Monitor 1–3, 5", "AWS 8.1"],
    conditions: deriveDataQualityConditions,
  },
  {
    id: "D6",
    name: "Fairness & bias",
    anchors: ["NIST MEASURE 2.11", "EU AI Act Art. 10", "AWS 3.2", "article: bias rate"],
    conditions: deriveFairnessConditions,
  },
  {
    id: "D7",
    name: "Documentation & compliance",
    anchors: ["EU AI Act Art. 11, 12, 18, 19, 72", "EU AI Act Annex IV", "NIST GOVERN 1.6"],
    conditions: deriveDocumentationConditions,
  },
  {
    id: "D8",
    name: "Lifecycle automation",
    anchors: ["Google MLOps L1/L2", "Azure MLOps L2–L4", "AWS 7, 8.4–8.5"],
    conditions: deriveAutomationConditions,
  },
  {
    id: "D9",
    name: "Reporting & communication",
    anchors: ["article: generating reports", "ml-ops.org: Report", "NIST MEASURE 4.3"],
    conditions: deriveReportingConditions,
  },
];

/** Scores the nine maturity dimensions (§4.4). */
export function scoreDimensions(ctx: MaturityContext): DimensionScore[] {
  const noProduction = ctx.facts.models.production === 0;
  return DIMENSIONS.map((def) => {
    if (noProduction && def.id === "D1") return scoreInventoryWithoutProduction(ctx, def);
    if (noProduction) return toNullScore(def, "no production models");
    const conditions = def.conditions(ctx);
    if (conditions === null)
      return toNullScore(def, "not relevant: no sensitive attributes, no high-risk models, not regulated");
    return toDimensionScore(def, conditions);
  });
}

/** Builds a scored dimension from its evaluated conditions. */
export function toDimensionScore(
  def: { id: DimensionId; name: string; anchors: string[] },
  conditions: LevelCondition[],
): DimensionScore {
  const level = computeLadderLevel(conditions);
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const c of conditions)
    for (const e of c.evidence)
      if (!seen.has(e.fact)) {
        seen.add(e.fact);
        evidence.push(e);
      }
  const nextLevel = conditions
    .filter((c) => c.level === level + 1 && !c.met)
    .map(({ condition, current, target, gap, nextStepId }) => ({
      condition,
      current,
      target,
      ...(gap === undefined ? {} : { gap }),
      ...(nextStepId === undefined ? {} : { nextStepId }),
    }));
  return {
    id: def.id,
    name: def.name,
    level,
    ruleId: `${def.id}-L${level}`,
    evidence,
    nextLevel,
    anchors: def.anchors,
  };
}

function toNullScore(def: DimensionDefinition, why: string): DimensionScore {
  return {
    id: def.id,
    name: def.name,
    level: null,
    ruleId: `${def.id}-n/a`,
    evidence: [{ fact: "derived.notApplicable", value: why }],
    nextLevel: [],
    anchors: def.anchors,
  };
}

function scoreInventoryWithoutProduction(ctx: MaturityContext, def: DimensionDefinition): DimensionScore {
  const declared = ctx.questionnaire.needs.modelsInProduction.now;
  if (declared === 0) return toDimensionScore(def, deriveInventoryConditions(ctx));
  return {
    id: def.id,
    name: def.name,
    level: 0,
    ruleId: "D1-L0/declared",
    evidence: [
      { fact: "facts.models.production", value: 0 },
      { fact: "questionnaire.needs.modelsInProduction.now", value: declared },
    ],
    nextLevel: [
      {
        condition: "register the declared production models",
        current: "0 registered in production",
        target: `${declared} registered`,
        gap: declared,
        nextStepId: "N-REG-UNREG",
      },
    ],
    anchors: def.anchors,
  };
}

/** The level of a dimension, or null when absent or not applicable. */
export function selectLevel(dimensions: DimensionScore[], id: DimensionId): number | null {
  return dimensions.find((d) => d.id === id)?.level ?? null;
}
