/**
 * Assembles a full roadmap assessment (ROADMAP.md §5) from facts, answers and ruleset: every step's
 * output, aggregates with their evidence, the ruleset version and hash, and the change since a previous
 * assessment. Pure: the timestamp `at` is a parameter.
 */

import { prioritiseBlueprint } from "./blueprint.js";
import type { BlueprintItem } from "./blueprint.js";
import type { FactsSupplement } from "./facts-supplement.js";
import {
  computeProgressIndex,
  computeReadinessLevel,
  derivePhaseLabel,
  inferExternalLevels,
} from "./maturity-aggregates.js";
import type { Aggregate } from "./maturity-aggregates.js";
import { scoreDimensions, selectLevel } from "./maturity.js";
import type { DimensionScore } from "./maturity.js";
import { profileNeeds } from "./needs.js";
import type { NeedsProfile } from "./needs.js";
import { generateNextSteps } from "./next-steps.js";
import type { NextStep } from "./next-steps.js";
import { derivePortfolioSignals } from "./portfolio-signals.js";
import { checkRegulatory } from "./regulatory.js";
import type { RegulatoryItem } from "./regulatory.js";
import { computeRulesetHash } from "./ruleset.js";
import type { RoadmapRuleset } from "./ruleset.js";
import { scoreStakeholders } from "./stakeholders.js";
import type { StakeholderScore } from "./stakeholders.js";
import { recommendStrategy } from "./strategy.js";
import type { StrategyRecommendation } from "./strategy.js";
import { scoreEvaluation } from "./tool-evaluation.js";
import type { EvaluationScore } from "./tool-evaluation.js";
import type { ToolEvaluation } from "./tool-evaluation-types.js";
import type { ObservedFacts, RoadmapQuestionnaire } from "./types.js";

/** Change since the previous assessment. */
export interface AssessmentDelta {
  previousId: string;
  dimensionChanges: { id: string; from: number | null; to: number | null }[];
  progressIndexChange: number;
  readinessLevelChange: number;
  rulesetChanged: boolean;
}

/** A complete, reproducible roadmap assessment (§5). */
export interface RoadmapAssessment {
  id: string;
  createdAt: string;
  createdBy: string;
  rulesetVersion: string;
  rulesetHash: string;
  questionnaireVersion: number;
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  supplement: FactsSupplement;
  strategy: StrategyRecommendation;
  needs: NeedsProfile;
  blueprint: BlueprintItem[];
  dimensions: DimensionScore[];
  readinessLevel: number;
  progressIndex: number;
  phaseLabel: string;
  aggregateEvidence: {
    readinessLevel: Aggregate<number>["evidence"];
    progressIndex: Aggregate<number>["evidence"];
    phaseLabel: Aggregate<string>["evidence"];
  };
  externalLevels: ReturnType<typeof inferExternalLevels>;
  stakeholderScorecard: StakeholderScore[];
  regulatoryReadiness: RegulatoryItem[];
  evaluations: EvaluationScore[];
  nextSteps: NextStep[];
  deltaFromPrevious?: AssessmentDelta;
}

/** Inputs of `assessRoadmap`. */
export interface AssessInput {
  id: string;
  at: Date;
  createdBy: string;
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  ruleset: RoadmapRuleset;
  supplement?: FactsSupplement;
  evaluations?: ToolEvaluation[];
  previous?: RoadmapAssessment;
}

/** Runs every scoring step and assembles the assessment. */
export function assessRoadmap(input: AssessInput): RoadmapAssessment {
  const { facts, questionnaire, ruleset } = input;
  const supplement = input.supplement ?? {};
  const signals = derivePortfolioSignals(facts, questionnaire, ruleset.strategy.ownershipBlurredBelow);
  const base = { facts, questionnaire, ruleset, signals };
  const strategy = recommendStrategy(base);
  const needs = profileNeeds(base);
  const capacityWarning = needs.capacitySignals.some((c) => c.severity === "warn");
  const blueprint = prioritiseBlueprint({ ...base, supplement, capacityWarning });
  const dimensions = scoreDimensions({ ...base, supplement, discrepancies: needs.discrepancies });
  const readiness = computeReadinessLevel(dimensions, signals.regulated);
  const progress = computeProgressIndex(dimensions, blueprint);
  const phase = derivePhaseLabel(readiness.value, selectLevel(dimensions, "D8"));
  const regulatoryDraft = checkRegulatory({
    ...base,
    dimensions,
    discrepancies: needs.discrepancies,
    supplement,
  });
  const { nextSteps, regulatory } = generateNextSteps({
    ...base,
    supplement,
    needs,
    dimensions,
    blueprint,
    regulatory: regulatoryDraft,
  });
  const assessment: RoadmapAssessment = {
    id: input.id,
    createdAt: input.at.toISOString(),
    createdBy: input.createdBy,
    rulesetVersion: ruleset.version,
    rulesetHash: computeRulesetHash(ruleset),
    questionnaireVersion: questionnaire.version,
    facts,
    questionnaire,
    supplement,
    strategy,
    needs,
    blueprint,
    dimensions,
    readinessLevel: readiness.value,
    progressIndex: progress.value,
    phaseLabel: phase.value,
    aggregateEvidence: {
      readinessLevel: readiness.evidence,
      progressIndex: progress.evidence,
      phaseLabel: phase.evidence,
    },
    externalLevels: inferExternalLevels({ dimensions, facts, questionnaire, signals }),
    stakeholderScorecard: scoreStakeholders({ facts, questionnaire, ruleset, supplement }),
    regulatoryReadiness: regulatory,
    evaluations: (input.evaluations ?? []).map((evaluation) =>
      scoreEvaluation({ evaluation, ruleset, questionnaire }),
    ),
    nextSteps,
  };
  if (input.previous !== undefined)
    assessment.deltaFromPrevious = compareAssessments(input.previous, assessment);
  return assessment;
}

/** Dimension, readiness and progress changes from `previous` to `current`. */
export function compareAssessments(
  previous: RoadmapAssessment,
  current: Pick<RoadmapAssessment, "dimensions" | "progressIndex" | "readinessLevel" | "rulesetHash">,
): AssessmentDelta {
  const ids = [
    ...new Set([...previous.dimensions.map((d) => d.id), ...current.dimensions.map((d) => d.id)]),
  ].sort();
  return {
    previousId: previous.id,
    dimensionChanges: ids
      .map((id) => ({
        id,
        from: previous.dimensions.find((d) => d.id === id)?.level ?? null,
        to: current.dimensions.find((d) => d.id === id)?.level ?? null,
      }))
      .filter((c) => c.from !== c.to),
    progressIndexChange: current.progressIndex - previous.progressIndex,
    readinessLevelChange: current.readinessLevel - previous.readinessLevel,
    rulesetChanged: previous.rulesetHash !== current.rulesetHash,
  };
}
