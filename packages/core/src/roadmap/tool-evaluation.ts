/**
 * Scores the candidates of a tool evaluation (ROADMAP.md §4.7): weighted score 0–100 over scored
 * criteria, weight coverage, hands-on confidence and knockouts. The latest score per cell wins; PoC
 * support tickets replace a manual support score; the in-house build has support n/a and pricing
 * from finance's estimate.
 */

import { scoreBuildPricing, scoreSupportResponsiveness } from "./evaluation-anchors.js";
import type { RoadmapRuleset } from "./ruleset.js";
import { EVALUATION_STAGES } from "./tool-evaluation-types.js";
import type { Candidate, CriterionScore, EvalCriterion, ToolEvaluation } from "./tool-evaluation-types.js";
import type { Evidence, RoadmapQuestionnaire } from "./types.js";

/** One candidate's aggregate. */
export interface CandidateRanking {
  candidateId: string;
  weightedScore: number;
  coverage: number;
  handsOnConfidence: number;
  knockedOut: boolean;
  knockoutReasons: string[];
  evidence: Evidence[];
}

/** The scored evaluation. */
export interface EvaluationScore {
  id: string;
  stage: string;
  ranking: CandidateRanking[];
  warnings: string[];
}

/** A resolved cell: the score that counts for a candidate on a criterion. */
export interface ResolvedCell {
  score: number | null;
  evidenceKind: CriterionScore["evidenceKind"] | null;
  evidenceUrl?: string;
  notApplicable: boolean;
}

const HANDS_ON = new Set<CriterionScore["evidenceKind"]>(["demo", "poc", "support_log"]);

/** The score that counts for a cell (latest `scoredAt`, computed anchors first). */
export function resolveCell(p: {
  evaluation: ToolEvaluation;
  candidate: Candidate;
  criterion: EvalCriterion;
  ruleset: RoadmapRuleset;
}): ResolvedCell {
  const { evaluation, candidate, criterion } = p;
  const build = candidate.kind === "build_in_house";
  if (criterion.id === "sw.support_responsiveness") {
    if (build) return { score: null, evidenceKind: null, notApplicable: true };
    const tickets = (evaluation.poc?.supportTickets ?? []).filter((t) => t.candidateId === candidate.id);
    const measured = scoreSupportResponsiveness(tickets, p.ruleset);
    if (measured.score !== null)
      return { score: measured.score, evidenceKind: "support_log", notApplicable: false };
  }
  const latest = evaluation.scores
    .filter((s) => s.candidateId === candidate.id && s.criterionId === criterion.id)
    .reduce<CriterionScore | undefined>(
      (a, b) => (a === undefined || b.scoredAt >= a.scoredAt ? b : a),
      undefined,
    );
  if (latest !== undefined && latest.score !== null)
    return {
      score: latest.score,
      evidenceKind: latest.evidenceKind,
      notApplicable: false,
      ...(latest.evidenceUrl === undefined ? {} : { evidenceUrl: latest.evidenceUrl }),
    };
  if (build && criterion.id === "sw.pricing_transparency" && candidate.buildEstimate !== undefined)
    return {
      score: scoreBuildPricing(candidate.buildEstimate).score,
      evidenceKind: "pricing_page",
      notApplicable: false,
    };
  return { score: null, evidenceKind: null, notApplicable: false };
}

/** Aggregates for one candidate. */
export function scoreCandidate(p: {
  evaluation: ToolEvaluation;
  candidate: Candidate;
  ruleset: RoadmapRuleset;
}): CandidateRanking {
  let wsScored = 0;
  let wAll = 0;
  let wScored = 0;
  let wHands = 0;
  const knockoutReasons: string[] = [];
  const late = EVALUATION_STAGES.indexOf(p.evaluation.stage) >= EVALUATION_STAGES.indexOf("finalists");
  for (const criterion of p.evaluation.criteria) {
    const cell = resolveCell({ ...p, criterion });
    if (cell.notApplicable) continue;
    wAll += criterion.weight;
    if (cell.score !== null) {
      wScored += criterion.weight;
      wsScored += criterion.weight * cell.score;
      if (cell.evidenceKind !== null && HANDS_ON.has(cell.evidenceKind)) wHands += criterion.weight;
    }
    const ko = criterion.knockout;
    if (ko === undefined) continue;
    if (cell.score !== null && cell.score < ko.minScore)
      knockoutReasons.push(`${criterion.id} scored ${cell.score} < ${ko.minScore}: ${ko.reason}`);
    if (cell.score === null && late)
      knockoutReasons.push(`${criterion.id} unscored at stage ${p.evaluation.stage}`);
  }
  return {
    candidateId: p.candidate.id,
    weightedScore: wScored === 0 ? 0 : (100 * wsScored) / (5 * wScored),
    coverage: wAll === 0 ? 0 : wScored / wAll,
    handsOnConfidence: wAll === 0 ? 0 : wHands / wAll,
    knockedOut: knockoutReasons.length > 0,
    knockoutReasons,
    evidence: [
      { fact: "evaluation.weights.scored", value: wScored },
      { fact: "evaluation.weights.all", value: wAll },
      { fact: "evaluation.weights.handsOn", value: wHands },
    ],
  };
}

/** Ranks the candidates still in the funnel: not knocked out first, then by weighted score. */
export function scoreEvaluation(p: {
  evaluation: ToolEvaluation;
  ruleset: RoadmapRuleset;
  questionnaire?: RoadmapQuestionnaire;
}): EvaluationScore {
  const active = p.evaluation.candidates.filter((c) => c.eliminatedAtStage === undefined);
  const ranking = active.map((candidate) =>
    scoreCandidate({ evaluation: p.evaluation, candidate, ruleset: p.ruleset }),
  );
  ranking.sort(compareRankings);
  const warnings: string[] = [];
  const mle12 = p.questionnaire?.needs.mlEngineers.in12Months;
  if (active.some((c) => c.kind === "build_in_house") && mle12 !== undefined && mle12 < 2)
    warnings.push(
      `Build in house: only ${mle12} ML engineers planned in 12 months; building and maintaining the tool competes with model work.`,
    );
  if (!p.evaluation.candidates.some((c) => c.kind === "build_in_house"))
    warnings.push("No build_in_house candidate: build vs buy is not compared.");
  return { id: p.evaluation.id, stage: p.evaluation.stage, ranking, warnings };
}

/** Ranking order: eligible first, then weighted score, then id for stability. */
export function compareRankings(a: CandidateRanking, b: CandidateRanking): number {
  if (a.knockedOut !== b.knockedOut) return a.knockedOut ? 1 : -1;
  return (
    b.weightedScore - a.weightedScore ||
    (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0)
  );
}

/** Adds the in-house build candidate unless one is present. */
export function ensureBuildInHouseCandidate(candidates: Candidate[]): Candidate[] {
  if (candidates.some((c) => c.kind === "build_in_house")) return candidates;
  return [...candidates, { id: "build_in_house", name: "Build in house", kind: "build_in_house" }];
}
