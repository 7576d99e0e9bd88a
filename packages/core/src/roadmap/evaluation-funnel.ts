/**
 * Funnel transitions of a tool evaluation (ROADMAP.md §4.7): longlist → shortlist (≤ 4 eligible,
 * coverage ≥ 0.6), → finalists (exactly 2, warn on a close #3), → poc (use case and success criteria),
 * → decided (hands-on evidence on every weight-3 criterion, sign-offs, CISO/risk objections block).
 * A transition returns the next evaluation or the list of violated rules; it never mutates its input.
 */

import type { RoadmapRuleset } from "./ruleset.js";
import { resolveCell, scoreEvaluation } from "./tool-evaluation.js";
import { EVALUATION_STAGES } from "./tool-evaluation-types.js";
import type { EvaluationStage, ToolEvaluation } from "./tool-evaluation-types.js";
import type { StakeholderRole } from "./types.js";

/** A violated funnel rule. */
export interface FunnelError {
  code: string;
  message: string;
}

/** Outcome of a stage transition. */
export type FunnelOutcome =
  | { ok: true; evaluation: ToolEvaluation; warnings: string[] }
  | { ok: false; errors: FunnelError[]; warnings: string[] };

/** Inputs of `advanceEvaluation`. */
export interface AdvanceInput {
  evaluation: ToolEvaluation;
  ruleset: RoadmapRuleset;
  declaredRoles: StakeholderRole[];
  /** Candidate ids to keep; default: the best eligible ones. */
  selection?: string[];
}

const BLOCKING_ROLES: StakeholderRole[] = ["ciso_devsec", "risk_compliance"];

/** Moves the evaluation one stage forward if the funnel rules allow it. */
export function advanceEvaluation(input: AdvanceInput): FunnelOutcome {
  const stage = input.evaluation.stage;
  const next = EVALUATION_STAGES[EVALUATION_STAGES.indexOf(stage) + 1];
  if (next === undefined)
    return {
      ok: false,
      errors: [{ code: "STAGE_FINAL", message: "The evaluation is already decided." }],
      warnings: [],
    };
  if (next === "shortlist")
    return narrow(input, next, { max: input.ruleset.evaluation.shortlistMax, exact: false });
  if (next === "finalists")
    return narrow(input, next, { max: input.ruleset.evaluation.finalists, exact: true });
  if (next === "poc") return toPoc(input.evaluation);
  return toDecided(input);
}

function narrow(
  input: AdvanceInput,
  next: EvaluationStage,
  size: { max: number; exact: boolean },
): FunnelOutcome {
  const ev = input.evaluation;
  const r = input.ruleset.evaluation;
  // Eligibility is judged under the rules of the target stage (unscored knockouts fail from finalists on).
  const ranking = scoreEvaluation({ evaluation: { ...ev, stage: next }, ruleset: input.ruleset }).ranking;
  const eligible = ranking.filter(
    (c) => !c.knockedOut && (next !== "shortlist" || c.coverage >= r.shortlistMinCoverage),
  );
  const errors: FunnelError[] = [];
  for (const c of ranking.filter((x) => input.selection?.includes(x.candidateId) && !eligible.includes(x)))
    errors.push({
      code: "CANDIDATE_INELIGIBLE",
      message: `${c.candidateId} is not eligible: ${c.knockedOut ? c.knockoutReasons.join("; ") : `coverage ${c.coverage.toFixed(2)} < ${r.shortlistMinCoverage}`}.`,
    });
  const kept = input.selection
    ? eligible.filter((c) => input.selection!.includes(c.candidateId))
    : eligible.slice(0, size.max);
  if (kept.length > size.max)
    errors.push({
      code: "TOO_MANY_CANDIDATES",
      message: `${next} holds at most ${size.max} candidates, got ${kept.length}.`,
    });
  if (kept.length === 0 || (size.exact && kept.length !== size.max))
    errors.push({
      code: "TOO_FEW_CANDIDATES",
      message: `${next} needs ${size.exact ? "exactly" : "at least 1 and at most"} ${size.max} eligible candidates, got ${kept.length}.`,
    });
  const warnings: string[] = [];
  const second = eligible[1];
  const third = eligible[2];
  if (
    next === "finalists" &&
    second !== undefined &&
    third !== undefined &&
    second.weightedScore - third.weightedScore < r.finalistGapWarn
  )
    warnings.push(
      `#2 (${second.candidateId}, ${second.weightedScore.toFixed(1)}) leads #3 (${third.candidateId}, ${third.weightedScore.toFixed(1)}) by less than ${r.finalistGapWarn} points.`,
    );
  if (errors.length > 0) return { ok: false, errors, warnings };
  const keep = new Set(kept.map((c) => c.candidateId));
  const candidates = ev.candidates.map((c) =>
    c.eliminatedAtStage !== undefined || keep.has(c.id) ? c : { ...c, eliminatedAtStage: ev.stage },
  );
  return { ok: true, evaluation: { ...ev, stage: next, candidates }, warnings };
}

