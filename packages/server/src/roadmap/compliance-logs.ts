/**
 * Portfolio-wide compliance exports (ROADMAP.md §5): the incident log and the model inventory as CSV
 * (escaped, formula-guarded) and the audit log as JSON Lines in hash-chain order, so the chain can be
 * re-verified outside Sextant.
 */
import type { AuditEntryRecord } from "../auth/auth-records.js";
import type { IncidentRecord, MonitorRecord } from "../monitoring/monitoring-records.js";
import type { ModelRecord, VersionRecord, WorkspaceRecord } from "../registry/records.js";
import { toCsv } from "./csv-cells.js";

const hourMs = 3_600_000;

function hoursBetween(fromMs: number, toMs: number | null): number | null {
  return toMs === null ? null : Math.round(((toMs - fromMs) / hourMs) * 100) / 100;
}

function isoOf(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** `incident-log.csv`: one row per incident, newest first. */
export function renderIncidentLogCsv(input: {
  readonly incidents: readonly IncidentRecord[];
  readonly models: readonly ModelRecord[];
}): string {
  const nameOf = (id: string) => input.models.find((m) => m.id === id)?.name ?? null;
  const rows = [...input.incidents]
    .sort((a, b) => b.incident.openedAtMs - a.incident.openedAtMs)
    .map(({ id, title, incident: i }) => [
      id,
      title,
      i.modelId,
      nameOf(i.modelId),
      i.segment,
      i.severity,
      i.status,
      isoOf(i.openedAtMs),
      isoOf(i.acknowledgedAtMs),
      isoOf(i.resolvedAtMs),
      hoursBetween(i.openedAtMs, i.acknowledgedAtMs),
      hoursBetween(i.openedAtMs, i.resolvedAtMs),
      [...new Set(i.causes.map((c) => c.monitorId))].join(" "),
    ]);
  return toCsv(
    [
      "incident_id",
      "title",
      "model_id",
      "model_name",
      "segment",
      "severity",
      "status",
      "opened_at",
      "acknowledged_at",
      "resolved_at",
      "hours_to_acknowledge",
      "hours_to_resolve",
      "monitor_ids",
    ],
    rows,
  );
}

/** `inventory.csv`: one row per registered model with its owners, risk, live version and monitoring. */
export function renderInventoryCsv(input: {
  readonly models: readonly ModelRecord[];
  readonly workspaces: readonly WorkspaceRecord[];
  readonly versionsByModel: ReadonlyMap<string, readonly VersionRecord[]>;
  readonly monitors: readonly MonitorRecord[];
  readonly incidents: readonly IncidentRecord[];
}): string {
  const rows = [...input.models]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => {
      const versions = input.versionsByModel.get(m.id) ?? [];
      const live = versions
        .filter((v) => v.stage === "production")
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      const monitors = input.monitors.filter((x) => x.modelId === m.id);
      const open = input.incidents.filter(
        (i) => i.incident.modelId === m.id && i.incident.status !== "resolved",
      );
      return [
        m.id,
        m.name,
        input.workspaces.find((w) => w.id === m.workspaceId)?.name ?? m.workspaceId,
        m.task,
        m.riskTier,
        m.owner.name,
        m.owner.kind,
        m.owner.email ?? null,
        m.businessOwner?.name ?? null,
        live?.name ?? null,
        live?.id ?? null,
        versions.length,
        monitors.length,
        monitors.filter((x) => x.enabled).length,
        open.length,
        m.tags.join(" "),
        m.createdAt,
      ];
    });
  return toCsv(
    [
      "model_id",
      "name",
      "workspace",
      "task",
      "risk_tier",
      "owner",
      "owner_kind",
      "owner_email",
      "business_owner",
      "production_version",
      "production_version_id",
      "versions",
      "monitors",
      "enabled_monitors",
      "open_incidents",
      "tags",
      "registered_at",
    ],
    rows,
  );
}

/** `audit-log.jsonl`: one JSON object per audit entry, in chain order, with its hashes. */
export function renderAuditJsonLines(entries: readonly AuditEntryRecord[]): string {
  return entries
    .map((e) =>
      JSON.stringify({
        seq: e.seq,
        at: e.at.toISOString(),
        actorKind: e.actorKind,
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        outcome: e.outcome,
        workspaceId: e.workspaceId,
        targetId: e.targetId,
        ip: e.ip,
        userAgent: e.userAgent,
        details: e.details,
        prevHash: e.prevHash,
        hash: e.hash,
      }),
    )
    .map((line) => `${line}\n`)
    .join("");
}
