/**
 * Wire schemas of the roadmap & maturity module (ROADMAP.md §3.2, §4.7, §5, §6): the questionnaire, facts
 * with their sources, assessments, tool evaluations and their sub-resources, model-card formats.
 */
import { z } from "zod";
import { idSchema, isoDateTimeSchema, toPageSchema } from "./common.js";

const role = z.enum([
  "data_scientist",
  "ml_engineer",
  "business_ops",
  "ciso_devsec",
  "risk_compliance",
  "finance",
  "executive",
]);
const component = z.enum([
  "model_registry_ownership",
  "performance_monitoring",
  "drift_monitoring",
  "data_quality_monitoring",
  "bias_monitoring",
  "alerting_incidents",
  "reporting",
  "documentation_audit",
  "experiment_tracking",
  "hyperparameter_tuning",
  "deployment",
  "retraining_automation",
  "explainability",
]);
const mode = z.enum(["batch", "realtime", "streaming"]);
const dataType = z.enum(["tabular", "text", "image", "audio", "time_series", "embeddings"]);
const count = z.number().int().min(0).max(1_000_000);
const text = z.string().max(2000);

/** The roadmap questionnaire (§3.2), version 1. */
export const roadmapQuestionnaireSchema = z
  .object({
    version: z.literal(1),
    answeredBy: text,
    answeredAt: isoDateTimeSchema,
    org: z
      .object({
        productTeamsUsingMl: count,
        hasCentralMlPlatformTeam: z.boolean(),
        centralTeamSize: count.optional(),
        productionOwnershipToday: z.enum([
          "data_science",
          "ml_engineering",
          "product_team",
          "central_platform",
          "unclear",
        ]),
        preferredStrategy: z.enum(["centralized", "decentralized", "hybrid"]).optional(),
        appCodeHasCi: z.boolean(),
        trainingOrchestrated: z.boolean(),
      })
      .strict(),
    needs: z
      .object({
        dataScientists: z.object({ now: count, in12Months: count }).strict(),
        mlEngineers: z.object({ now: count, in12Months: count }).strict(),
        modelsInProduction: z.object({ now: count, in12Months: count }).strict(),
        newModelsPerQuarter: count,
        integration: z.enum(["internal_analysis", "decision_support", "core_product"]),
        inferenceModes: z.array(mode).max(3),
        dataTypes: z.array(dataType).max(6),
        groundTruthLatency: z.enum(["immediate", "hours", "days", "weeks", "never"]),
        retrainingTrigger: z.enum(["ad_hoc", "scheduled", "event_based"]),
      })
      .strict(),
    constraints: z
      .object({
        dataResidency: z.enum(["any", "own_cloud_account", "on_premises_only", "air_gapped"]),
        euExposure: z.boolean(),
        aiActRole: z.enum(["provider", "deployer", "both", "none"]),
        regulatedUseCases: z
          .array(
            z.enum([
              "credit",
              "insurance",
              "employment",
              "education",
              "health",
              "critical_infrastructure",
              "law_enforcement",
              "biometrics",
              "essential_services",
              "other",
            ]),
          )
          .max(10),
        otherRegimes: z.array(z.string().max(100)).max(50),
        buildVsBuyLean: z.enum(["build", "buy", "open_source_first", "undecided"]),
      })
      .strict(),
    stakeholders: z
      .array(
        z
          .object({
            role,
            name: z.string().max(200).optional(),
            contact: z.string().max(200).optional(),
            successMetric: z.string().min(1).max(500),
            metricKey: z.string().max(100).optional(),
          })
          .strict(),
      )
      .max(100),
    priorities: z
      .array(z.object({ component, rank: z.number().int().min(1).max(100) }).strict())
      .max(13)
      .optional(),
    existingTools: z
      .array(z.object({ component, tool: z.string().min(1).max(200), satisfied: z.boolean() }).strict())
      .max(100),
  })
  .strict()
  .meta({ id: "RoadmapQuestionnaire" });

