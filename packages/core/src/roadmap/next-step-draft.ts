/**
 * The shape of a fired next-step rule before urgency and priority, the inputs every rule reads, and
 * small ratio readers the rule files share.
 */

import type { BlueprintItem } from "./blueprint.js";
import type { FactsSupplement } from "./facts-supplement.js";
import type { DimensionId, DimensionScore } from "./maturity.js";
import type { NeedsProfile } from "./needs.js";
import type { PortfolioSignals } from "./portfolio-signals.js";
import type { RoadmapRuleset } from "./ruleset.js";
import type {
  BlueprintComponent,
  Evidence,
  ObservedFacts,
  Ratio,
  RoadmapQuestionnaire,
  StakeholderRole,
} from "./types.js";

export interface NextStepDraft {
  id: string;
  ruleId: string;
  title: string;
  why: string;
  blogStep: 1 | 2 | 3 | 4 | 5;
  dimension: DimensionId | null;
  stakeholder: StakeholderRole | null;
  effort: "S" | "M" | "L";
  impact: 1 | 2 | 3 | 4 | 5;
  link: string | null;
  component: BlueprintComponent | null;
  overdue: boolean;
  evidence: Evidence[];
}

/** Everything the rules read. */
export interface NextStepRuleInput {
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  ruleset: RoadmapRuleset;
  signals: PortfolioSignals;
  supplement: FactsSupplement;
  needs: NeedsProfile;
  dimensions: DimensionScore[];
  blueprint: BlueprintItem[];
}

/** A draft as a rule writes it (`id` defaults to the rule id). */
export type NextStepSpec = Omit<NextStepDraft, "id" | "overdue"> & { id?: string; overdue?: boolean };
/** Whether a ratio with a denominator is below `t`. */
export const isBelow = (r: Ratio, t: number): boolean => r.ratio !== null && r.ratio < t - 1e-9;
/** Models still missing in a ratio. */
export const countMissing = (r: Ratio): number => r.den - r.num;
/** One evidence entry. */
export const toEvidence = (fact: string, value: unknown): Evidence => ({ fact, value });
