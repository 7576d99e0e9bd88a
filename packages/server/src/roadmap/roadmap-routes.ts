/** Thin REST routes of the roadmap module: parse, call the roadmap/evaluation services, map to wire types. */
import type { RoadmapQuestionnaire } from "@sextant/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { defineRoute } from "../routes/define-route.js";
import type { RoadmapAssessmentRecord } from "../storage/roadmap-store.js";
import type { ComplianceService } from "./compliance-service.js";
import type { EvaluationService, ScoredEvaluation } from "./evaluation-service.js";
import type { QuestionnaireState, RenderedDocument, RoadmapService } from "./roadmap-service.js";

/** The wire questionnaire as the core type (drops keys zod left as undefined). */
function questionnaireFromWire(body: unknown): RoadmapQuestionnaire {
  return JSON.parse(JSON.stringify(body)) as RoadmapQuestionnaire;
}

function toQuestionnaireResponse(state: QuestionnaireState) {
  return { ...state, savedAt: state.savedAt?.toISOString() ?? null };
}

function toAssessmentResponse(record: RoadmapAssessmentRecord) {
  return { assessment: record.assessment, sources: record.sources };
}

function toAssessmentSummary(record: RoadmapAssessmentRecord) {
  return {
    id: record.id,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    rulesetVersion: record.rulesetVersion,
    readinessLevel: record.readinessLevel,
    progressIndex: record.progressIndex,
    phaseLabel: record.assessment.phaseLabel,
    strategy: record.assessment.strategy.strategy,
  };
}

function toEvaluationResponse(s: ScoredEvaluation) {
  return { evaluation: s.evaluation, score: s.score, stage: s.evaluation.stage, warnings: [...s.warnings] };
}

function sendDocument(
  reply: FastifyReply,
  doc: RenderedDocument,
  disposition: "inline" | "attachment" = "inline",
): string {
  void reply
    .type(doc.contentType)
    .header("content-disposition", `${disposition}; filename="${doc.fileName}"`);
  return doc.body;
}

function actorName(request: FastifyRequest): string {
  return request.principal?.name ?? "anonymous";
}

/** Registers the roadmap routes. */
export function registerRoadmapRoutes(
  app: FastifyInstance,
  deps: {
    readonly roadmap: RoadmapService;
    readonly evaluations: EvaluationService;
    readonly compliance: ComplianceService;
  },
): void {
  const { roadmap, evaluations, compliance } = deps;
  defineRoute(app, "getRoadmapFacts", async () => {
    const g = await roadmap.gather();
    return { facts: g.facts, supplement: g.supplement, sources: g.sources };
  });
  defineRoute(app, "getRoadmapQuestionnaire", async () =>
    toQuestionnaireResponse(await roadmap.loadQuestionnaire()),
  );
  defineRoute(app, "putRoadmapQuestionnaire", async ({ body }, request) =>
    toQuestionnaireResponse(await roadmap.saveQuestionnaire(questionnaireFromWire(body), actorName(request))),
  );
  defineRoute(app, "createRoadmapAssessment", async ({ body }, request) =>
    toAssessmentResponse(
      await roadmap.createAssessment({ createdBy: actorName(request), evaluationIds: body.evaluationIds }),
    ),
  );
  defineRoute(app, "listRoadmapAssessments", async ({ query }) => {
    const page = await roadmap.listAssessments(query);
    return {
      items: page.items.map(toAssessmentSummary),
      page: { limit: query.limit, offset: query.offset, total: page.total },
    };
  });
  defineRoute(app, "getRoadmapAssessment", async ({ params }) =>
    toAssessmentResponse(await roadmap.loadAssessment(params.id)),
  );
  defineRoute(app, "compareRoadmapAssessment", async ({ params }) => roadmap.compareWithPrevious(params.id));
  defineRoute(app, "exportRoadmapMarkdown", async ({ params }, _r, reply) =>
    sendDocument(reply, await roadmap.exportReport(params.id, "md")),
  );
  defineRoute(app, "exportRoadmapHtml", async ({ params }, _r, reply) =>
    sendDocument(reply, await roadmap.exportReport(params.id, "html")),
  );
  defineRoute(app, "exportRoadmapJson", async ({ params }, _r, reply) =>
    sendDocument(reply, await roadmap.exportReport(params.id, "json")),
  );

  defineRoute(app, "listToolEvaluations", async ({ query }) => {
    const page = await evaluations.list(query);
    return {
      items: page.items.map(toEvaluationResponse),
      page: { limit: query.limit, offset: query.offset, total: page.total },
    };
  });
  defineRoute(app, "createToolEvaluation", async ({ body }, request) =>
    toEvaluationResponse(await evaluations.create(body, actorName(request))),
  );
  defineRoute(app, "getToolEvaluation", async ({ params }) =>
    toEvaluationResponse(await evaluations.load(params.id)),
  );
  defineRoute(app, "updateToolEvaluation", async ({ params, body }) =>
    toEvaluationResponse(await evaluations.update(params.id, body)),
  );
  defineRoute(app, "addEvaluationCandidate", async ({ params, body }) =>
    toEvaluationResponse(await evaluations.addCandidate(params.id, body)),
  );
  defineRoute(app, "addEvaluationCriterion", async ({ params, body }) =>
    toEvaluationResponse(await evaluations.addCriterion(params.id, body)),
  );
  defineRoute(app, "addEvaluationScore", async ({ params, body }, request) =>
    toEvaluationResponse(await evaluations.addScore(params.id, body, actorName(request))),
  );
  defineRoute(app, "addEvaluationTicket", async ({ params, body }) =>
    toEvaluationResponse(await evaluations.addTicket(params.id, body)),
  );
  defineRoute(app, "addEvaluationSignOff", async ({ params, body }) =>
    toEvaluationResponse(await evaluations.addSignOff(params.id, body)),
  );
  defineRoute(app, "advanceToolEvaluation", async ({ params, body }) =>
    toEvaluationResponse(await evaluations.advance(params.id, body.selection)),
  );
  defineRoute(app, "getModelCard", async ({ params, query }, _r, reply) =>
    sendDocument(reply, await roadmap.renderModelCard(params.id, query.format)),
  );
  defineRoute(app, "exportToolEvaluationCsv", async ({ params }, _r, reply) =>
    sendDocument(reply, await compliance.exportEvaluationCsv(params.id), "attachment"),
  );
  defineRoute(app, "exportPmmPlan", async ({ params }, _r, reply) =>
    sendDocument(reply, await compliance.exportPmmPlan(params.modelId)),
  );
  defineRoute(app, "exportAnnexIv", async ({ params }, _r, reply) =>
    sendDocument(reply, await compliance.exportAnnexIv(params.modelId)),
  );
  defineRoute(app, "exportIncidentLog", async (_i, _r, reply) =>
    sendDocument(reply, await compliance.exportIncidentLog(), "attachment"),
  );
  defineRoute(app, "exportInventory", async (_i, _r, reply) =>
    sendDocument(reply, await compliance.exportInventory(), "attachment"),
  );
  defineRoute(app, "exportAuditLog", async (_i, _r, reply) =>
    sendDocument(reply, await compliance.exportAuditLog(), "attachment"),
  );
}
