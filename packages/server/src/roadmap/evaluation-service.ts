/**
 * Tool-evaluation use cases (ROADMAP.md §4.7): create with the default criteria and weights of the current
 * blueprint, edit, add candidates / criteria / scores / tickets / sign-offs, and advance through the funnel
 * with the pure `advanceEvaluation`; every response carries the current scoring.
 */
import {
  advanceEvaluation,
  applyWeightOverrides,
  assessRoadmap,
  buildDefaultCriteria,
  derivePortfolioSignals,
  ensureBuildInHouseCandidate,
  scoreEvaluation,
  type EvaluationScore,
  type ToolEvaluation,
} from "@sextant/core";
import type { z } from "zod";
import type {
  addEvaluationCandidateSchema,
  addEvaluationCriterionSchema,
  addEvaluationScoreSchema,
  addEvaluationSignOffSchema,
  addEvaluationTicketSchema,
  createToolEvaluationSchema,
  updateToolEvaluationSchema,
} from "@sextant/sdk";
import { AppError } from "../app/app-error.js";
import type { Page, PageRequest } from "../registry/records.js";
import type { Store } from "../storage/store.js";
import { buildDefaultQuestionnaire } from "./questionnaire-defaults.js";
import { createRoadmapId } from "./roadmap-ids.js";
import type { RoadmapService } from "./roadmap-service.js";

/** An evaluation with its scoring and the warnings of the last change. */
export interface ScoredEvaluation {
  readonly evaluation: ToolEvaluation;
  readonly score: EvaluationScore;
  readonly warnings: readonly string[];
}

type Body<S extends z.ZodType> = z.output<S>;

/** The evaluation use cases. */
export interface EvaluationService {
  create(input: Body<typeof createToolEvaluationSchema>, owner: string): Promise<ScoredEvaluation>;
  list(page: PageRequest): Promise<Page<ScoredEvaluation>>;
  load(id: string): Promise<ScoredEvaluation>;
  update(id: string, patch: Body<typeof updateToolEvaluationSchema>): Promise<ScoredEvaluation>;
  addCandidate(id: string, input: Body<typeof addEvaluationCandidateSchema>): Promise<ScoredEvaluation>;
  addCriterion(id: string, input: Body<typeof addEvaluationCriterionSchema>): Promise<ScoredEvaluation>;
  addScore(
    id: string,
    input: Body<typeof addEvaluationScoreSchema>,
    scoredBy: string,
  ): Promise<ScoredEvaluation>;
  addTicket(id: string, input: Body<typeof addEvaluationTicketSchema>): Promise<ScoredEvaluation>;
  addSignOff(id: string, input: Body<typeof addEvaluationSignOffSchema>): Promise<ScoredEvaluation>;
  advance(id: string, selection: readonly string[] | undefined): Promise<ScoredEvaluation>;
}

const invalid = (detail: string) => new AppError("TOOL_EVALUATION_INVALID", detail);

