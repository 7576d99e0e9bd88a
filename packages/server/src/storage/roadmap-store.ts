/**
 * The RoadmapStore port (ROADMAP.md §6 storage): questionnaire revisions, assessment snapshots, tool
 * evaluations, and the per-version activity reads the facts gatherer needs. No SQL here; `Store` extends it.
 */
import type { RoadmapAssessment, RoadmapQuestionnaire, ToolEvaluation } from "@sextant/core";
import type { Page, PageRequest } from "../registry/records.js";

/** One saved revision of the organisation's questionnaire. */
export interface RoadmapQuestionnaireRecord {
  readonly revision: number;
  readonly questionnaire: RoadmapQuestionnaire;
  readonly savedBy: string;
  readonly savedAt: Date;
}

/** Where one fact came from: what was counted, the API/UI routes that show it, and whether it is observed. */
export interface FactSource {
  readonly basis: string;
  readonly links: readonly string[];
  /** False when the platform has no data for the fact yet (the value is then a conservative default). */
  readonly observed: boolean;
}

/** Fact path (e.g. `facts.models.withOwner`) → its source. */
export type FactSources = Readonly<Record<string, FactSource>>;

/** A stored assessment: the JSON snapshot plus the scalars indexed for trends. */
export interface RoadmapAssessmentRecord {
  readonly id: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly rulesetVersion: string;
  readonly readinessLevel: number;
  readonly progressIndex: number;
  readonly assessment: RoadmapAssessment;
  readonly sources: FactSources;
}

/** A tool evaluation document and when it last changed. */
export interface ToolEvaluationRecord {
  readonly evaluation: ToolEvaluation;
  readonly updatedAt: Date;
}

/** Prediction and label activity of one version inside a time window. */
export interface VersionActivityRecord {
  readonly versionId: string;
  /** Predictions per UTC day (`YYYY-MM-DD`) inside the window. */
  readonly dailyPredictions: readonly { readonly day: string; readonly count: number }[];
  /** Labels received since `labelsSince`. */
  readonly labelsReceived: number;
  readonly lastLabelReceivedAt: Date | null;
}

/** The persistence port of the roadmap module. */
export interface RoadmapStore {
  /** Appends a questionnaire revision (revision numbers grow by one). */
  saveRoadmapQuestionnaire(record: RoadmapQuestionnaireRecord): Promise<void>;
  /** The newest questionnaire revision. */
  loadRoadmapQuestionnaire(): Promise<RoadmapQuestionnaireRecord | undefined>;

  insertRoadmapAssessment(record: RoadmapAssessmentRecord): Promise<void>;
  findRoadmapAssessment(id: string): Promise<RoadmapAssessmentRecord | undefined>;
  /** Assessments newest first. */
  listRoadmapAssessments(filter: PageRequest): Promise<Page<RoadmapAssessmentRecord>>;

  /** Inserts or replaces an evaluation by id. */
  saveToolEvaluation(record: ToolEvaluationRecord): Promise<void>;
  findToolEvaluation(id: string): Promise<ToolEvaluationRecord | undefined>;
  /** Evaluations oldest first. */
  listToolEvaluations(filter: PageRequest): Promise<Page<ToolEvaluationRecord>>;

  /** Per-version prediction counts per day in [from, until] and labels received since `labelsSince`. */
  readVersionActivity(input: {
    readonly versionIds: readonly string[];
    readonly from: Date;
    readonly until: Date;
    readonly labelsSince: Date;
  }): Promise<VersionActivityRecord[]>;
}