/** Where a fact came from. */
export const factSourceSchema = z
  .object({
    basis: z.string(),
    links: z.array(z.string()).describe("API/UI routes showing the rows behind the fact"),
    observed: z.boolean(),
  })
  .meta({ id: "RoadmapFactSource" });

/** Live facts with their sources. */
export const roadmapFactsSchema = z
  .object({
    facts: z.record(z.string(), z.unknown()).describe("ObservedFacts (ROADMAP.md §3.1)"),
    supplement: z.record(z.string(), z.unknown()).describe("FactsSupplement: extra facts the rules use"),
    sources: z.record(z.string(), factSourceSchema).describe("fact path → source"),
  })
  .meta({ id: "RoadmapFacts" });

/** The questionnaire with pre-filled answers and discrepancies. */
export const roadmapQuestionnaireStateSchema = z
  .object({
    questionnaire: roadmapQuestionnaireSchema,
    revision: z.number().int().describe("0 when nothing is saved yet (the answers are defaults)"),
    savedAt: isoDateTimeSchema.nullable(),
    prefilled: z.record(
      z.string(),
      z.object({ observed: z.unknown(), answer: z.unknown(), differs: z.boolean(), fact: z.string() }),
    ),
    discrepancies: z.array(
      z.object({
        id: z.string(),
        declared: z.unknown(),
        observed: z.unknown(),
        text: z.string(),
        nextStepId: z.string(),
      }),
    ),
  })
  .meta({ id: "RoadmapQuestionnaireState" });

/** Body of `POST /roadmap/assessments`. */
export const createRoadmapAssessmentSchema = z
  .object({
    evaluationIds: z
      .array(idSchema)
      .max(50)
      .optional()
      .describe("tool evaluations to include (default: all)"),
  })
  .strict();

/** A stored assessment: the full §5 object and the sources of its facts. */
export const roadmapAssessmentResponseSchema = z
  .object({
    assessment: z.record(z.string(), z.unknown()).describe("RoadmapAssessment (ROADMAP.md §5)"),
    sources: z.record(z.string(), factSourceSchema),
  })
  .meta({ id: "RoadmapAssessmentResponse" });

/** One row of the assessment history. */
export const roadmapAssessmentSummarySchema = z
  .object({
    id: idSchema,
    createdAt: isoDateTimeSchema,
    createdBy: z.string(),
    rulesetVersion: z.string(),
    readinessLevel: z.number().int(),
    progressIndex: z.number().int(),
    phaseLabel: z.string(),
    strategy: z.string(),
  })
  .meta({ id: "RoadmapAssessmentSummary" });

/** The assessment history, newest first. */
export const roadmapAssessmentPageSchema = toPageSchema(roadmapAssessmentSummarySchema);

/** Change of an assessment since the one before it. */
export const roadmapComparisonSchema = z
  .object({
    currentId: idSchema,
    previousId: idSchema.nullable(),
    delta: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("AssessmentDelta, null for the first assessment"),
  })
  .meta({ id: "RoadmapComparison" });

const stage = z.enum(["longlist", "shortlist", "finalists", "poc", "decided"]);
const weight = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const evidenceKind = z.enum([
  "docs",
  "demo",
  "poc",
  "reference_customer",
  "support_log",
  "pricing_page",
  "roadmap_session",
]);

