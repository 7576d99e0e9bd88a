/**
 * Roadmap use cases: live facts, questionnaire revisions with pre-filled answers and discrepancies,
 * assessments (gather → pure `assessRoadmap` → store with the ruleset version and fact sources), the
 * comparison with the previous assessment, report exports and model cards.
 */
import {
  assessRoadmap,
  compareAssessments,
  renderRoadmapMarkdown,
  type ObservedFacts,
  type RoadmapQuestionnaire,
  type RoadmapRuleset,
  type ToolEvaluation,
} from "@sextant/core";
import { AppError, toNotFoundError } from "../app/app-error.js";
import type { AuditService } from "../auth/audit-service.js";
import type { Page, PageRequest } from "../registry/records.js";
import type { RoadmapAssessmentRecord } from "../storage/roadmap-store.js";
import type { Store } from "../storage/store.js";
import { deriveRootSources } from "./evidence-links.js";
import { gatherFacts, type GatheredFacts } from "./facts-gatherer.js";
import { buildModelCard } from "./model-card.js";
import { renderModelCardHtml, renderModelCardMarkdown, toHfReadme, toMctJson } from "./model-card-formats.js";
import { listAll } from "./platform-snapshot.js";
import {
  buildDefaultQuestionnaire,
  comparePrefilledAnswers,
  listDiscrepancies,
} from "./questionnaire-defaults.js";
import { renderRoadmapHtml } from "./roadmap-html.js";
import { createRoadmapId } from "./roadmap-ids.js";

/** The questionnaire as the API shows it. */
export interface QuestionnaireState {
  readonly questionnaire: RoadmapQuestionnaire;
  readonly revision: number;
  readonly savedAt: Date | null;
  readonly prefilled: ReturnType<typeof comparePrefilledAnswers>;
  readonly discrepancies: ReturnType<typeof listDiscrepancies>;
}

/** A rendered document. */
export interface RenderedDocument {
  readonly contentType: string;
  readonly body: string;
  readonly fileName: string;
}

/** The roadmap use cases. */
export interface RoadmapService {
  readonly ruleset: RoadmapRuleset;
  gather(): Promise<GatheredFacts>;
  loadQuestionnaire(): Promise<QuestionnaireState>;
  saveQuestionnaire(questionnaire: RoadmapQuestionnaire, savedBy: string): Promise<QuestionnaireState>;
  createAssessment(input: {
    readonly createdBy: string;
    readonly evaluationIds?: readonly string[] | undefined;
  }): Promise<RoadmapAssessmentRecord>;
  listAssessments(page: PageRequest): Promise<Page<RoadmapAssessmentRecord>>;
  loadAssessment(id: string): Promise<RoadmapAssessmentRecord>;
  compareWithPrevious(id: string): Promise<{
    currentId: string;
    previousId: string | null;
    delta: ReturnType<typeof compareAssessments> | null;
  }>;
  exportReport(id: string, format: "md" | "html" | "json"): Promise<RenderedDocument>;
  renderModelCard(
    modelId: string,
    format: "json" | "mct-json" | "hf-readme" | "md" | "html",
  ): Promise<RenderedDocument>;
}

