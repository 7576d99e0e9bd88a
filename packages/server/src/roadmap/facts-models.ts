/**
 * The `models`, `versions` and `workload` facts of ROADMAP.md §3.1, counted from the registry and the
 * event tables. Fields the registry does not hold yet (ownership confirmation, retirement reasons,
 * promotion history) are recorded as "not observed" with a conservative value.
 */
import { toRatio, type DataType, type ObservedFacts, type VersionTrigger } from "@sextant/core";
import type { VersionRecord } from "../registry/records.js";
import { toModelLinks, type FactRecorder } from "./fact-sources.js";
import { computeMedian, countModels, type Portfolio } from "./portfolio.js";

const dayMs = 86_400_000;

/** Reads the trigger class from a version's free-text trigger. */
export function toVersionTrigger(text: string | null): VersionTrigger {
  const t = (text ?? "").toLowerCase();
  if (t.includes("drift")) return "drift";
  if (t.includes("perform") || t.includes("accuracy")) return "performance";
  if (t.includes("new data") || t.includes("fresh data")) return "new_data";
  if (/schedul|quarterly|monthly|weekly|daily|nightly|periodic/.test(t)) return "schedule";
  return "manual";
}

/** Model facts. */
export function deriveModelFacts(p: Portfolio, rec: FactRecorder): ObservedFacts["models"] {
  const s = p.snapshot;
  const prodIds = p.production.map((m) => m.id);
  const stages = s.models.map((m) => (s.versionsByModel.get(m.id) ?? []).map((v) => v.stage));
  const staging = stages.filter((st) => !st.includes("production") && st.includes("staging")).length;
  const retired = stages.filter((st) => st.length > 0 && st.every((x) => x === "archived")).length;
  const development = stages.filter((st) => st.length === 0).length;
  const owner = countModels(p.production, (m) => m.owner.name.trim() !== "");
  const business = countModels(p.production, (m) => m.businessOwner !== null);
  const disabled = new Set(
    s.users.filter((u) => u.disabled).flatMap((u) => [u.username.toLowerCase(), u.displayName.toLowerCase()]),
  );
  const orphaned = p.production.filter(
    (m) => m.owner.kind === "user" && disabled.has(m.owner.name.toLowerCase()),
  );
  const sensitive = p.production.filter((m) =>
    (p.liveVersion.get(m.id)?.schema?.columns ?? []).some((c) => c.role === "protected_attribute"),
  );
  const prodLinks = toModelLinks(prodIds, "/models?stage=production");
  rec.observed("facts.models.total", "registered models", ["/models"]);
  rec.observed("facts.models.production", "models with a version in stage production", prodLinks);
  rec.observed("facts.models.staging", "models whose newest stage is staging", ["/models?stage=staging"]);
  rec.observed("facts.models.development", "models with no version yet", ["/models"]);
  rec.notObserved("facts.models.suspended", "Sextant has no suspended model status yet", ["/models"]);
  rec.observed("facts.models.retired", "models whose versions are all archived", ["/models?stage=archived"]);
  rec.observed(
    "facts.models.withOwner",
    "production models with an owner",
    toModelLinks(owner.misses, "/models?filter=no-owner"),
  );
  rec.observed(
    "facts.models.withBusinessOwner",
    "production models with a business owner",
    toModelLinks(business.misses, "/models?filter=no-business-owner"),
  );
  rec.observed(
    "facts.models.withRiskTier",
    "production models with a risk tier (required at registration)",
    prodLinks,
  );
  rec.observed(
    "facts.models.highRisk",
    "production models with risk tier high or critical",
    toModelLinks(
      p.highRisk.map((m) => m.id),
      "/models?riskTier=high",
    ),
  );
  rec.notObserved(
    "facts.models.ownershipConfirmed180d",
    "models carry no ownership-confirmation date yet",
    prodLinks,
  );
  rec.observed(
    "facts.models.orphaned",
    "production models owned by a disabled user",
    toModelLinks(
      orphaned.map((m) => m.id),
      "/settings/users",
    ),
  );
  rec.observed("facts.models.distinctOwnerTeams", "distinct team owners of production models", prodLinks);
  rec.notObserved("facts.models.retiredWithReason", "archiving a version records no reason yet", [
    "/models?stage=archived",
  ]);
  rec.observed(
    "facts.models.withSensitiveAttributes",
    "production versions whose schema has a protected_attribute column",
    toModelLinks(sensitive.map((m) => m.id)),
  );
  rec.notObserved(
    "facts.models.thirdPartyOrPretrained",
    "models carry no base-model or vendor field yet",
    prodLinks,
  );
  return {
    total: s.models.length,
    production: p.production.length,
    staging,
    development,
    suspended: 0,
    retired,
    withOwner: owner.ratio,
    withBusinessOwner: business.ratio,
    withRiskTier: toRatio(p.production.length, p.production.length),
    highRisk: p.highRisk.length,
    ownershipConfirmed180d: toRatio(0, p.production.length),
    orphaned: orphaned.length,
    distinctOwnerTeams: new Set(p.production.filter((m) => m.owner.kind === "team").map((m) => m.owner.name))
      .size,
    retiredWithReason: toRatio(0, retired),
    withSensitiveAttributes: sensitive.length,
    thirdPartyOrPretrained: 0,
  };
}