/** Body of `POST /roadmap/evaluations`. */
export const createToolEvaluationSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    useCase: z.string().max(2000).default(""),
    owner: z.string().max(200).default(""),
    candidates: z
      .array(
        z
          .object({
            name: z.string().min(1).max(200),
            kind: z.enum(["buy_saas", "buy_self_hosted", "open_source", "build_in_house"]),
            notes: z.string().max(2000).optional(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();

/** Body of `PATCH /roadmap/evaluations/:id`. */
export const updateToolEvaluationSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    useCase: z.string().max(2000).optional(),
    owner: z.string().max(200).optional(),
    poc: z
      .object({
        startedAt: isoDateTimeSchema,
        endsAt: isoDateTimeSchema,
        successCriteria: z.array(z.string().min(1).max(500)).max(50),
      })
      .strict()
      .optional(),
    decision: z
      .object({
        candidateId: z.string().min(1).max(100),
        rationale: z.string().max(5000),
        objectionOverrides: z
          .array(z.object({ role, rationale: z.string().min(1).max(2000) }).strict())
          .max(10)
          .optional(),
      })
      .strict()
      .optional(),
    weightOverrides: z
      .record(z.string(), weight)
      .optional()
      .describe("criterion id → weight; marks the criterion overridden"),
  })
  .strict();

/** Body of `POST /roadmap/evaluations/:id/candidates`. */
export const addEvaluationCandidateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(["buy_saas", "buy_self_hosted", "open_source", "build_in_house"]),
    notes: z.string().max(2000).optional(),
    buildEstimate: z
      .object({ fteMonths: z.number().min(0), costPerFteMonth: z.number().min(0) })
      .strict()
      .optional(),
  })
  .strict();

/** Body of `POST /roadmap/evaluations/:id/criteria` (a custom criterion). */
export const addEvaluationCriterionSchema = z
  .object({
    id: z.string().regex(/^custom\.[a-z0-9_]{1,60}$/, "custom.<snake_case>"),
    label: z.string().min(1).max(300),
    group: z.enum(["capability", "monitoring", "operations", "vendor", "security", "stakeholder"]),
    mapsTo: component.optional(),
    weight,
    knockout: z
      .object({ minScore: z.number().int().min(0).max(5), reason: z.string().min(1).max(500) })
      .strict()
      .optional(),
  })
  .strict();

/** Body of `POST /roadmap/evaluations/:id/scores`. */
export const addEvaluationScoreSchema = z
  .object({
    candidateId: z.string().min(1).max(100),
    criterionId: z.string().min(1).max(100),
    score: z.union([
      z.literal(0),
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal(5),
      z.null(),
    ]),
    evidenceKind,
    evidenceUrl: z.string().max(2000).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();

/** Body of `POST /roadmap/evaluations/:id/tickets` (a PoC support ticket). */
export const addEvaluationTicketSchema = z
  .object({
    candidateId: z.string().min(1).max(100),
    openedAt: isoDateTimeSchema,
    firstResponseAt: isoDateTimeSchema.optional(),
    resolvedAt: isoDateTimeSchema.optional(),
    severity: z.enum(["low", "high"]),
  })
  .strict();

/** Body of `POST /roadmap/evaluations/:id/signoffs`. */
export const addEvaluationSignOffSchema = z
  .object({ role, verdict: z.enum(["approve", "object", "abstain"]), note: z.string().max(2000).optional() })
  .strict();

/** Body of `POST /roadmap/evaluations/:id/advance`. */
export const advanceToolEvaluationSchema = z
  .object({
    selection: z
      .array(z.string().min(1).max(100))
      .max(50)
      .optional()
      .describe("candidate ids to keep; default: the best eligible"),
  })
  .strict();

/** A tool evaluation with its current scoring. */
export const toolEvaluationResponseSchema = z
  .object({
    evaluation: z.record(z.string(), z.unknown()).describe("ToolEvaluation (ROADMAP.md §4.7)"),
    score: z.record(z.string(), z.unknown()).describe("ranking, coverage, knockouts and warnings"),
    stage,
    warnings: z.array(z.string()),
  })
  .meta({ id: "ToolEvaluationResponse" });

/** The evaluation list. */
export const toolEvaluationPageSchema = toPageSchema(toolEvaluationResponseSchema);

/** Query of `GET /models/:id/card`. */
export const modelCardQuerySchema = z.object({
  format: z
    .enum(["json", "mct-json", "hf-readme", "md", "html"])
    .default("json")
    .describe("json = Sextant card; mct-json = Model Card Toolkit v0.0.2"),
});