/** Creates the evaluation service. */
export function createEvaluationService(options: {
  readonly store: Store;
  readonly roadmap: RoadmapService;
  readonly clock: () => Date;
}): EvaluationService {
  const { store, roadmap, clock } = options;
  const ruleset = roadmap.ruleset;
  const questionnaireOf = async () => (await store.loadRoadmapQuestionnaire())?.questionnaire;
  const scored = async (
    evaluation: ToolEvaluation,
    warnings: readonly string[] = [],
  ): Promise<ScoredEvaluation> => {
    const questionnaire = await questionnaireOf();
    const score = scoreEvaluation({
      evaluation,
      ruleset,
      ...(questionnaire === undefined ? {} : { questionnaire }),
    });
    return { evaluation, score, warnings: [...warnings, ...score.warnings] };
  };
  const loadRaw = async (id: string) => {
    const record = await store.findToolEvaluation(id);
    if (record === undefined)
      throw new AppError("TOOL_EVALUATION_NOT_FOUND", `no tool evaluation with id ${id}`);
    return record.evaluation;
  };
  const change = async (id: string, edit: (e: ToolEvaluation) => ToolEvaluation) => {
    const next = edit(await loadRaw(id));
    await store.saveToolEvaluation({ evaluation: next, updatedAt: clock() });
    return scored(next);
  };
  const requireCandidate = (e: ToolEvaluation, candidateId: string) => {
    if (!e.candidates.some((c) => c.id === candidateId))
      throw invalid(`no candidate ${candidateId} in evaluation ${e.id}`);
  };
  return {
    async create(input, owner) {
      const gathered = await roadmap.gather();
      const questionnaire = (await questionnaireOf()) ?? buildDefaultQuestionnaire(gathered.facts, clock());
      const draft = assessRoadmap({
        id: "draft",
        at: clock(),
        createdBy: owner,
        facts: gathered.facts,
        questionnaire,
        ruleset,
        supplement: gathered.supplement,
      });
      const signals = derivePortfolioSignals(
        gathered.facts,
        questionnaire,
        ruleset.strategy.ownershipBlurredBelow,
      );
      const evaluation: ToolEvaluation = {
        id: createRoadmapId("rme"),
        title: input.title,
        createdAt: clock().toISOString(),
        owner: input.owner === "" ? owner : input.owner,
        useCase: input.useCase,
        stage: "longlist",
        criteria: buildDefaultCriteria({ questionnaire, blueprint: draft.blueprint, signals, ruleset }),
        candidates: ensureBuildInHouseCandidate(
          input.candidates.map((c) => ({
            id: createRoadmapId("cand"),
            name: c.name,
            kind: c.kind,
            ...(c.notes === undefined ? {} : { notes: c.notes }),
          })),
        ),
        scores: [],
      };
      await store.saveToolEvaluation({ evaluation, updatedAt: clock() });
      return scored(evaluation);
    },
    async list(page) {
      const records = await store.listToolEvaluations(page);
      return {
        items: await Promise.all(records.items.map((r) => scored(r.evaluation))),
        total: records.total,
      };
    },
    load: async (id) => scored(await loadRaw(id)),
    update: (id, patch) =>
      change(id, (e) => {
        const next: ToolEvaluation = { ...e };
        if (patch.title !== undefined) next.title = patch.title;
        if (patch.useCase !== undefined) next.useCase = patch.useCase;
        if (patch.owner !== undefined) next.owner = patch.owner;
        if (patch.poc !== undefined) next.poc = { ...patch.poc, supportTickets: e.poc?.supportTickets ?? [] };
        if (patch.weightOverrides !== undefined)
          next.criteria = applyWeightOverrides(e.criteria, patch.weightOverrides);
        if (patch.decision !== undefined) {
          requireCandidate(e, patch.decision.candidateId);
          next.decision = {
            candidateId: patch.decision.candidateId,
            rationale: patch.decision.rationale,
            decidedAt: clock().toISOString(),
            signOffs: e.decision?.signOffs ?? [],
            ...(patch.decision.objectionOverrides === undefined
              ? {}
              : { objectionOverrides: patch.decision.objectionOverrides }),
          };
        }
        return next;
      }),
    addCandidate: (id, input) =>
      change(id, (e) => ({
        ...e,
        candidates: [
          ...e.candidates,
          {
            id: createRoadmapId("cand"),
            name: input.name,
            kind: input.kind,
            ...(input.notes === undefined ? {} : { notes: input.notes }),
            ...(input.buildEstimate === undefined ? {} : { buildEstimate: input.buildEstimate }),
          },
        ],
      })),
    addCriterion: (id, input) =>
      change(id, (e) => {
        if (e.criteria.some((c) => c.id === input.id)) throw invalid(`criterion ${input.id} exists`);
        const { mapsTo, knockout, ...rest } = input;
        return {
          ...e,
          criteria: [
            ...e.criteria,
            {
              ...rest,
              source: "custom",
              ...(mapsTo === undefined ? {} : { mapsTo }),
              ...(knockout === undefined ? {} : { knockout }),
            },
          ],
        };
      }),
    addScore: (id, input, scoredBy) =>
      change(id, (e) => {
        requireCandidate(e, input.candidateId);
        if (!e.criteria.some((c) => c.id === input.criterionId))
          throw invalid(`no criterion ${input.criterionId}`);
        const { evidenceUrl, note, ...rest } = input;
        return {
          ...e,
          scores: [
            ...e.scores,
            {
              ...rest,
              ...(evidenceUrl === undefined ? {} : { evidenceUrl }),
              ...(note === undefined ? {} : { note }),
              scoredBy,
              scoredAt: clock().toISOString(),
            },
          ],
        };
      }),
    addTicket: (id, input) =>
      change(id, (e) => {
        requireCandidate(e, input.candidateId);
        if (e.poc === undefined) throw invalid("set the PoC (PATCH poc) before recording support tickets");
        const { firstResponseAt, resolvedAt, ...rest } = input;
        const ticket = {
          ...rest,
          ...(firstResponseAt === undefined ? {} : { firstResponseAt }),
          ...(resolvedAt === undefined ? {} : { resolvedAt }),
        };
        return { ...e, poc: { ...e.poc, supportTickets: [...e.poc.supportTickets, ticket] } };
      }),
    addSignOff: (id, input) =>
      change(id, (e) => {
        if (e.decision === undefined) throw invalid("record the decision (PATCH decision) before sign-offs");
        const signOff = {
          role: input.role,
          verdict: input.verdict,
          ...(input.note === undefined ? {} : { note: input.note }),
        };
        return {
          ...e,
          decision: {
            ...e.decision,
            signOffs: [...e.decision.signOffs.filter((s) => s.role !== input.role), signOff],
          },
        };
      }),
    async advance(id, selection) {
      const evaluation = await loadRaw(id);
      const declaredRoles = ((await questionnaireOf())?.stakeholders ?? []).map((s) => s.role);
      const outcome = advanceEvaluation({
        evaluation,
        ruleset,
        declaredRoles,
        ...(selection === undefined ? {} : { selection: [...selection] }),
      });
      if (!outcome.ok)
        throw new AppError("EVALUATION_FUNNEL_REFUSED", outcome.errors.map((x) => x.message).join(" "), {
          errors: outcome.errors.map((x) => ({ path: "/body", code: x.code, message: x.message })),
        });
      await store.saveToolEvaluation({ evaluation: outcome.evaluation, updatedAt: clock() });
      return scored(outcome.evaluation, outcome.warnings);
    },
  };
}