/** Version facts over the versions registered in the window. */
export function deriveVersionFacts(p: Portfolio, rec: FactRecorder): ObservedFacts["versions"] {
  const s = p.snapshot;
  const since = s.at.getTime() - s.windowDays * dayMs;
  const recent: VersionRecord[] = [...s.versionsByModel.values()]
    .flat()
    .filter((v) => v.createdAt.getTime() >= since);
  const share = (predicate: (v: VersionRecord) => boolean) =>
    toRatio(recent.filter(predicate).length, recent.length);
  const triggeredBy: Record<VersionTrigger, number> = {
    manual: 0,
    schedule: 0,
    new_data: 0,
    drift: 0,
    performance: 0,
  };
  for (const v of recent) triggeredBy[toVersionTrigger(v.trigger)] += 1;
  const yearAgo = s.at.getTime() - 365 * dayMs;
  const perYear = p.production.map(
    (m) => (s.versionsByModel.get(m.id) ?? []).filter((v) => v.createdAt.getTime() >= yearAgo).length,
  );
  const links = ["/models"];
  rec.observed("facts.versions.registered90d", `versions registered in the last ${s.windowDays} days`, links);
  rec.observed("facts.versions.viaCi", "recent versions registered with source=ci", links);
  rec.observed("facts.versions.viaUi", "recent versions registered with source=ui", links);
  rec.observed("facts.versions.withTrainingRunRef", "recent versions with a training-run reference", links);
  rec.observed(
    "facts.versions.withTrainingDatasetRef",
    "recent versions with a training-dataset reference",
    links,
  );
  rec.observed(
    "facts.versions.triggeredBy",
    "recent versions by the class of their free-text trigger",
    links,
  );
  rec.notObserved("facts.versions.promotions90d", "stage changes are not kept as history yet", links);
  rec.notObserved("facts.versions.promotionsViaApi", "stage changes are not kept as history yet", links);
  rec.notObserved("facts.versions.rollbacks90d", "stage changes are not kept as history yet", links);
  rec.notObserved(
    "facts.versions.championChallengerComparisons90d",
    "no champion/challenger comparison is recorded yet",
    links,
  );
  rec.observed(
    "facts.versions.medianVersionsPerProdModelPerYear",
    "versions registered in the last 365 days per production model, median",
    links,
  );
  return {
    registered90d: recent.length,
    viaCi: share((v) => v.source === "ci"),
    viaUi: share((v) => v.source === "ui"),
    withTrainingRunRef: share((v) => v.trainingRunRef !== null),
    withTrainingDatasetRef: share((v) => v.datasetRef !== null),
    triggeredBy,
    promotions90d: 0,
    promotionsViaApi: toRatio(0, 0),
    rollbacks90d: 0,
    championChallengerComparisons90d: 0,
    medianVersionsPerProdModelPerYear: computeMedian(perYear),
  };
}

const dataTypeOfValueType: Readonly<Record<string, DataType>> = {
  numeric: "tabular",
  categorical: "tabular",
  boolean: "tabular",
  text: "text",
  embedding: "embeddings",
};

/** Workload facts: ingestion modes, data types of features, daily volume, models added. */
export function deriveWorkloadFacts(p: Portfolio, rec: FactRecorder): ObservedFacts["workload"] {
  const s = p.snapshot;
  const perDay = new Map<string, number>();
  for (const version of p.liveVersion.values())
    for (const d of s.activity.get(version.id)?.dailyPredictions ?? [])
      perDay.set(d.day, (perDay.get(d.day) ?? 0) + d.count);
  const types = new Set<DataType>();
  for (const version of p.liveVersion.values())
    for (const c of version.schema?.columns ?? []) {
      const t = c.role === "feature" ? dataTypeOfValueType[c.type] : undefined;
      if (t !== undefined) types.add(t);
    }
  const since = s.at.getTime() - s.windowDays * dayMs;
  const added = s.models.filter((m) => m.createdAt.getTime() >= since);
  const links = toModelLinks(p.production.map((m) => m.id));
  rec.observed(
    "facts.workload.inferenceModesObserved",
    "batch when predictions arrived through the HTTP batch ingest; realtime and streaming ingestion are not distinguished yet",
    links,
  );
  rec.observed(
    "facts.workload.dataTypesObserved",
    "feature value types of the live versions' schemas",
    links,
  );
  rec.observed(
    "facts.workload.predictionsPerDayP50",
    "median daily predictions over days with traffic (live versions)",
    links,
  );
  rec.observed("facts.workload.modelsAdded90d", `models registered in the last ${s.windowDays} days`, [
    "/models",
  ]);
  return {
    inferenceModesObserved: perDay.size > 0 ? ["batch"] : [],
    dataTypesObserved: [...types].sort(),
    predictionsPerDayP50: computeMedian([...perDay.values()]),
    modelsAdded90d: added.length,
  };
}
