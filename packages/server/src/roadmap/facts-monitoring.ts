/**
 * The `monitoring`, `alerting` and `incidents` facts of ROADMAP.md §3.1 from monitors, their run
 * bookkeeping, channels, policies and incidents. An "active" monitor is enabled and ran successfully within
 * two schedule intervals; kinds the platform has no monitor for yet are recorded as "not observed".
 */
import {
  computeMonitoringTestScore,
  summariseMonitoringTestScores,
  toRatio,
  type AlertChannelKind,
  type MonitoringTestId,
  type MonitoringTestState,
  type ObservedFacts,
} from "@sextant/core";
import type { MonitorRecord } from "../monitoring/monitoring-records.js";
import { toModelLinks, type FactRecorder } from "./fact-sources.js";
import { computeMedian, countModels, type Portfolio } from "./portfolio.js";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const driftKinds = new Set([
  "data_drift",
  "dataset_drift",
  "prediction_drift",
  "target_drift",
  "text_drift",
  "embedding_drift",
  "streaming_detector",
]);

/** The schedule interval of a monitor (its window length). */
export function toScheduleIntervalMs(monitor: MonitorRecord): number {
  const w = monitor.window;
  if (w.kind === "hourly") return hourMs;
  if (w.kind === "daily") return dayMs;
  if (w.kind === "weekly") return 7 * dayMs;
  return w.durationMs;
}

/** Monitor health at `at`: active, stale (missed two intervals), or new (not due yet). */
export function classifyMonitor(
  p: Portfolio,
  monitor: MonitorRecord,
): "active" | "stale" | "new" | "disabled" {
  if (!monitor.enabled) return "disabled";
  const run = p.snapshot.runs.get(monitor.id);
  const limit = p.snapshot.at.getTime() - 2 * toScheduleIntervalMs(monitor) - monitor.delayMs;
  if (run?.lastRunAt != null && run.lastError === null && run.lastRunAt.getTime() >= limit) return "active";
  return monitor.createdAt.getTime() >= limit ? "new" : "stale";
}

function hasLabels30d(p: Portfolio, modelId: string): boolean {
  const live = p.liveVersion.get(modelId);
  return live !== undefined && (p.snapshot.activity.get(live.id)?.labelsReceived ?? 0) > 0;
}