function toPoc(ev: ToolEvaluation): FunnelOutcome {
  const errors: FunnelError[] = [];
  if (ev.useCase.trim() === "")
    errors.push({ code: "USE_CASE_MISSING", message: "A PoC needs the real use case it is tested on." });
  if (ev.poc === undefined || ev.poc.successCriteria.length === 0)
    errors.push({
      code: "SUCCESS_CRITERIA_MISSING",
      message: "A PoC needs success criteria agreed up front.",
    });
  return errors.length > 0
    ? { ok: false, errors, warnings: [] }
    : { ok: true, evaluation: { ...ev, stage: "poc" }, warnings: [] };
}

function toDecided(input: AdvanceInput): FunnelOutcome {
  const ev = input.evaluation;
  const errors: FunnelError[] = [];
  const finalists = ev.candidates.filter((c) => c.eliminatedAtStage === undefined);
  for (const candidate of finalists) {
    for (const criterion of ev.criteria) {
      const cell = resolveCell({ evaluation: ev, candidate, criterion, ruleset: input.ruleset });
      if (cell.notApplicable) continue;
      if (criterion.weight === 3 && cell.evidenceKind !== "demo" && cell.evidenceKind !== "poc")
        errors.push({
          code: "HANDS_ON_EVIDENCE_MISSING",
          message: `${candidate.id}: ${criterion.id} (weight 3) needs demo or PoC evidence, has ${cell.evidenceKind ?? "none"}.`,
        });
      if (
        (criterion.id === "sw.seen_in_action" || criterion.id === "sw.support_responsiveness") &&
        cell.score === null
      )
        errors.push({
          code: "STEP5_UNSCORED",
          message: `${candidate.id}: ${criterion.id} must be scored before deciding.`,
        });
    }
  }
  const decision = ev.decision;
  if (decision === undefined)
    return {
      ok: false,
      errors: [
        ...errors,
        { code: "DECISION_MISSING", message: "Record the chosen candidate and rationale." },
      ],
      warnings: [],
    };
  if (!finalists.some((c) => c.id === decision.candidateId))
    errors.push({ code: "DECISION_NOT_FINALIST", message: `${decision.candidateId} is not a finalist.` });
  for (const role of new Set(input.declaredRoles))
    if (!decision.signOffs.some((s) => s.role === role))
      errors.push({ code: "SIGNOFF_MISSING", message: `${role} has not signed off.` });
  for (const s of decision.signOffs.filter(
    (x) => x.verdict === "object" && BLOCKING_ROLES.includes(x.role),
  )) {
    const override = decision.objectionOverrides?.find((o) => o.role === s.role && o.rationale.trim() !== "");
    if (override === undefined)
      errors.push({
        code: "SIGNOFF_OBJECTION",
        message: `${s.role} objects${s.note ? `: ${s.note}` : ""}; override with a rationale to proceed.`,
      });
  }
  return errors.length > 0
    ? { ok: false, errors, warnings: [] }
    : { ok: true, evaluation: { ...ev, stage: "decided" }, warnings: [] };
}
