/**
 * Portfolio aggregates of the maturity dimensions (ROADMAP.md §4.4): readiness = weakest core
 * dimension, progress index weighted towards dimensions in the Now phase, phase label, and the
 * inferred Google (0–2) and Azure (0–4) MLOps levels, each with the evidence used.
 */

import type { BlueprintItem } from "./blueprint.js";
import type { DimensionId, DimensionScore } from "./maturity.js";
import { selectLevel } from "./maturity.js";
import type { PortfolioSignals } from "./portfolio-signals.js";
import { isRatioAtLeast } from "./ratio.js";
import type { BlueprintComponent, Evidence, ObservedFacts, RoadmapQuestionnaire } from "./types.js";

/** An aggregate number with its evidence. */
export interface Aggregate<T> {
  value: T;
  evidence: Evidence[];
}

/** Blueprint components each dimension maps to (weight 2 in the progress index when one is in Now). */
export const DIMENSION_COMPONENTS: Record<DimensionId, BlueprintComponent[]> = {
  D1: ["model_registry_ownership"],
  D2: ["performance_monitoring", "drift_monitoring", "data_quality_monitoring"],
  D3: ["alerting_incidents"],
  D4: ["performance_monitoring"],
  D5: ["data_quality_monitoring"],
  D6: ["bias_monitoring"],
  D7: ["documentation_audit"],
  D8: ["retraining_automation", "deployment", "experiment_tracking"],
  D9: ["reporting"],
};

/** min(D1, D2, D3, D7 [, D6 if regulated]); 0 when there are no production models. */
export function computeReadinessLevel(dimensions: DimensionScore[], regulated: boolean): Aggregate<number> {
  const ids: DimensionId[] = regulated ? ["D1", "D2", "D3", "D7", "D6"] : ["D1", "D2", "D3", "D7"];
  const evidence = ids.map((id) => ({ fact: `dimensions.${id}.level`, value: selectLevel(dimensions, id) }));
  const levels = evidence.map((e) => e.value);
  if (levels.some((l) => l === null))
    return {
      value: 0,
      evidence: [
        ...evidence,
        { fact: "derived.readiness", value: "a core dimension is n/a (no production models): readiness 0" },
      ],
    };
  return { value: Math.min(...(levels as number[])), evidence };
}

/** round(100 × Σ w·L / (4 × Σ w)) over applicable dimensions; w = 2 when a mapped component is in Now. */
export function computeProgressIndex(
  dimensions: DimensionScore[],
  blueprint: BlueprintItem[],
): Aggregate<number> {
  const now = new Set(blueprint.filter((b) => b.phase === "now").map((b) => b.component));
  let num = 0;
  let den = 0;
  const evidence: Evidence[] = [];
  for (const d of dimensions) {
    if (d.level === null) continue;
    const w = DIMENSION_COMPONENTS[d.id].some((c) => now.has(c)) ? 2 : 1;
    num += w * d.level;
    den += w;
    evidence.push({ fact: `dimensions.${d.id}`, value: { level: d.level, weight: w } });
  }
  return { value: den === 0 ? 0 : Math.round((100 * num) / (4 * den)), evidence };
}

/** Tactical / Strategic / Transformational. */
export function derivePhaseLabel(readiness: number, automationLevel: number | null): Aggregate<string> {
  const value =
    readiness <= 1
      ? "Tactical"
      : readiness >= 4 && (automationLevel ?? 0) >= 3
        ? "Transformational"
        : "Strategic";
  return {
    value,
    evidence: [
      { fact: "derived.readinessLevel", value: readiness },
      { fact: "dimensions.D8.level", value: automationLevel },
    ],
  };
}

/** Inputs of `inferExternalLevels`. */
export interface ExternalLevelInput {
  dimensions: DimensionScore[];
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  signals: PortfolioSignals;
}

/** The inferred Google and Azure levels (confidence "inferred"). */
export function inferExternalLevels(input: ExternalLevelInput): {
  google: { level: 0 | 1 | 2; confidence: "inferred" | "confirmed"; evidence: Evidence[] };
  azure: { level: 0 | 1 | 2 | 3 | 4; confidence: "inferred" | "confirmed"; evidence: Evidence[] };
} {
  const { dimensions: dims, facts, questionnaire: q } = input;
  const d2 = selectLevel(dims, "D2") ?? 0;
  const d5 = selectLevel(dims, "D5") ?? 0;
  const d8 = selectLevel(dims, "D8") ?? 0;
  const t = facts.versions.triggeredBy;
  const nonManual = t.schedule + t.new_data + t.drift + t.performance;
  const orchestrated = q.org.trainingOrchestrated;
  const runRef = facts.versions.withTrainingRunRef;
  const google: 0 | 1 | 2 =
    d8 >= 3 && orchestrated && d2 >= 2
      ? 2
      : (nonManual >= 1 || orchestrated) && isRatioAtLeast(runRef, 0.5) && d5 >= 2
        ? 1
        : 0;
  const datasetRef = facts.versions.withTrainingDatasetRef;
  let azure: 0 | 1 | 2 | 3 | 4 = 0;
  if (d2 > 0) {
    if (q.org.appCodeHasCi) azure = 1;
    if (d8 >= 2) azure = 2;
    if (d8 >= 3 && isRatioAtLeast(datasetRef, 0.8)) azure = 3;
    if (d8 === 4 && d2 >= 3) azure = 4;
  }
  const common = [
    { fact: "dimensions.D2.level", value: d2 },
    { fact: "dimensions.D8.level", value: d8 },
  ];
  return {
    google: {
      level: google,
      confidence: "inferred",
      evidence: [
        ...common,
        { fact: "dimensions.D5.level", value: d5 },
        { fact: "facts.versions.triggeredBy(non-manual)", value: nonManual },
        { fact: "questionnaire.org.trainingOrchestrated", value: orchestrated },
        { fact: "facts.versions.withTrainingRunRef", value: runRef },
      ],
    },
    azure: {
      level: azure,
      confidence: "inferred",
      evidence: [
        ...common,
        { fact: "questionnaire.org.appCodeHasCi", value: q.org.appCodeHasCi },
        { fact: "facts.versions.withTrainingDatasetRef", value: datasetRef },
      ],
    },
  };
}