/** Creates the roadmap service. */
export function createRoadmapService(options: {
  readonly store: Store;
  readonly audit: AuditService;
  readonly clock: () => Date;
  readonly ruleset: RoadmapRuleset;
  readonly deploymentMode: ObservedFacts["governance"]["deploymentMode"];
  /** Days raw events are kept (config retention.rawEventsDays); 0 or undefined = forever. */
  readonly rawEventsRetentionDays?: number;
}): RoadmapService {
  const { store, clock, ruleset } = options;
  const gather = () =>
    gatherFacts({
      store,
      audit: options.audit,
      at: clock(),
      ruleset,
      deploymentMode: options.deploymentMode,
      rawEventsRetentionDays: options.rawEventsRetentionDays,
    });
  const toState = async (facts: ObservedFacts): Promise<QuestionnaireState> => {
    const saved = await store.loadRoadmapQuestionnaire();
    const questionnaire = saved?.questionnaire ?? buildDefaultQuestionnaire(facts, clock());
    return {
      questionnaire,
      revision: saved?.revision ?? 0,
      savedAt: saved?.savedAt ?? null,
      prefilled: comparePrefilledAnswers(facts, questionnaire),
      discrepancies: listDiscrepancies(facts, questionnaire, ruleset),
    };
  };
  const loadAssessment = async (id: string) => {
    const record = await store.findRoadmapAssessment(id);
    if (record === undefined)
      throw new AppError("ROADMAP_ASSESSMENT_NOT_FOUND", `no roadmap assessment with id ${id}`);
    return record;
  };
  const loadEvaluations = async (ids: readonly string[] | undefined): Promise<ToolEvaluation[]> => {
    const all = (await listAll((p) => store.listToolEvaluations(p))).map((r) => r.evaluation);
    if (ids === undefined) return all;
    const missing = ids.filter((id) => !all.some((e) => e.id === id));
    if (missing.length > 0)
      throw new AppError("TOOL_EVALUATION_NOT_FOUND", `no tool evaluation with id ${missing.join(", ")}`);
    return all.filter((e) => ids.includes(e.id));
  };
  return {
    ruleset,
    gather,
    async loadQuestionnaire() {
      return toState((await gather()).facts);
    },
    async saveQuestionnaire(questionnaire, savedBy) {
      const previous = await store.loadRoadmapQuestionnaire();
      await store.saveRoadmapQuestionnaire({
        revision: (previous?.revision ?? 0) + 1,
        questionnaire,
        savedBy,
        savedAt: clock(),
      });
      return toState((await gather()).facts);
    },
    async createAssessment(input) {
      const saved = await store.loadRoadmapQuestionnaire();
      if (saved === undefined)
        throw new AppError(
          "ROADMAP_QUESTIONNAIRE_MISSING",
          "save the questionnaire (PUT /api/v1/roadmap/questionnaire) before the first assessment",
        );
      const evaluations = await loadEvaluations(input.evaluationIds);
      const gathered = await gather();
      const previous = (await store.listRoadmapAssessments({ limit: 1, offset: 0 })).items[0];
      const id = createRoadmapId("rma");
      const assessment = assessRoadmap({
        id,
        at: clock(),
        createdBy: input.createdBy,
        facts: gathered.facts,
        questionnaire: saved.questionnaire,
        ruleset,
        supplement: gathered.supplement,
        evaluations,
        ...(previous === undefined ? {} : { previous: previous.assessment }),
      });
      const record: RoadmapAssessmentRecord = {
        id,
        createdAt: new Date(assessment.createdAt),
        createdBy: input.createdBy,
        rulesetVersion: assessment.rulesetVersion,
        readinessLevel: assessment.readinessLevel,
        progressIndex: assessment.progressIndex,
        assessment,
        sources: { ...deriveRootSources(id), ...gathered.sources },
      };
      await store.insertRoadmapAssessment(record);
      return record;
    },
    listAssessments: (page) => store.listRoadmapAssessments(page),
    loadAssessment,
    async compareWithPrevious(id) {
      const current = await loadAssessment(id);
      const all = await listAll((p) => store.listRoadmapAssessments(p));
      const previous = all.find(
        (r) =>
          r.createdAt < current.createdAt ||
          (r.createdAt.getTime() === current.createdAt.getTime() && r.id < current.id),
      );
      return {
        currentId: id,
        previousId: previous?.id ?? null,
        delta: previous === undefined ? null : compareAssessments(previous.assessment, current.assessment),
      };
    },
    async exportReport(id, format) {
      const record = await loadAssessment(id);
      const evaluations = await loadEvaluations(record.assessment.evaluations.map((e) => e.id)).catch(
        () => [],
      );
      if (format === "md")
        return {
          contentType: "text/markdown; charset=utf-8",
          fileName: "report.md",
          body: renderRoadmapMarkdown(record.assessment, { evaluations }),
        };
      if (format === "html")
        return {
          contentType: "text/html; charset=utf-8",
          fileName: "report.html",
          body: renderRoadmapHtml(record.assessment, { sources: record.sources, evaluations }),
        };
      return {
        contentType: "application/json; charset=utf-8",
        fileName: "assessment.json",
        body: JSON.stringify({ assessment: record.assessment, sources: record.sources }, null, 2),
      };
    },
    async renderModelCard(modelId, format) {
      const model = await store.findModel(modelId);
      if (model === undefined) throw toNotFoundError("MODEL_NOT_FOUND", modelId);
      const card = buildModelCard({
        model,
        versions: await listAll((p) => store.listVersions({ ...p, modelId })),
        monitors: await listAll((p) => store.listMonitors({ ...p, modelId })),
        latestResults: (await store.listLatestMonitorResults()).filter((r) => r.modelId === modelId),
        at: clock(),
      });
      const json = (value: unknown, fileName: string) => ({
        contentType: "application/json; charset=utf-8",
        fileName,
        body: JSON.stringify(value, null, 2),
      });
      if (format === "json") return json(card, "model-card.json");
      if (format === "mct-json") return json(toMctJson(card), "model_card.json");
      if (format === "hf-readme")
        return { contentType: "text/markdown; charset=utf-8", fileName: "README.md", body: toHfReadme(card) };
      if (format === "md")
        return {
          contentType: "text/markdown; charset=utf-8",
          fileName: "model-card.md",
          body: renderModelCardMarkdown(card),
        };
      return {
        contentType: "text/html; charset=utf-8",
        fileName: "model-card.html",
        body: renderModelCardHtml(card),
      };
    },
  };
}
