/**
 * The versioned ruleset of the roadmap module: every default threshold of ROADMAP.md §4 as data, so an
 * assessment can store `version` + hash and be reproduced. Rule structure stays in code; numbers live here.
 */

import type { BlueprintComponent } from "./types.js";

/** Configurable thresholds and points of every roadmap rule. */
export interface RoadmapRuleset {
  version: string;
  strategy: {
    centralizedMaxTeams: number; // rule 1: teams ≤ this …
    centralizedMaxDs12: number; // … and ds12 ≤ this
    manyModels: number; // prod ≥ this: central +1, governance "many"
    ownershipBlurredBelow: number;
    manyTeams: number;
    dsGrowth: number;
    heterogeneity: number;
    modelPacePerQuarter: number;
    borderlineMargin: number; // margin ≤ this is reported as borderline
  };
  needs: {
    monitorsPerModel: number;
    modelsPerMlEngineerWarn: number;
    dsPerMlEngineerWarn: number;
    groundTruthCoverageMin: number;
  };
  blueprint: {
    coveredAt: number;
    baseImportance: Record<BlueprintComponent, number>;
    nowSize: number;
    nextSize: number;
    prerequisiteCoverageMin: number;
    experimentTrackingDs12: number;
  };
  maturity: {
    half: number;
    high: number;
    highRiskRetentionDays: number;
    monitoringTestScoreMedian: number;
  };
  regulatory: {
    predictionRetentionDays: number;
    documentationRetentionYears: number;
    appliesFrom: Record<string, string>;
  };
  evaluation: {
    shortlistMax: number;
    shortlistMinCoverage: number;
    finalists: number;
    finalistGapWarn: number;
    residencyKnockoutMinScore: number;
    supportHours: { five: number; four: number; three: number; two: number };
  };
  nextSteps: { effortWeight: Record<"S" | "M" | "L", number>; summaryCount: number };
}

const AI_ACT_HIGH_RISK_FROM = "2026-08-02";

/** Default rules v1 (ROADMAP.md §4 defaults). */
export const DEFAULT_ROADMAP_RULESET: RoadmapRuleset = {
  version: "roadmap-rules-1",
  strategy: {
    centralizedMaxTeams: 1,
    centralizedMaxDs12: 8,
    manyModels: 10,
    ownershipBlurredBelow: 0.5,
    manyTeams: 3,
    dsGrowth: 15,
    heterogeneity: 3,
    modelPacePerQuarter: 3,
    borderlineMargin: 1,
  },
  needs: {
    monitorsPerModel: 3,
    modelsPerMlEngineerWarn: 10,
    dsPerMlEngineerWarn: 5,
    groundTruthCoverageMin: 0.5,
  },
  blueprint: {
    coveredAt: 0.8,
    baseImportance: {
      model_registry_ownership: 5,
      performance_monitoring: 5,
      drift_monitoring: 4,
      data_quality_monitoring: 4,
      alerting_incidents: 4,
      reporting: 3,
      bias_monitoring: 2,
      documentation_audit: 2,
      retraining_automation: 2,
      experiment_tracking: 2,
      hyperparameter_tuning: 1,
      deployment: 3,
      explainability: 1,
    },
    nowSize: 3,
    nextSize: 3,
    prerequisiteCoverageMin: 0.5,
    experimentTrackingDs12: 10,
  },
  maturity: { half: 0.5, high: 0.8, highRiskRetentionDays: 183, monitoringTestScoreMedian: 5 },
  regulatory: {
    predictionRetentionDays: 183,
    documentationRetentionYears: 10,
    appliesFrom: {
      R1: AI_ACT_HIGH_RISK_FROM,
      R2: AI_ACT_HIGH_RISK_FROM,
      R3: AI_ACT_HIGH_RISK_FROM,
      R4: AI_ACT_HIGH_RISK_FROM,
      R5: AI_ACT_HIGH_RISK_FROM,
      R6: AI_ACT_HIGH_RISK_FROM,
      R7: AI_ACT_HIGH_RISK_FROM,
      R8: AI_ACT_HIGH_RISK_FROM,
      R9: AI_ACT_HIGH_RISK_FROM,
      R10: AI_ACT_HIGH_RISK_FROM,
      R11: AI_ACT_HIGH_RISK_FROM,
      R12: AI_ACT_HIGH_RISK_FROM,
      R13: AI_ACT_HIGH_RISK_FROM,
      R14: AI_ACT_HIGH_RISK_FROM,
    },
  },
  evaluation: {
    shortlistMax: 4,
    shortlistMinCoverage: 0.6,
    finalists: 2,
    finalistGapWarn: 5,
    residencyKnockoutMinScore: 4,
    supportHours: { five: 4, four: 24, three: 48, two: 120 },
  },
  nextSteps: { effortWeight: { S: 1, M: 2, L: 3 }, summaryCount: 5 },
};

/** A stable FNV-1a hash (8 hex digits) of the ruleset's canonical JSON (keys sorted). */
export function computeRulesetHash(ruleset: RoadmapRuleset): string {
  const text = toCanonicalJson(ruleset);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function toCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toCanonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toCanonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
