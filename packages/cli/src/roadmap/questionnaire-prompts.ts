/**
 * The interactive roadmap questionnaire: one prompt per answer of ROADMAP.md §3.2, each showing the
 * current (pre-filled) answer as default, so pressing Enter keeps what the facts observed.
 */
import type { RoadmapQuestionnaire, StakeholderRole } from "@sextant/core";

/** Asks one question and resolves with the typed line (empty = keep the default). */
export type AskFn = (question: string) => Promise<string>;

const roles: readonly StakeholderRole[] = [
  "data_scientist",
  "ml_engineer",
  "business_ops",
  "ciso_devsec",
  "risk_compliance",
  "finance",
  "executive",
];

async function askNumber(ask: AskFn, label: string, current: number): Promise<number> {
  for (;;) {
    const line = (await ask(`${label} [${current}]: `)).trim();
    if (line === "") return current;
    const n = Number(line);
    if (Number.isInteger(n) && n >= 0) return n;
  }
}

async function askBoolean(ask: AskFn, label: string, current: boolean): Promise<boolean> {
  for (;;) {
    const line = (await ask(`${label} (y/n) [${current ? "y" : "n"}]: `)).trim().toLowerCase();
    if (line === "") return current;
    if (line === "y" || line === "yes") return true;
    if (line === "n" || line === "no") return false;
  }
}

async function askChoice<T extends string>(
  ask: AskFn,
  label: string,
  choices: readonly T[],
  current: T,
): Promise<T> {
  for (;;) {
    const line = (await ask(`${label} (${choices.join("|")}) [${current}]: `)).trim();
    if (line === "") return current;
    const hit = choices.find((c) => c === line);
    if (hit !== undefined) return hit;
  }
}

async function askList<T extends string>(
  ask: AskFn,
  label: string,
  choices: readonly T[],
  current: readonly T[],
): Promise<T[]> {
  for (;;) {
    const line = (
      await ask(`${label}, comma-separated (${choices.join("|")}) [${current.join(",") || "none"}]: `)
    ).trim();
    if (line === "") return [...current];
    if (line === "none") return [];
    const items = line.split(",").map((x) => x.trim());
    if (items.every((i) => choices.includes(i as T))) return [...new Set(items as T[])];
  }
}

/** Walks the questionnaire; `hints` show observed values next to pre-filled answers. */
export async function askQuestionnaire(
  ask: AskFn,
  start: RoadmapQuestionnaire,
  hints: Readonly<Record<string, unknown>> = {},
): Promise<RoadmapQuestionnaire> {
  const hint = (key: string) =>
    hints[key] === undefined ? "" : ` (observed: ${JSON.stringify(hints[key])})`;
  const q = structuredClone(start);
  q.answeredBy = (await ask(`Your name [${q.answeredBy}]: `)).trim() || q.answeredBy;
  q.org.productTeamsUsingMl = await askNumber(ask, "Product teams shipping ML", q.org.productTeamsUsingMl);
  q.org.hasCentralMlPlatformTeam = await askBoolean(
    ask,
    "Is there a central ML platform team",
    q.org.hasCentralMlPlatformTeam,
  );
  q.org.productionOwnershipToday = await askChoice(
    ask,
    "Who owns models in production today",
    ["data_science", "ml_engineering", "product_team", "central_platform", "unclear"] as const,
    q.org.productionOwnershipToday,
  );
  q.org.appCodeHasCi = await askBoolean(ask, "Does application code have CI", q.org.appCodeHasCi);
  q.org.trainingOrchestrated = await askBoolean(
    ask,
    "Is training orchestrated (pipelines)",
    q.org.trainingOrchestrated,
  );
  const n = q.needs;
  n.dataScientists.now = await askNumber(ask, "Data scientists now", n.dataScientists.now);
  n.dataScientists.in12Months = await askNumber(
    ask,
    "Data scientists in 12 months",
    n.dataScientists.in12Months,
  );
  n.mlEngineers.now = await askNumber(ask, "ML engineers now", n.mlEngineers.now);
  n.mlEngineers.in12Months = await askNumber(ask, "ML engineers in 12 months", n.mlEngineers.in12Months);
  n.modelsInProduction.now = await askNumber(
    ask,
    `Models in production now${hint("needs.modelsInProduction.now")}`,
    n.modelsInProduction.now,
  );
  n.modelsInProduction.in12Months = await askNumber(
    ask,
    "Models in production in 12 months",
    n.modelsInProduction.in12Months,
  );
  n.newModelsPerQuarter = await askNumber(
    ask,
    `New models per quarter${hint("needs.newModelsPerQuarter")}`,
    n.newModelsPerQuarter,
  );
  n.integration = await askChoice(
    ask,
    "How are models integrated",
    ["internal_analysis", "decision_support", "core_product"] as const,
    n.integration,
  );
  n.inferenceModes = await askList(
    ask,
    `Inference modes${hint("needs.inferenceModes")}`,
    ["batch", "realtime", "streaming"] as const,
    n.inferenceModes,
  );
  n.dataTypes = await askList(
    ask,
    `Data types${hint("needs.dataTypes")}`,
    ["tabular", "text", "image", "audio", "time_series", "embeddings"] as const,
    n.dataTypes,
  );
  n.groundTruthLatency = await askChoice(
    ask,
    "When do labels arrive",
    ["immediate", "hours", "days", "weeks", "never"] as const,
    n.groundTruthLatency,
  );
  n.retrainingTrigger = await askChoice(
    ask,
    "What triggers retraining",
    ["ad_hoc", "scheduled", "event_based"] as const,
    n.retrainingTrigger,
  );
  const c = q.constraints;
  c.dataResidency = await askChoice(
    ask,
    "Where must data stay",
    ["any", "own_cloud_account", "on_premises_only", "air_gapped"] as const,
    c.dataResidency,
  );
  c.euExposure = await askBoolean(ask, "Do models affect people in the EU", c.euExposure);
  c.aiActRole = await askChoice(
    ask,
    "AI Act role",
    ["provider", "deployer", "both", "none"] as const,
    c.aiActRole,
  );
  c.regulatedUseCases = await askList(
    ask,
    "Regulated use cases",
    [
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
    ] as const,
    c.regulatedUseCases,
  );
  c.buildVsBuyLean = await askChoice(
    ask,
    "Build vs buy lean",
    ["build", "buy", "open_source_first", "undecided"] as const,
    c.buildVsBuyLean,
  );
  const declared = await askList(
    ask,
    "Stakeholder roles",
    roles,
    q.stakeholders.map((s) => s.role),
  );
  const stakeholders = [];
  for (const role of declared) {
    const old = q.stakeholders.find((s) => s.role === role);
    const metric =
      (await ask(`  ${role}: success measure [${old?.successMetric ?? ""}]: `)).trim() ||
      old?.successMetric ||
      "to be agreed";
    stakeholders.push({ ...(old ?? {}), role, successMetric: metric });
  }
  q.stakeholders = stakeholders;
  q.answeredAt = new Date().toISOString();
  return q;
}