/** Monitoring facts and the per-model monitoring test score. */
export function deriveMonitoringFacts(p: Portfolio, rec: FactRecorder): ObservedFacts["monitoring"] {
  const active = p.snapshot.monitors.filter((m) => classifyMonitor(p, m) === "active");
  const activeOf = (modelId: string, kinds: (k: string) => boolean) =>
    active.filter((m) => m.modelId === modelId && kinds(m.kind));
  const withActive = (kinds: (k: string) => boolean) =>
    countModels(p.production, (m) => activeOf(m.id, kinds).length > 0);
  const anyActive = withActive(() => true);
  const drift = withActive((k) => driftKinds.has(k));
  const dq = withActive((k) => k === "data_quality");
  const labels = countModels(p.production, (m) => hasLabels30d(p, m.id));
  const perf = countModels(
    p.production,
    (m) => activeOf(m.id, (k) => k === "performance").length > 0 && hasLabels30d(p, m.id),
  );
  const schema = countModels(p.production, (m) => p.liveVersion.get(m.id)?.schema != null);
  const baseline = countModels(p.production, (m) =>
    activeOf(m.id, (k) => driftKinds.has(k)).some((x) => x.baseline.kind === "reference"),
  );
  const sensitive = p.production.filter((m) =>
    (p.liveVersion.get(m.id)?.schema?.columns ?? []).some((c) => c.role === "protected_attribute"),
  );
  const bias = countModels(sensitive, (m) => activeOf(m.id, (k) => k === "fairness").length > 0);
  const stale = p.snapshot.monitors.filter((m) => classifyMonitor(p, m) === "stale");
  const perModel: Record<string, number> = {};
  for (const m of p.production)
    perModel[m.id] = computeMonitoringTestScore(
      deriveMonitoringTests(
        activeOf(m.id, () => true),
        hasLabels30d(p, m.id),
      ),
    );
  const link = (ids: string[]) => ["/monitors", ...ids.slice(0, 20).map((id) => `/monitors?modelId=${id}`)];
  const prodIds = p.production.map((m) => m.id);
  // Evidence points at the models that miss the fact, or at all production models when none does.
  const offenders = (result: { readonly misses: string[] }): string[] =>
    result.misses.length > 0 ? result.misses : prodIds;
  rec.observed(
    "facts.monitoring.anyActive",
    "production models with an enabled monitor that ran within two intervals",
    link(offenders(anyActive)),
  );
  rec.observed(
    "facts.monitoring.drift",
    "production models with an active drift monitor",
    link(offenders(drift)),
  );
  rec.observed(
    "facts.monitoring.dataQuality",
    "production models with an active data-quality monitor",
    link(offenders(dq)),
  );
  rec.observed(
    "facts.monitoring.schemaRegistered",
    "production models whose live version has a schema",
    toModelLinks(offenders(schema)),
  );
  rec.observed(
    "facts.monitoring.trainingBaseline",
    "production models with an active drift monitor against a stored reference",
    link(offenders(baseline)),
  );
  rec.observed(
    "facts.monitoring.performance",
    "production models with an active performance monitor and labels in the last 30 days",
    link(offenders(perf)),
  );
  rec.observed(
    "facts.monitoring.groundTruthCoverage",
    "production models whose live version received labels in the last 30 days",
    toModelLinks(offenders(labels)),
  );
  rec.observed(
    "facts.monitoring.bias",
    "production models with protected attributes that have an active fairness monitor",
    link(sensitive.map((m) => m.id)),
  );
  rec.notObserved("facts.monitoring.operational", "Sextant has no volume or latency monitor kind yet", [
    "/monitors",
  ]);
  rec.notObserved(
    "facts.monitoring.outputSanity",
    "no NaN/Inf/range check on outputs is configured separately yet",
    ["/monitors"],
  );
  rec.notObserved("facts.monitoring.staleness", "no model-age rule exists yet", ["/monitors"]);
  rec.notObserved("facts.monitoring.upstreamChange", "schema-change alerting is not a monitor kind yet", [
    "/monitors",
  ]);
  rec.observed(
    "facts.monitoring.staleMonitors",
    "enabled monitors that missed two schedule intervals or failed last",
    ["/monitors", ...stale.slice(0, 20).map((m) => `/monitors/${m.id}`)],
  );
  rec.observed(
    "facts.monitoring.monitoringTestScore",
    "ML Test Score monitoring tests M1–M7 per production model (M2 data quality, M3 drift vs reference, M7 performance with labels)",
    link(prodIds),
  );
  return {
    anyActive: anyActive.ratio,
    drift: drift.ratio,
    dataQuality: dq.ratio,
    schemaRegistered: schema.ratio,
    trainingBaseline: baseline.ratio,
    performance: perf.ratio,
    groundTruthCoverage: labels.ratio,
    bias: bias.ratio,
    operational: toRatio(0, p.production.length),
    outputSanity: toRatio(0, p.production.length),
    staleness: toRatio(0, p.production.length),
    upstreamChange: toRatio(0, p.production.length),
    staleMonitors: stale.length,
    monitoringTestScore: { perModel, ...summariseMonitoringTestScores(perModel) },
  };
}

/** M1–M7 states of one model from its active monitors ("automated" needs a routed channel). */
export function deriveMonitoringTests(
  monitors: readonly MonitorRecord[],
  labelled: boolean,
): Partial<Record<MonitoringTestId, MonitoringTestState>> {
  const state = (ok: (m: MonitorRecord) => boolean): MonitoringTestState => {
    const hits = monitors.filter(ok);
    if (hits.some((m) => m.channelIds.length > 0)) return "automated";
    return hits.length > 0 ? "manual" : "absent";
  };
  return {
    M2: state((m) => m.kind === "data_quality"),
    M3: state((m) => driftKinds.has(m.kind) && m.baseline.kind === "reference"),
    M7: labelled ? state((m) => m.kind === "performance") : "absent",
  };
}

