/**
 * The questionnaire form's fields (ROADMAP.md §3.2): where each answer lives in the questionnaire, its
 * kind and its options, and reading/writing an answer by path without mutating the questionnaire.
 */
import type { RoadmapQuestionnaire } from "@sextant/core";

/** One form field. */
export type QuestionField =
  | { readonly path: string; readonly label: string; readonly kind: "number" | "boolean" | "list" }
  | {
      readonly path: string;
      readonly label: string;
      readonly kind: "enum" | "multi";
      readonly options: readonly string[];
      readonly optional?: boolean;
    };

/** A section of the form, named after the article step it serves. */
export interface QuestionSection {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly QuestionField[];
}

const modes = ["batch", "realtime", "streaming"];
const dataTypes = ["tabular", "text", "image", "audio", "time_series", "embeddings"];

/** The sections of the questionnaire. */
export const questionSections: readonly QuestionSection[] = [
  {
    id: "org",
    title: "Organisation (step 1)",
    fields: [
      { path: "org.productTeamsUsingMl", label: "Product teams using ML", kind: "number" },
      { path: "org.hasCentralMlPlatformTeam", label: "Central ML platform team", kind: "boolean" },
      {
        path: "org.productionOwnershipToday",
        label: "Who owns production models today",
        kind: "enum",
        options: ["data_science", "ml_engineering", "product_team", "central_platform", "unclear"],
      },
      {
        path: "org.preferredStrategy",
        label: "Preferred strategy",
        kind: "enum",
        options: ["centralized", "decentralized", "hybrid"],
        optional: true,
      },
      { path: "org.appCodeHasCi", label: "Application code has CI", kind: "boolean" },
      { path: "org.trainingOrchestrated", label: "Training is orchestrated", kind: "boolean" },
    ],
  },
  {
    id: "needs",
    title: "Needs (step 2)",
    fields: [
      { path: "needs.dataScientists.now", label: "Data scientists now", kind: "number" },
      { path: "needs.dataScientists.in12Months", label: "Data scientists in 12 months", kind: "number" },
      { path: "needs.mlEngineers.now", label: "ML engineers now", kind: "number" },
      { path: "needs.mlEngineers.in12Months", label: "ML engineers in 12 months", kind: "number" },
      { path: "needs.modelsInProduction.now", label: "Production models now", kind: "number" },
      {
        path: "needs.modelsInProduction.in12Months",
        label: "Production models in 12 months",
        kind: "number",
      },
      { path: "needs.newModelsPerQuarter", label: "New models per quarter", kind: "number" },
      {
        path: "needs.integration",
        label: "How models are integrated",
        kind: "enum",
        options: ["internal_analysis", "decision_support", "core_product"],
      },
      { path: "needs.inferenceModes", label: "Inference modes", kind: "multi", options: modes },
      { path: "needs.dataTypes", label: "Data types", kind: "multi", options: dataTypes },
      {
        path: "needs.groundTruthLatency",
        label: "Ground truth arrives",
        kind: "enum",
        options: ["immediate", "hours", "days", "weeks", "never"],
      },
      {
        path: "needs.retrainingTrigger",
        label: "Retraining trigger",
        kind: "enum",
        options: ["ad_hoc", "scheduled", "event_based"],
      },
    ],
  },
  {
    id: "constraints",
    title: "Constraints",
    fields: [
      {
        path: "constraints.dataResidency",
        label: "Data residency",
        kind: "enum",
        options: ["any", "own_cloud_account", "on_premises_only", "air_gapped"],
      },
      { path: "constraints.euExposure", label: "EU exposure", kind: "boolean" },
      {
        path: "constraints.aiActRole",
        label: "AI Act role",
        kind: "enum",
        options: ["provider", "deployer", "both", "none"],
      },
      {
        path: "constraints.regulatedUseCases",
        label: "Regulated use cases",
        kind: "multi",
        options: [
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
        ],
      },
      { path: "constraints.otherRegimes", label: "Other regimes (comma-separated)", kind: "list" },
      {
        path: "constraints.buildVsBuyLean",
        label: "Build vs buy lean",
        kind: "enum",
        options: ["build", "buy", "open_source_first", "undecided"],
      },
    ],
  },
];

/** The answer at `path` (dot-separated). */
export function readAnswer(q: RoadmapQuestionnaire, path: string): unknown {
  let value: unknown = q;
  for (const key of path.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** A copy of `q` with the answer at `path` set (`undefined` removes an optional answer). */
export function writeAnswer(q: RoadmapQuestionnaire, path: string, value: unknown): RoadmapQuestionnaire {
  const copy = structuredClone(q) as unknown as Record<string, unknown>;
  const keys = path.split(".");
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) {
    Reflect.deleteProperty(target, last);
  } else target[last] = value;
  return copy as unknown as RoadmapQuestionnaire;
}
