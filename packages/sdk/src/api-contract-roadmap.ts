/**
 * The roadmap operations of `/api/v1` (ROADMAP.md §6): live facts, the questionnaire, assessments with
 * their comparison and exports, tool evaluations with the funnel, and model cards; merged into
 * `apiContract` by a spread in api-contract.ts.
 */
import type { z } from "zod";
import type { Operation } from "./operation.js";
import type { ErrorCode } from "./error-codes.js";
import { idParamsSchema, pageQuerySchema } from "./schemas/common.js";
import { modelParamsSchema } from "./schemas/version.js";
import {
  addEvaluationCandidateSchema,
  addEvaluationCriterionSchema,
  addEvaluationScoreSchema,
  addEvaluationSignOffSchema,
  addEvaluationTicketSchema,
  advanceToolEvaluationSchema,
  createRoadmapAssessmentSchema,
  createToolEvaluationSchema,
  modelCardQuerySchema,
  roadmapAssessmentPageSchema,
  roadmapAssessmentResponseSchema,
  roadmapComparisonSchema,
  roadmapFactsSchema,
  roadmapQuestionnaireSchema,
  roadmapQuestionnaireStateSchema,
  toolEvaluationPageSchema,
  toolEvaluationResponseSchema,
  updateToolEvaluationSchema,
} from "./schemas/roadmap.js";

const invalid = (...codes: ErrorCode[]): ErrorCode[] => ["VALIDATION_FAILED", ...codes];
const evaluationErrors = invalid("TOOL_EVALUATION_NOT_FOUND", "TOOL_EVALUATION_INVALID");

function exportOperation(format: "md" | "html" | "json") {
  return {
    method: "GET" as const,
    path: `/roadmap/assessments/:id/report.${format}`,
    summary: `Export an assessment as ${format === "md" ? "Markdown" : format === "html" ? "self-contained HTML" : "JSON"}`,
    tag: "roadmap",
    params: idParamsSchema,
    successStatus: 200 as const,
    responseMediaTypes: [
      format === "md" ? "text/markdown" : format === "html" ? "text/html" : "application/json",
    ],
    errors: invalid("ROADMAP_ASSESSMENT_NOT_FOUND"),
  };
}

function complianceModelExport(path: string, summary: string) {
  return {
    method: "GET" as const,
    path: `/compliance/${path}/:modelId`,
    summary,
    tag: "compliance",
    params: modelParamsSchema,
    successStatus: 200 as const,
    responseMediaTypes: ["text/markdown"],
    errors: invalid("MODEL_NOT_FOUND"),
  };
}

function complianceLogExport(file: string, mediaType: string, summary: string) {
  return {
    method: "GET" as const,
    path: `/compliance/${file}`,
    summary,
    tag: "compliance",
    successStatus: 200 as const,
    responseMediaTypes: [mediaType],
    errors: [],
  };
}

function evaluationPart<B extends z.ZodType>(part: string, body: B, summary: string) {
  return {
    method: "POST" as const,
    path: `/roadmap/evaluations/:id/${part}`,
    summary,
    tag: "roadmap",
    params: idParamsSchema,
    body,
    successStatus: 200 as const,
    response: toolEvaluationResponseSchema,
    errors: evaluationErrors,
  };
}