/** Alerting facts: policies, routing, channels, fires, acknowledgement times. */
export function deriveAlertingFacts(
  p: Portfolio,
  rec: FactRecorder,
  ackSlaHours: number,
): ObservedFacts["alerting"] {
  const s = p.snapshot;
  const routed = countModels(p.production, (m) =>
    s.monitors.some((x) => x.modelId === m.id && x.enabled && x.channelIds.length > 0),
  );
  const channels: Record<AlertChannelKind, number> = {
    email: 0,
    slack: 0,
    teams: 0,
    webhook: 0,
    pagerduty: 0,
    opsgenie: 0,
  };
  for (const c of s.channels) channels[c.config.kind] += 1;
  const since = s.at.getTime() - s.windowDays * dayMs;
  const fired = s.incidents.filter((i) => i.incident.openedAtMs >= since);
  const ackHours = fired
    .filter((i) => i.incident.acknowledgedAtMs !== null)
    .map((i) => (i.incident.acknowledgedAtMs! - i.incident.openedAtMs) / hourMs);
  const resolveHours = fired
    .filter((i) => i.incident.resolvedAtMs !== null)
    .map((i) => (i.incident.resolvedAtMs! - i.incident.openedAtMs) / hourMs);
  rec.observed("facts.alerting.policies", "organisation policies", ["/policies"]);
  rec.observed(
    "facts.alerting.routedCoverage",
    "production models with an enabled monitor that notifies at least one channel",
    ["/monitors", ...routed.misses.slice(0, 20).map((id) => `/monitors?modelId=${id}`)],
  );
  rec.observed("facts.alerting.channels", "alert channels by kind", ["/settings/channels"]);
  rec.observed("facts.alerting.fired90d", `incidents opened in the last ${s.windowDays} days`, [
    "/incidents",
  ]);
  rec.observed("facts.alerting.ackedWithinSla", `incidents acknowledged within ${ackSlaHours} h`, [
    "/incidents",
  ]);
  rec.observed("facts.alerting.mttaHoursP50", "median hours from opening to acknowledgement", ["/incidents"]);
  rec.observed("facts.alerting.mttrHoursP50", "median hours from opening to resolution", ["/incidents"]);
  rec.notObserved("facts.alerting.noisyPolicies", "fires per policy per day are not counted yet", [
    "/policies",
  ]);
  rec.notObserved("facts.alerting.automatedActions", "no retrain/rollback webhook action is modelled yet", [
    "/settings/channels",
  ]);
  return {
    policies: s.policies.length,
    routedCoverage: routed.ratio,
    channels,
    fired90d: fired.length,
    ackedWithinSla: toRatio(ackHours.filter((h) => h <= ackSlaHours).length, fired.length),
    mttaHoursP50: ackHours.length === 0 ? null : computeMedian(ackHours),
    mttrHoursP50: resolveHours.length === 0 ? null : computeMedian(resolveHours),
    noisyPolicies: 0,
    automatedActions: toRatio(0, p.production.length),
  };
}

/** Incident facts. */
export function deriveIncidentFacts(p: Portfolio, rec: FactRecorder): ObservedFacts["incidents"] {
  const s = p.snapshot;
  const since = s.at.getTime() - s.windowDays * dayMs;
  const open = s.incidents.filter((i) => i.incident.status !== "resolved");
  const closed = s.incidents.filter(
    (i) => i.incident.resolvedAtMs !== null && i.incident.resolvedAtMs >= since,
  );
  const recent = s.incidents.filter((i) => i.incident.openedAtMs >= since);
  rec.observed("facts.incidents.open", "incidents not resolved", ["/incidents?status=open"]);
  rec.observed("facts.incidents.closed90d", `incidents resolved in the last ${s.windowDays} days`, [
    "/incidents?status=resolved",
  ]);
  rec.notObserved("facts.incidents.withRootCause", "incidents carry no root-cause field yet", ["/incidents"]);
  rec.observed(
    "facts.incidents.linkedToHighSevAlerts",
    "recent incidents raised by a critical monitor violation",
    ["/incidents"],
  );
  rec.notObserved("facts.incidents.seriousFlagged", "incidents carry no AI-Act serious-incident flag yet", [
    "/incidents",
  ]);
  rec.notObserved("facts.incidents.overdueReports", "serious-incident report deadlines are not tracked yet", [
    "/incidents",
  ]);
  return {
    open: open.length,
    closed90d: closed.length,
    withRootCause: toRatio(0, closed.length),
    linkedToHighSevAlerts: toRatio(
      recent.filter((i) => i.incident.severity === "critical").length,
      recent.length,
    ),
    seriousFlagged: 0,
    overdueReports: 0,
  };
}
