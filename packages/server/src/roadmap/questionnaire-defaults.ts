/**
 * The questionnaire as the API shows it: a default answer set when nothing is saved yet, the answers
 * facts can pre-fill (⟲ fields of ROADMAP.md §3.2) with "observed" hints, and the discrepancies.
 */
import {
  computeDiscrepancies,
  derivePrefilledAnswers,
  type Discrepancy,
  type ObservedFacts,
  type RoadmapQuestionnaire,
  type RoadmapRuleset,
} from "@sextant/core";

/** One pre-fillable answer: what facts say, what is answered, and whether they differ. */
export interface PrefilledAnswer {
  readonly fact: string;
  readonly observed: unknown;
  readonly answer: unknown;
  readonly differs: boolean;
}

/** Default answers for an organisation that has not answered yet, pre-filled from facts. */
export function buildDefaultQuestionnaire(facts: ObservedFacts, at: Date): RoadmapQuestionnaire {
  const pre = derivePrefilledAnswers(facts);
  return {
    version: 1,
    answeredBy: "",
    answeredAt: at.toISOString(),
    org: {
      productTeamsUsingMl: 1,
      hasCentralMlPlatformTeam: false,
      productionOwnershipToday: "unclear",
      appCodeHasCi: false,
      trainingOrchestrated: false,
    },
    needs: {
      dataScientists: { now: 1, in12Months: 1 },
      mlEngineers: { now: 1, in12Months: 1 },
      modelsInProduction: { now: pre.modelsInProductionNow, in12Months: pre.modelsInProductionNow },
      newModelsPerQuarter: pre.newModelsPerQuarter,
      integration: "decision_support",
      inferenceModes: pre.inferenceModes,
      dataTypes: pre.dataTypes,
      groundTruthLatency: "days",
      retrainingTrigger: "ad_hoc",
    },
    constraints: {
      dataResidency: "any",
      euExposure: false,
      aiActRole: "none",
      regulatedUseCases: [],
      otherRegimes: [],
      buildVsBuyLean: "undecided",
    },
    stakeholders: [],
    existingTools: [],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The pre-fillable answers of `q` next to what the facts observe. */
export function comparePrefilledAnswers(
  facts: ObservedFacts,
  q: RoadmapQuestionnaire,
): Record<string, PrefilledAnswer> {
  const pre = derivePrefilledAnswers(facts);
  return {
    "needs.modelsInProduction.now": {
      fact: "facts.models.production",
      observed: pre.modelsInProductionNow,
      answer: q.needs.modelsInProduction.now,
      differs: pre.modelsInProductionNow !== q.needs.modelsInProduction.now,
    },
    "needs.newModelsPerQuarter": {
      fact: "facts.workload.modelsAdded90d",
      observed: pre.newModelsPerQuarter,
      answer: q.needs.newModelsPerQuarter,
      differs: pre.newModelsPerQuarter !== q.needs.newModelsPerQuarter,
    },
    "needs.inferenceModes": {
      fact: "facts.workload.inferenceModesObserved",
      observed: pre.inferenceModes,
      answer: q.needs.inferenceModes,
      differs: !sameSet(pre.inferenceModes, q.needs.inferenceModes),
    },
    "needs.dataTypes": {
      fact: "facts.workload.dataTypesObserved",
      observed: pre.dataTypes,
      answer: q.needs.dataTypes,
      differs: !sameSet(pre.dataTypes, q.needs.dataTypes),
    },
  };
}

/** The discrepancies between answers and facts (§4.2). */
export function listDiscrepancies(
  facts: ObservedFacts,
  q: RoadmapQuestionnaire,
  ruleset: RoadmapRuleset,
): Discrepancy[] {
  return computeDiscrepancies(facts, q, ruleset);
}
