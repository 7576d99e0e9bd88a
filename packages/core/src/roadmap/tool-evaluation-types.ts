/**
 * Types of a tool evaluation (ROADMAP.md §4.7): criteria, candidates, scores with evidence, PoC
 * support tickets and the decision with stakeholder sign-offs. Additions to the spec are marked.
 */

import type { BlueprintComponent, StakeholderRole } from "./types.js";

/** Funnel stage, in order. */
export type EvaluationStage = "longlist" | "shortlist" | "finalists" | "poc" | "decided";

/** The funnel stages in order. */
export const EVALUATION_STAGES: readonly EvaluationStage[] = [
  "longlist",
  "shortlist",
  "finalists",
  "poc",
  "decided",
];

/** A stakeholder's verdict on the decision. */
export interface SignOff {
  role: StakeholderRole;
  verdict: "approve" | "object" | "abstain";
  note?: string;
}

/** A tool evaluation. */
export interface ToolEvaluation {
  id: string;
  title: string;
  createdAt: string;
  owner: string;
  useCase: string;
  stage: EvaluationStage;
  criteria: EvalCriterion[];
  candidates: Candidate[];
  scores: CriterionScore[];
  poc?: { startedAt: string; endsAt: string; successCriteria: string[]; supportTickets: SupportTicket[] };
  decision?: {
    candidateId: string;
    rationale: string;
    decidedAt: string;
    signOffs: SignOff[];
    /** Addition: an objection from CISO or risk may be overridden with a written rationale. */
    objectionOverrides?: { role: StakeholderRole; rationale: string }[];
  };
}

/** A scoring criterion. */
export interface EvalCriterion {
  id: string;
  label: string;
  group: "capability" | "monitoring" | "operations" | "vendor" | "security" | "stakeholder";
  source:
    "thoughtworks_matrix" | "superwise_step5" | "monitoring_detail" | "security" | "stakeholder" | "custom";
  mapsTo?: BlueprintComponent;
  weight: 0 | 1 | 2 | 3;
  weightOverridden?: boolean;
  knockout?: { minScore: number; reason: string };
}

/** A candidate tool or the in-house build. */
export interface Candidate {
  id: string;
  name: string;
  kind: "buy_saas" | "buy_self_hosted" | "open_source" | "build_in_house";
  notes?: string;
  /** Addition: the stage at which the funnel dropped the candidate. */
  eliminatedAtStage?: EvaluationStage;
  /** Addition: finance's effort estimate for `build_in_house`. */
  buildEstimate?: { fteMonths: number; costPerFteMonth: number };
}

/** One score of one candidate on one criterion. */
export interface CriterionScore {
  candidateId: string;
  criterionId: string;
  score: 0 | 1 | 2 | 3 | 4 | 5 | null;
  evidenceKind:
    "docs" | "demo" | "poc" | "reference_customer" | "support_log" | "pricing_page" | "roadmap_session";
  evidenceUrl?: string;
  note?: string;
  scoredBy: string;
  scoredAt: string;
}

/** A support ticket opened with a vendor during the PoC. */
export interface SupportTicket {
  candidateId: string;
  openedAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  severity: "low" | "high";
}