/** Roadmap operations, keyed by operation id. */
export const roadmapContract = {
  getRoadmapFacts: {
    method: "GET",
    path: "/roadmap/facts",
    summary: "Live observed facts with the source of each",
    tag: "roadmap",
    successStatus: 200,
    response: roadmapFactsSchema,
    errors: [],
  },
  getRoadmapQuestionnaire: {
    method: "GET",
    path: "/roadmap/questionnaire",
    summary: "The questionnaire with answers pre-filled from facts and discrepancies flagged",
    tag: "roadmap",
    successStatus: 200,
    response: roadmapQuestionnaireStateSchema,
    errors: [],
  },
  putRoadmapQuestionnaire: {
    method: "PUT",
    path: "/roadmap/questionnaire",
    summary: "Save a new questionnaire revision",
    tag: "roadmap",
    body: roadmapQuestionnaireSchema,
    successStatus: 200,
    response: roadmapQuestionnaireStateSchema,
    errors: invalid(),
  },
  createRoadmapAssessment: {
    method: "POST",
    path: "/roadmap/assessments",
    summary: "Snapshot the facts and score an assessment with the current ruleset",
    tag: "roadmap",
    body: createRoadmapAssessmentSchema,
    successStatus: 201,
    response: roadmapAssessmentResponseSchema,
    errors: invalid("ROADMAP_QUESTIONNAIRE_MISSING", "TOOL_EVALUATION_NOT_FOUND"),
  },
  listRoadmapAssessments: {
    method: "GET",
    path: "/roadmap/assessments",
    summary: "Assessment history, newest first",
    tag: "roadmap",
    query: pageQuerySchema,
    successStatus: 200,
    response: roadmapAssessmentPageSchema,
    errors: invalid(),
  },
  getRoadmapAssessment: {
    method: "GET",
    path: "/roadmap/assessments/:id",
    summary: "Get an assessment with the sources of its facts",
    tag: "roadmap",
    params: idParamsSchema,
    successStatus: 200,
    response: roadmapAssessmentResponseSchema,
    errors: invalid("ROADMAP_ASSESSMENT_NOT_FOUND"),
  },
  compareRoadmapAssessment: {
    method: "GET",
    path: "/roadmap/assessments/:id/comparison",
    summary: "Change of an assessment since the previous one",
    tag: "roadmap",
    params: idParamsSchema,
    successStatus: 200,
    response: roadmapComparisonSchema,
    errors: invalid("ROADMAP_ASSESSMENT_NOT_FOUND"),
  },
  exportRoadmapMarkdown: exportOperation("md"),
  exportRoadmapHtml: exportOperation("html"),
  exportRoadmapJson: exportOperation("json"),
  listToolEvaluations: {
    method: "GET",
    path: "/roadmap/evaluations",
    summary: "List tool evaluations with their scoring",
    tag: "roadmap",
    query: pageQuerySchema,
    successStatus: 200,
    response: toolEvaluationPageSchema,
    errors: invalid(),
  },
  createToolEvaluation: {
    method: "POST",
    path: "/roadmap/evaluations",
    summary: "Start a tool evaluation with the default criteria and weights",
    tag: "roadmap",
    body: createToolEvaluationSchema,
    successStatus: 201,
    response: toolEvaluationResponseSchema,
    errors: invalid(),
  },
  getToolEvaluation: {
    method: "GET",
    path: "/roadmap/evaluations/:id",
    summary: "Get a tool evaluation with its scoring",
    tag: "roadmap",
    params: idParamsSchema,
    successStatus: 200,
    response: toolEvaluationResponseSchema,
    errors: invalid("TOOL_EVALUATION_NOT_FOUND"),
  },
  updateToolEvaluation: {
    method: "PATCH",
    path: "/roadmap/evaluations/:id",
    summary: "Edit title, use case, PoC, decision or weights",
    tag: "roadmap",
    params: idParamsSchema,
    body: updateToolEvaluationSchema,
    successStatus: 200,
    response: toolEvaluationResponseSchema,
    errors: evaluationErrors,
  },
  addEvaluationCandidate: evaluationPart("candidates", addEvaluationCandidateSchema, "Add a candidate"),
  addEvaluationCriterion: evaluationPart("criteria", addEvaluationCriterionSchema, "Add a custom criterion"),
  addEvaluationScore: evaluationPart("scores", addEvaluationScoreSchema, "Score a candidate on a criterion"),
  addEvaluationTicket: evaluationPart("tickets", addEvaluationTicketSchema, "Record a PoC support ticket"),
  addEvaluationSignOff: evaluationPart(
    "signoffs",
    addEvaluationSignOffSchema,
    "Record a stakeholder sign-off",
  ),
  advanceToolEvaluation: {
    ...evaluationPart(
      "advance",
      advanceToolEvaluationSchema,
      "Move to the next funnel stage (validates the funnel rules)",
    ),
    errors: invalid("TOOL_EVALUATION_NOT_FOUND", "TOOL_EVALUATION_INVALID", "EVALUATION_FUNNEL_REFUSED"),
  },
  exportToolEvaluationCsv: {
    method: "GET",
    path: "/roadmap/evaluations/:id/export.csv",
    summary: "The score matrix of a tool evaluation as CSV (evaluation-<id>.csv)",
    tag: "roadmap",
    params: idParamsSchema,
    successStatus: 200,
    responseMediaTypes: ["text/csv"],
    errors: invalid("TOOL_EVALUATION_NOT_FOUND"),
  },
  exportPmmPlan: complianceModelExport(
    "pmm-plan",
    "Post-market monitoring plan of a model (pmm-plan.md, EU AI Act Art. 72), pre-filled",
  ),
  exportAnnexIv: complianceModelExport(
    "annex-iv",
    "Technical-documentation skeleton of a model (annex-iv-skeleton.md, EU AI Act Annex IV), pre-filled",
  ),
  exportIncidentLog: complianceLogExport("incident-log.csv", "text/csv", "Every incident as CSV"),
  exportInventory: complianceLogExport(
    "inventory.csv",
    "text/csv",
    "The model inventory (owners, risk tier, live version, monitors) as CSV",
  ),
  exportAuditLog: complianceLogExport(
    "audit-log.jsonl",
    "application/x-ndjson",
    "The whole audit log as JSON Lines in hash-chain order (re-verifiable outside Sextant)",
  ),
  getModelCard: {
    method: "GET",
    path: "/models/:id/card",
    summary: "The model card as JSON, Model Card Toolkit JSON, Hugging Face README, Markdown or HTML",
    tag: "roadmap",
    params: idParamsSchema,
    query: modelCardQuerySchema,
    successStatus: 200,
    responseMediaTypes: ["application/json", "text/markdown", "text/html"],
    errors: invalid("MODEL_NOT_FOUND"),
  },
} as const satisfies Record<string, Operation>;
