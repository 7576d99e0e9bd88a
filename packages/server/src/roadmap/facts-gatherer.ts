/**
 * `gatherFacts`: the only impure step of a roadmap assessment (ROADMAP.md implementation notes). Loads a
 * platform snapshot through the Store port and derives `ObservedFacts`, the `FactsSupplement` the rules
 * use, and for every fact the source it was counted from with links into the API/UI.
 */
import { type FactsSupplement, type ObservedFacts, type RoadmapRuleset } from "@sextant/core";
import type { AuditService } from "../auth/audit-service.js";
import type { FactSources } from "../storage/roadmap-store.js";
import type { Store } from "../storage/store.js";
import { createFactRecorder, toModelLinks, type FactRecorder } from "./fact-sources.js";
import {
  buildProductionCards,
  deriveDocumentationFacts,
  deriveGovernanceFacts,
  deriveReportingFacts,
} from "./facts-governance.js";
import { deriveModelFacts, deriveVersionFacts, deriveWorkloadFacts } from "./facts-models.js";
import {
  classifyMonitor,
  deriveAlertingFacts,
  deriveIncidentFacts,
  deriveMonitoringFacts,
} from "./facts-monitoring.js";
import type { ModelCard } from "./model-card.js";
import { loadPlatformSnapshot } from "./platform-snapshot.js";
import { countModels, derivePortfolio, type Portfolio } from "./portfolio.js";

/** Facts, the supplement, their sources and the production model cards. */
export interface GatheredFacts {
  readonly facts: ObservedFacts;
  readonly supplement: FactsSupplement;
  readonly sources: FactSources;
  readonly cards: readonly ModelCard[];
}

/** Options of `gatherFacts`. */
export interface GatherFactsInput {
  readonly store: Store;
  readonly audit: AuditService;
  readonly at: Date;
  readonly ruleset: RoadmapRuleset;
  readonly deploymentMode: ObservedFacts["governance"]["deploymentMode"];
  /** Days raw events are kept (config retention.rawEventsDays); 0 or undefined = forever. */
  readonly rawEventsRetentionDays?: number | undefined;
  readonly windowDays?: number;
  readonly ackSlaHours?: number;
}

/** Gathers the observed facts at `at`. */
export async function gatherFacts(input: GatherFactsInput): Promise<GatheredFacts> {
  const windowDays = input.windowDays ?? 90;
  const snapshot = await loadPlatformSnapshot({
    store: input.store,
    audit: input.audit,
    at: input.at,
    windowDays,
  });
  const p = derivePortfolio(snapshot);
  const rec = createFactRecorder();
  const cards = buildProductionCards(p);
  const facts: ObservedFacts = {
    computedAt: input.at.toISOString(),
    windowDays,
    rulesetVersion: input.ruleset.version,
    models: deriveModelFacts(p, rec),
    versions: deriveVersionFacts(p, rec),
    monitoring: deriveMonitoringFacts(p, rec),
    alerting: deriveAlertingFacts(p, rec, input.ackSlaHours ?? 24),
    incidents: deriveIncidentFacts(p, rec),
    documentation: deriveDocumentationFacts(p, cards, rec),
    governance: deriveGovernanceFacts(p, rec, {
      deploymentMode: input.deploymentMode,
      rawEventsRetentionDays: input.rawEventsRetentionDays,
    }),
    reporting: deriveReportingFacts(rec),
    workload: deriveWorkloadFacts(p, rec),
  };
  rec.observed("facts.computedAt", "time of the snapshot", ["/roadmap"]);
  rec.observed("facts.windowDays", "window of the counts", ["/roadmap"]);
  rec.observed("facts.rulesetVersion", "ruleset the facts were gathered for", ["/roadmap"]);
  return { facts, supplement: deriveSupplement(p, cards, rec), sources: rec.toSources(), cards };
}

function deriveSupplement(p: Portfolio, cards: readonly ModelCard[], rec: FactRecorder): FactsSupplement {
  const s = p.snapshot;
  const activeKinds = (modelId: string) =>
    s.monitors
      .filter((m) => m.modelId === modelId && classifyMonitor(p, m) === "active")
      .map((m) => m.kind as string);
  const driftOrDq = countModels(p.production, (m) =>
    activeKinds(m.id).some((k) => k === "data_quality" || k.endsWith("drift")),
  );
  const multi = p.production.filter((m) => (s.versionsByModel.get(m.id) ?? []).length >= 2);
  const hrDriftDq = countModels(p.highRisk, (m) =>
    activeKinds(m.id).some((k) => k === "data_quality" || k.endsWith("drift")),
  );
  const missing = new Map<string, number>();
  for (const card of cards) for (const f of card.missingFields) missing.set(f, (missing.get(f) ?? 0) + 1);
  const noOwner = p.production.filter((m) => m.owner.name.trim() === "");
  rec.observed(
    "supplement.driftOrDataQuality",
    "production models with an active drift or data-quality monitor",
    ["/monitors"],
  );
  rec.observed(
    "supplement.modelsWithMultipleVersions",
    "production models with two or more versions",
    toModelLinks(multi.map((m) => m.id)),
  );
  rec.observed(
    "supplement.highRiskDriftOrDataQuality",
    "high-risk production models with an active drift or data-quality monitor",
    toModelLinks(
      p.highRisk.map((m) => m.id),
      "/monitors",
    ),
  );
  rec.observed("supplement.missingCardFields", "required card fields most often missing", [
    "/models?filter=incomplete-card",
  ]);
  rec.observed("supplement.modelsWithoutOwner", "production models without an owner", [
    "/models?filter=no-owner",
  ]);
  rec.observed("supplement.suspendRetireWorkflow", "versions can be archived (retired) through the API", [
    "/models",
  ]);
  return {
    driftOrDataQuality: driftOrDq.ratio,
    modelsWithMultipleVersions: multi.length,
    highRiskDriftOrDataQuality: hrDriftDq.ratio,
    missingCardFields: [...missing.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f),
    modelsWithoutOwner: noOwner.map((m) => m.name).slice(0, 5),
    suspendRetireWorkflow: true,
  };
}
