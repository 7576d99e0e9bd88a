/**
 * Monitoring records to wire types (monitor with state, results, incidents, channels, deliveries,
 * policies). Channel secrets never leave here: a channel shows only its kind and a display target.
 */
import type { WindowSpec } from "@sextant/core";
import type {
  ChannelRecord,
  DeliveryRecord,
  IncidentRecord,
  MonitorBaselineSpec,
  MonitorRecord,
  MonitorResultRecord,
  MonitorRunRecord,
  MonitorStateRecord,
  PolicyRecord,
} from "./monitoring-records.js";

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());
const isoOrNullMs = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A core window spec on the wire. */
export function toWindowResponse(window: WindowSpec): {
  kind: "hourly" | "daily" | "weekly" | "duration";
  durationMs?: number;
  timeZone?: string;
} {
  const zone = window.timeZone === undefined ? {} : { timeZone: window.timeZone };
  return window.kind === "duration"
    ? { kind: "duration", durationMs: window.durationMs, ...zone }
    : { kind: window.kind, ...zone };
}

/** A baseline on the wire. */
export function toBaselineResponse(baseline: MonitorBaselineSpec) {
  return baseline.kind === "range"
    ? { kind: "range" as const, from: iso(baseline.from), to: iso(baseline.to) }
    : baseline;
}

/** A monitor with its run bookkeeping and per-scope states on the wire. */
export function toMonitorResponse(
  monitor: MonitorRecord,
  run: MonitorRunRecord | undefined,
  states: readonly MonitorStateRecord[],
) {
  const lastError = run?.lastError ?? null;
  return {
    id: monitor.id,
    modelId: monitor.modelId,
    name: monitor.name,
    description: monitor.description,
    versionId: monitor.versionId,
    kind: monitor.kind,
    metric: monitor.metric,
    columns: [...monitor.columns],
    params: { ...monitor.params },
    window: toWindowResponse(monitor.window),
    baseline: toBaselineResponse(monitor.baseline),
    scope: monitor.scope,
    condition: monitor.condition,
    forWindows: monitor.forWindows,
    minSampleSize: monitor.minSampleSize,
    delayMs: monitor.delayMs,
    channelIds: [...monitor.channelIds],
    enabled: monitor.enabled,
    labels: { ...monitor.labels },
    health: run?.lastRunAt == null ? "never_run" : lastError === null ? "healthy" : "failing",
    lastError,
    lastRunAt: isoOrNull(run?.lastRunAt ?? null),
    evaluatedUntil: isoOrNull(run?.evaluatedUntil ?? null),
    evaluateFrom: isoOrNull(monitor.evaluateFrom ?? null),
    states: states.map((state) => ({
      segment: state.segment,
      status: state.state.status,
      severity: state.state.severity,
      since: new Date(state.state.sinceMs).toISOString(),
      detail: state.state.detail,
    })),
    createdAt: iso(monitor.createdAt),
    updatedAt: iso(monitor.updatedAt),
  };
}

/** A window result on the wire. */
export function toMonitorResultResponse(result: MonitorResultRecord) {
  return {
    monitorId: result.monitorId,
    segment: result.segment,
    windowStart: iso(result.windowStart),
    windowEnd: iso(result.windowEnd),
    value: result.value,
    sampleSize: result.sampleSize,
    severity: result.severity,
    status: result.status,
    detail: result.detail,
    evidence: { ...result.evidence },
    evaluatedAt: iso(result.evaluatedAt),
  };
}

/** An incident with its timeline on the wire. */
export function toIncidentResponse(record: IncidentRecord) {
  const incident = record.incident;
  return {
    id: record.id,
    modelId: incident.modelId,
    segment: incident.segment,
    status: incident.status,
    severity: incident.severity,
    title: record.title,
    openedAt: new Date(incident.openedAtMs).toISOString(),
    acknowledgedAt: isoOrNullMs(incident.acknowledgedAtMs),
    resolvedAt: isoOrNullMs(incident.resolvedAtMs),
    snoozedUntil: isoOrNullMs(incident.snoozedUntilMs),
    monitorIds: [...new Set(incident.causes.map((cause) => cause.monitorId))],
    causeCount: incident.causes.length,
    timeline: record.timeline.map((entry) => ({
      at: iso(entry.at),
      kind: entry.kind,
      monitorId: entry.monitorId,
      detail: entry.detail,
    })),
  };
}

/** Where a channel sends, for display (host or recipients; never the secret path or key). */
export function toChannelTarget(channel: ChannelRecord): string {
  return channel.config.kind === "email" ? channel.config.to.join(", ") : new URL(channel.config.url).host;
}

/** A channel on the wire (no secrets). */
export function toChannelResponse(channel: ChannelRecord) {
  return {
    id: channel.id,
    name: channel.name,
    workspaceId: channel.workspaceId,
    kind: channel.config.kind,
    minSeverity: channel.minSeverity,
    target: toChannelTarget(channel),
    createdAt: iso(channel.createdAt),
  };
}

/** A delivery on the wire. */
export function toDeliveryResponse(delivery: DeliveryRecord) {
  return {
    id: delivery.id,
    channelId: delivery.channelId,
    incidentId: delivery.incidentId,
    event: delivery.message.event,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    nextAttemptAt: isoOrNull(delivery.nextAttemptAt),
    createdAt: iso(delivery.createdAt),
  };
}

/** A policy on the wire. */
export function toPolicyResponse(policy: PolicyRecord) {
  return {
    id: policy.id,
    name: policy.name,
    selector: {
      ...(policy.selector.workspaceId === undefined ? {} : { workspaceId: policy.selector.workspaceId }),
      ...(policy.selector.stage === undefined ? {} : { stage: policy.selector.stage }),
      ...(policy.selector.tags === undefined ? {} : { tags: [...policy.selector.tags] }),
    },
    requireOwner: policy.requireOwner,
    templates: policy.templates as never[],
    createdAt: iso(policy.createdAt),
  };
}
