/**
 * Portfolio-level signals derived once from facts and answers and shared by every scoring step
 * (ROADMAP.md §4.1 "Let"): prod, regulated, heterogeneity, label latency, bias relevance.
 */

import type { ObservedFacts, RoadmapQuestionnaire } from "./types.js";

/** Derived signals shared by the scoring steps. */
export interface PortfolioSignals {
  teams: number;
  ds12: number;
  /** max(declared now, registered production). */
  prod: number;
  regulated: boolean;
  /** regulatedUseCases ∩ {credit, employment, insurance} is non-empty. */
  regulatedForExplainability: boolean;
  /** |declared inference modes| + |declared data types| − 1. */
  hetero: number;
  labelsLate: boolean;
  labelsAvailable: boolean;
  coreProduct: boolean;
  realtimeOrStreaming: boolean;
  unstructuredData: boolean;
  /** Bias monitoring matters: sensitive attributes, high-risk models or a regulated portfolio. */
  biasRelevant: boolean;
  ownershipUnclear: boolean;
  /** AI Act high-risk obligations apply: EU exposure, an AI Act role, and high-risk models or regulated use cases. */
  aiActApplies: boolean;
}

/** Derives the shared signals from facts and questionnaire. */
export function derivePortfolioSignals(
  facts: ObservedFacts,
  q: RoadmapQuestionnaire,
  ownershipBlurredBelow = 0.5,
): PortfolioSignals {
  const regulated = q.constraints.regulatedUseCases.length > 0 || facts.models.highRisk > 0;
  const modes = new Set([...q.needs.inferenceModes]);
  const types = new Set([...q.needs.dataTypes]);
  const latency = q.needs.groundTruthLatency;
  const owner = facts.models.withOwner.ratio;
  return {
    teams: q.org.productTeamsUsingMl,
    ds12: q.needs.dataScientists.in12Months,
    prod: Math.max(q.needs.modelsInProduction.now, facts.models.production),
    regulated,
    regulatedForExplainability: q.constraints.regulatedUseCases.some(
      (u) => u === "credit" || u === "employment" || u === "insurance",
    ),
    hetero: modes.size + types.size - 1,
    labelsLate: latency === "weeks" || latency === "never",
    labelsAvailable: latency === "immediate" || latency === "hours" || latency === "days",
    coreProduct: q.needs.integration === "core_product",
    realtimeOrStreaming: modes.has("realtime") || modes.has("streaming"),
    unstructuredData: types.has("text") || types.has("image") || types.has("embeddings"),
    biasRelevant: regulated || facts.models.withSensitiveAttributes > 0,
    ownershipUnclear:
      q.org.productionOwnershipToday === "unclear" || (owner !== null && owner < ownershipBlurredBelow),
    aiActApplies:
      q.constraints.euExposure &&
      q.constraints.aiActRole !== "none" &&
      (facts.models.highRisk > 0 || q.constraints.regulatedUseCases.length > 0),
  };
}
