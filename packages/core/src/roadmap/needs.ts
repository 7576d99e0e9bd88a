/**
 * Step 2 (ROADMAP.md §4.2): the now / 12-month / observed table, capacity rules of thumb, the
 * discrepancies between answers and facts, 12-month projections, and the answers facts can pre-fill.
 */

import { formatRatio } from "./ratio.js";
import type { PortfolioSignals } from "./portfolio-signals.js";
import type { RoadmapRuleset } from "./ruleset.js";
import type { Evidence, ObservedFacts, RoadmapQuestionnaire } from "./types.js";

/** A rule-of-thumb capacity signal. */
export interface CapacitySignal {
  id: string;
  text: string;
  severity: "info" | "warn";
  evidence: Evidence[];
}

/** A mismatch between a declared answer and an observed fact. */
export interface Discrepancy {
  id: string;
  declared: unknown;
  observed: unknown;
  text: string;
  nextStepId: string;
}

/** The needs profile (§4.2 output, with evidence for the projections). */
export interface NeedsProfile {
  rows: {
    key: string;
    now: number | string;
    in12Months?: number | string;
    observed?: number | string;
    note?: string;
  }[];
  capacitySignals: CapacitySignal[];
  discrepancies: Discrepancy[];
  projections: { monitorsNeeded12m: number; alertPoliciesNeeded12m: number; ingestionModesNeeded: string[] };
  projectionEvidence: Evidence[];
}

/** Inputs of `profileNeeds`. */
export interface NeedsInput {
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  ruleset: RoadmapRuleset;
  signals: PortfolioSignals;
}

/** Questionnaire answers that facts can pre-fill (⟲ fields of §3.2). */
export function derivePrefilledAnswers(facts: ObservedFacts): {
  modelsInProductionNow: number;
  newModelsPerQuarter: number;
  inferenceModes: ObservedFacts["workload"]["inferenceModesObserved"];
  dataTypes: ObservedFacts["workload"]["dataTypesObserved"];
} {
  return {
    modelsInProductionNow: facts.models.production,
    // 90-day window ≈ one quarter.
    newModelsPerQuarter: Math.round((facts.workload.modelsAdded90d * 90) / Math.max(1, facts.windowDays)),
    inferenceModes: [...facts.workload.inferenceModesObserved],
    dataTypes: [...facts.workload.dataTypesObserved],
  };
}

/** Capacity rules of thumb (§4.2). */
export function computeCapacitySignals(q: RoadmapQuestionnaire, ruleset: RoadmapRuleset): CapacitySignal[] {
  const mle12 = Math.max(1, q.needs.mlEngineers.in12Months);
  const models12 = q.needs.modelsInProduction.in12Months;
  const ds12 = q.needs.dataScientists.in12Months;
  const out: CapacitySignal[] = [];
  if (models12 / mle12 > ruleset.needs.modelsPerMlEngineerWarn)
    out.push({
      id: "CAP-MODELS-PER-MLE",
      severity: "warn",
      text: `${models12} models for ${mle12} ML engineers in 12 months (> ${ruleset.needs.modelsPerMlEngineerWarn} per engineer, rule of thumb): manual operations will not scale; aim for Google L1 (automated retraining and validation).`,
      evidence: [
        { fact: "questionnaire.needs.modelsInProduction.in12Months", value: models12 },
        { fact: "questionnaire.needs.mlEngineers.in12Months", value: q.needs.mlEngineers.in12Months },
      ],
    });
  if (ds12 / mle12 > ruleset.needs.dsPerMlEngineerWarn)
    out.push({
      id: "CAP-DS-PER-MLE",
      severity: "warn",
      text: `${ds12} data scientists for ${mle12} ML engineers in 12 months (> ${ruleset.needs.dsPerMlEngineerWarn} per engineer, rule of thumb): release depends on scarce engineers (Azure L1 symptom).`,
      evidence: [
        { fact: "questionnaire.needs.dataScientists.in12Months", value: ds12 },
        { fact: "questionnaire.needs.mlEngineers.in12Months", value: q.needs.mlEngineers.in12Months },
      ],
    });
  return out;
}

