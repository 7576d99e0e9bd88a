/**
 * The `documentation`, `governance` and `reporting` facts of ROADMAP.md §3.1: model cards built from the
 * registry, the audit chain, users and roles, retention (from the configured raw-event retention). PMM plan
 * records, Annex IV export history and scheduled reports do not exist in the platform yet and are recorded as
 * "not observed".
 */
import { toRatio, type ObservedFacts } from "@sextant/core";
import { toModelLinks, type FactRecorder } from "./fact-sources.js";
import { buildModelCard, type ModelCard } from "./model-card.js";
import { countModels, type Portfolio } from "./portfolio.js";

/** Retention reported for data kept without time limit (audit entries always; raw events when configured). */
export const unlimitedRetentionDays = 36_500;

/** The cards of the production models. */
export function buildProductionCards(p: Portfolio): ModelCard[] {
  const s = p.snapshot;
  return p.production.map((model) =>
    buildModelCard({
      model,
      versions: s.versionsByModel.get(model.id) ?? [],
      monitors: s.monitors,
      latestResults: s.latestResults,
      at: s.at,
    }),
  );
}

/** Documentation facts from the production model cards. */
export function deriveDocumentationFacts(
  p: Portfolio,
  cards: readonly ModelCard[],
  rec: FactRecorder,
): ObservedFacts["documentation"] {
  const complete = cards.filter((c) => c.completeness >= 0.8);
  const incomplete = cards.filter((c) => c.completeness < 0.8).map((c) => c.modelId);
  const datasheets = countModels(p.production, (m) => p.liveVersion.get(m.id)?.datasetRef != null);
  const avg = cards.length === 0 ? null : cards.reduce((sum, c) => sum + c.completeness, 0) / cards.length;
  const cardLinks = (ids: readonly string[]) => [
    "/models?filter=incomplete-card",
    ...ids.slice(0, 20).map((id) => `/models/${id}/card`),
  ];
  rec.observed(
    "facts.documentation.cardCompletenessAvg",
    "mean share of filled required card fields over production models",
    cardLinks(cards.map((c) => c.modelId)),
  );
  rec.observed(
    "facts.documentation.prodWithCompleteCard",
    "production models whose card completeness is at least 0.8",
    cardLinks(incomplete),
  );
  rec.notObserved(
    "facts.documentation.highRiskWithPmmPlan",
    "post-market monitoring plans are not stored yet",
    toModelLinks(p.highRisk.map((m) => m.id)),
  );
  rec.notObserved(
    "facts.documentation.pmmPlansMappedToActiveMonitors",
    "post-market monitoring plans are not stored yet",
    ["/compliance/pmm", "/monitors"],
  );
  rec.notObserved("facts.documentation.annexIvExports180d", "Annex IV exports are not recorded yet", [
    "/compliance/annex-iv",
  ]);
  rec.observed(
    "facts.documentation.datasheetsLinked",
    "production models whose live version links its training dataset",
    toModelLinks(datasheets.misses),
  );
  return {
    cardCompletenessAvg: avg,
    prodWithCompleteCard: toRatio(complete.length, cards.length),
    highRiskWithPmmPlan: toRatio(0, p.highRisk.length),
    pmmPlansMappedToActiveMonitors: toRatio(0, 0),
    annexIvExports180d: 0,
    datasheetsLinked: datasheets.ratio,
  };
}

