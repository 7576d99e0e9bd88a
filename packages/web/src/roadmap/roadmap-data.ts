/**
 * Loads what the roadmap page shows: the questionnaire with its pre-filled answers, the selected (or
 * latest) assessment with its fact sources, the assessment history and the tool evaluations.
 */
import type { RoadmapAssessment, RoadmapQuestionnaire, ToolEvaluation } from "@sextant/core";
import type { SextantClient } from "@sextant/sdk";
import type { FactSources } from "./evidence-sources.js";

/** One pre-filled answer next to what the facts observe. */
export interface PrefilledAnswer {
  readonly observed: unknown;
  readonly answer: unknown;
  readonly differs: boolean;
  readonly fact: string;
}

/** The questionnaire as the API shows it. */
export interface QuestionnaireView {
  readonly questionnaire: RoadmapQuestionnaire;
  readonly revision: number;
  readonly savedAt: string | null;
  readonly prefilled: Readonly<Record<string, PrefilledAnswer>>;
  readonly discrepancies: readonly { id: string; text: string }[];
}

/** One row of the assessment history. */
export interface AssessmentSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly rulesetVersion: string;
  readonly readinessLevel: number;
  readonly progressIndex: number;
  readonly phaseLabel: string;
  readonly strategy: string;
}

/** A scored tool evaluation. */
export interface EvaluationView {
  readonly evaluation: ToolEvaluation;
  readonly score: {
    readonly ranking: readonly {
      candidateId: string;
      weightedScore: number;
      coverage: number;
      handsOnConfidence: number;
      knockedOut: boolean;
      knockoutReasons?: string[];
    }[];
  };
  readonly warnings: readonly string[];
}

/** Everything the page shows. */
export interface RoadmapView {
  readonly questionnaire: QuestionnaireView;
  readonly assessment: RoadmapAssessment | null;
  readonly sources: FactSources;
  readonly history: readonly AssessmentSummary[];
  readonly evaluations: readonly EvaluationView[];
}

/** Loads the page data; `assessmentId` picks one assessment of the history (default: the latest). */
export async function loadRoadmapView(
  client: SextantClient,
  assessmentId: string | undefined,
): Promise<RoadmapView> {
  const [questionnaire, history, evaluations] = await Promise.all([
    client.call("getRoadmapQuestionnaire", {}),
    client.call("listRoadmapAssessments", { query: { limit: 200 } }),
    client.call("listToolEvaluations", { query: { limit: 50 } }),
  ]);
  const id = assessmentId ?? history.items[0]?.id;
  const loaded = id === undefined ? null : await client.call("getRoadmapAssessment", { params: { id } });
  return {
    questionnaire: questionnaire as unknown as QuestionnaireView,
    assessment: (loaded?.assessment ?? null) as RoadmapAssessment | null,
    sources: loaded?.sources ?? {},
    history: history.items,
    evaluations: evaluations.items as unknown as EvaluationView[],
  };
}