/** Discrepancies D-UNREG, D-GT, D-MODE and D-TYPE (§4.2). */
export function computeDiscrepancies(
  facts: ObservedFacts,
  q: RoadmapQuestionnaire,
  ruleset: RoadmapRuleset,
): Discrepancy[] {
  const out: Discrepancy[] = [];
  const declared = q.needs.modelsInProduction.now;
  if (declared > facts.models.production) {
    const n = declared - facts.models.production;
    out.push({
      id: "D-UNREG",
      declared,
      observed: facts.models.production,
      text: `${n} production models are not registered, so nothing monitors them (blind spots).`,
      nextStepId: "N-REG-UNREG",
    });
  }
  const gt = facts.monitoring.groundTruthCoverage;
  const latency = q.needs.groundTruthLatency;
  if (
    (latency === "immediate" || latency === "hours" || latency === "days") &&
    (gt.ratio ?? 0) < ruleset.needs.groundTruthCoverageMin
  )
    out.push({
      id: "D-GT",
      declared: latency,
      observed: gt,
      text: `Labels arrive within ${latency} but only ${formatRatio(gt)} of production models receive them: labels exist but are not connected.`,
      nextStepId: "N-MON-PERF",
    });
  for (const mode of q.needs.inferenceModes.filter((m) => !facts.workload.inferenceModesObserved.includes(m)))
    out.push({
      id: "D-MODE",
      declared: mode,
      observed: facts.workload.inferenceModesObserved,
      text: `${mode} inference is declared but no ${mode} ingestion is observed.`,
      nextStepId: "N-INGEST-MODE",
    });
  for (const type of q.needs.dataTypes.filter((t) => !facts.workload.dataTypesObserved.includes(t)))
    out.push({
      id: "D-TYPE",
      declared: type,
      observed: facts.workload.dataTypesObserved,
      text: isUnstructured(type)
        ? `${type} data is declared but no ${type} feature is registered, so embedding drift is needed and missing.`
        : `${type} data is declared but no ${type} feature is registered.`,
      nextStepId: "N-DATA-TYPE",
    });
  return out;
}

function isUnstructured(type: string): boolean {
  return type === "text" || type === "image" || type === "audio" || type === "embeddings";
}

/** Builds the needs profile of step 2 (§4.2). */
export function profileNeeds(input: NeedsInput): NeedsProfile {
  const { facts, questionnaire: q, ruleset, signals } = input;
  const k = ruleset.needs.monitorsPerModel + (signals.biasRelevant ? 1 : 0) + (signals.coreProduct ? 1 : 0);
  const models12 = q.needs.modelsInProduction.in12Months;
  const modes = [...new Set([...q.needs.inferenceModes, ...facts.workload.inferenceModesObserved])].sort();
  return {
    rows: buildRows(facts, q),
    capacitySignals: computeCapacitySignals(q, ruleset),
    discrepancies: computeDiscrepancies(facts, q, ruleset),
    projections: {
      monitorsNeeded12m: models12 * k,
      alertPoliciesNeeded12m: models12,
      ingestionModesNeeded: modes,
    },
    projectionEvidence: [
      { fact: "questionnaire.needs.modelsInProduction.in12Months", value: models12 },
      { fact: "derived.monitorsPerModel", value: k },
      { fact: "derived.biasRelevant", value: signals.biasRelevant },
      { fact: "questionnaire.needs.integration", value: q.needs.integration },
      { fact: "facts.workload.inferenceModesObserved", value: facts.workload.inferenceModesObserved },
    ],
  };
}

function buildRows(facts: ObservedFacts, q: RoadmapQuestionnaire): NeedsProfile["rows"] {
  const n = q.needs;
  const triggers = Object.entries(facts.versions.triggeredBy)
    .filter(([, v]) => v > 0)
    .map(([key, v]) => `${key} ${v}`);
  return [
    { key: "data_scientists", now: n.dataScientists.now, in12Months: n.dataScientists.in12Months },
    { key: "ml_engineers", now: n.mlEngineers.now, in12Months: n.mlEngineers.in12Months },
    {
      key: "models_in_production",
      now: n.modelsInProduction.now,
      in12Months: n.modelsInProduction.in12Months,
      observed: facts.models.production,
    },
    {
      key: "new_models_per_quarter",
      now: n.newModelsPerQuarter,
      observed: facts.workload.modelsAdded90d,
      note: `models added in the last ${facts.windowDays} days`,
    },
    { key: "integration", now: n.integration },
    {
      key: "inference_modes",
      now: n.inferenceModes.join(", "),
      observed: facts.workload.inferenceModesObserved.join(", "),
    },
    { key: "data_types", now: n.dataTypes.join(", "), observed: facts.workload.dataTypesObserved.join(", ") },
    {
      key: "ground_truth_latency",
      now: n.groundTruthLatency,
      observed: formatRatio(facts.monitoring.groundTruthCoverage),
      note: "observed = production models with labels in the last 30 days",
    },
    {
      key: "retraining_trigger",
      now: n.retrainingTrigger,
      observed: triggers.length > 0 ? triggers.join(", ") : "none",
    },
    { key: "predictions_per_day_p50", now: "–", observed: facts.workload.predictionsPerDayP50 },
  ];
}