/** Governance facts: audit chain, retention, access control, users by role, deployment, feedback. */
export function deriveGovernanceFacts(
  p: Portfolio,
  rec: FactRecorder,
  options: {
    readonly deploymentMode: ObservedFacts["governance"]["deploymentMode"];
    /** Days raw predictions are kept (config retention.rawEventsDays); 0 or undefined = kept forever. */
    readonly rawEventsRetentionDays?: number | undefined;
  },
): ObservedFacts["governance"] {
  const retentionDays =
    options.rawEventsRetentionDays === undefined || options.rawEventsRetentionDays === 0
      ? unlimitedRetentionDays
      : options.rawEventsRetentionDays;
  const s = p.snapshot;
  const usersByRole: Record<string, number> = {};
  const bump = (role: string) => (usersByRole[role] = (usersByRole[role] ?? 0) + 1);
  for (const user of s.users.filter((u) => !u.disabled)) {
    if (user.orgAdmin) bump("org_admin");
    for (const role of new Set(s.memberships.filter((m) => m.userId === user.id).map((m) => m.role)))
      bump(role);
  }
  const keys = s.apiKeys.filter((k) => k.revokedAt === null && (k.expiresAt === null || k.expiresAt > s.at));
  for (const key of keys) bump(`api_key_${key.role}`);
  const labelled = (modelId: string) => {
    const live = p.liveVersion.get(modelId);
    return live !== undefined && (s.activity.get(live.id)?.labelsReceived ?? 0) > 0;
  };
  const feedback = countModels(p.highRisk, (m) => labelled(m.id));
  rec.observed("facts.governance.auditLogEnabled", "every change is written to the hash-chained audit log", [
    "/audit",
  ]);
  rec.observed(
    "facts.governance.auditChainValid",
    `verification of ${s.audit.entries} chained audit entries (null when empty)`,
    ["/audit", "/audit/verify"],
  );
  rec.observed("facts.governance.auditRetentionDays", "audit entries are append-only and never deleted", [
    "/audit",
  ]);
  rec.observed(
    "facts.governance.predictionLogRetentionDays",
    retentionDays === unlimitedRetentionDays
      ? "raw events are kept without time limit (retention.rawEventsDays = 0)"
      : `raw predictions, labels and outcomes are deleted after ${retentionDays} days (retention.rawEventsDays; one setting for every risk tier)`,
    ["/settings/retention"],
  );
  rec.observed(
    "facts.governance.documentationRetentionYears",
    "null: model records and cards are never auto-deleted",
    ["/models"],
  );
  rec.observed(
    "facts.governance.rbacEnabled",
    "workspace roles and the route-permission table are always on",
    ["/settings/users"],
  );
  rec.notObserved("facts.governance.ssoEnabled", "Sextant has local users and API keys, no SSO yet", [
    "/settings/users",
  ]);
  rec.observed(
    "facts.governance.usersByRole",
    "active users by organisation/workspace role, plus live API keys by role",
    ["/settings/users", "/settings/api-keys"],
  );
  rec.observed("facts.governance.deploymentMode", "from the server configuration (roadmap.deploymentMode)", [
    "/settings",
  ]);
  rec.observed(
    "facts.governance.feedbackEndpointEnabled",
    "high-risk production models receiving labels (feedback) in the last 30 days",
    toModelLinks(feedback.misses),
  );
  return {
    auditLogEnabled: true,
    auditChainValid: s.audit.chainValid,
    auditRetentionDays: unlimitedRetentionDays,
    predictionLogRetentionDays: { default: retentionDays, high: retentionDays },
    documentationRetentionYears: null,
    rbacEnabled: true,
    ssoEnabled: false,
    usersByRole,
    deploymentMode: options.deploymentMode,
    feedbackEndpointEnabled: feedback.ratio,
  };
}

/** Reporting facts (scheduled reports are not a platform feature yet). */
export function deriveReportingFacts(rec: FactRecorder): ObservedFacts["reporting"] {
  rec.notObserved("facts.reporting.scheduled", "Sextant does not schedule reports yet", ["/reports"]);
  rec.notObserved("facts.reporting.generated90d", "batch reports are generated by the CLI and not recorded", [
    "/reports",
  ]);
  rec.notObserved("facts.reporting.recipientRoles", "no report has recipients yet", ["/reports"]);
  rec.notObserved("facts.reporting.postIncidentReports90d", "post-incident reports are not recorded yet", [
    "/incidents",
  ]);
  return { scheduled: 0, generated90d: 0, recipientRoles: [], postIncidentReports90d: 0 };
}
