/**
 * Incidents: firing monitors' violations are grouped by core's `decideIncidentActions` (model + segment +
 * time frame, dedup, cool-down, snooze); an incident resolves itself once none of its monitors is firing;
 * user actions go through core's lifecycle. Notifications leave through the injected `NotifyFn`.
 */
import {
  computeIncidentAfterAction,
  decideIncidentActions,
  type Incident,
  type IncidentAction,
  type MonitorViolation,
} from "@sextant/core";
import { AppError } from "../app/app-error.js";
import type {
  IncidentRecord,
  IncidentTimelineEntry,
  NotificationMessage,
} from "../monitoring/monitoring-records.js";
import type { MonitoringIdGenerator } from "../monitoring/monitoring-ids.js";
import type { Page, PageRequest } from "../registry/records.js";
import type { Store } from "../storage/store.js";

/** Sends a notification to channels (the alerting outbox implements it). */
export type NotifyFn = (message: NotificationMessage, channelIds: readonly string[]) => Promise<void>;

/** A violation with what the notification needs. */
export interface ViolationInput extends MonitorViolation {
  readonly monitorName: string;
  readonly value: number | null;
  readonly channelIds: readonly string[];
}

/** The incident service. */
export interface IncidentService {
  recordViolations(violations: readonly ViolationInput[], at: Date): Promise<number>;
  /** Resolves the unresolved incidents of the monitor's scope once none of their monitors is firing. */
  recordRecovery(input: {
    readonly modelId: string;
    readonly segment: string | null;
    readonly monitorId: string;
    readonly channelIds: readonly string[];
    readonly at: Date;
    readonly isMonitorFiring: (monitorId: string, segment: string | null) => Promise<boolean>;
  }): Promise<number>;
  load(id: string): Promise<IncidentRecord>;
  list(
    filter: PageRequest & { modelId?: string | undefined; status?: string | undefined },
  ): Promise<Page<IncidentRecord>>;
  act(id: string, action: IncidentAction, at: Date): Promise<IncidentRecord>;
}

const policy = { groupingWindowMs: 24 * 3_600_000, cooldownMs: 6 * 3_600_000 };

function toTitle(incident: Incident, names: readonly string[]): string {
  const scope = incident.segment === null ? "" : ` (segment ${incident.segment})`;
  return `${incident.severity === "critical" ? "Critical" : "Warning"}: ${names.join(", ")}${scope}`;
}

/** Creates the incident service. */
export function createIncidentService(options: {
  readonly store: Store;
  readonly ids: MonitoringIdGenerator;
  readonly notify: NotifyFn;
}): IncidentService {
  const { store, notify } = options;
  const loadOpen = async (modelId: string, at: Date): Promise<IncidentRecord[]> => [
    ...(
      await store.listIncidents({
        limit: 500,
        offset: 0,
        modelId,
        unresolvedOrSince: new Date(at.getTime() - policy.cooldownMs),
      })
    ).items,
  ];
  const message = (
    record: IncidentRecord,
    event: NotificationMessage["event"],
    at: Date,
    monitors: NotificationMessage["monitors"],
  ): NotificationMessage => ({
    event,
    incidentId: record.id,
    title: record.title,
    severity: record.incident.severity,
    modelId: record.incident.modelId,
    modelName: null,
    segment: record.incident.segment,
    summary: `${record.incident.causes.length} violation(s) of ${new Set(record.incident.causes.map((c) => c.monitorId)).size} monitor(s)`,
    monitors,
    at,
  });

  return {
    async recordViolations(violations, at) {
      let sent = 0;
      const byModel = new Map<string, ViolationInput[]>();
      for (const violation of violations) {
        byModel.set(violation.modelId, [...(byModel.get(violation.modelId) ?? []), violation]);
      }
      for (const [modelId, modelViolations] of byModel) {
        const records = await loadOpen(modelId, at);
        const { decisions } = decideIncidentActions({
          incidents: records.map((record) => record.incident),
          violations: modelViolations,
          at,
          policy,
        });
        const byCoreId = new Map(records.map((record) => [record.incident.id, record]));
        for (const [index, decision] of decisions.entries()) {
          if (decision.action === "dedup") continue;
          const violation = modelViolations[index]!;
          const existing = byCoreId.get(decision.incident.id);
          const id = existing?.id ?? options.ids("inc");
          const entry: IncidentTimelineEntry = {
            at,
            kind: decision.action === "open" ? "opened" : "violation",
            monitorId: violation.monitorId,
            detail: `${violation.monitorName} ${violation.severity} in window ${new Date(violation.windowStartMs).toISOString()} (value ${violation.value ?? "n/a"})`,
          };
          const names = [
            ...new Set([...(existing?.title.split(": ")[1]?.split(", ") ?? []), violation.monitorName]),
          ];
          const withoutScope = names.map((name) => name.replace(/ \(segment .*\)$/, ""));
          let record: IncidentRecord = {
            id,
            title: toTitle(decision.incident, [...new Set(withoutScope)]),
            incident: decision.incident,
            timeline: [...(existing?.timeline ?? []), entry],
            updatedAt: at,
          };
          if (decision.notify) {
            const event = decision.action === "open" ? "fire" : "escalate";
            record = {
              ...record,
              timeline: [...record.timeline, { at, kind: "notified", monitorId: null, detail: event }],
            };
            await store.saveIncident(record);
            await notify(
              message(record, event, at, [
                { id: violation.monitorId, name: violation.monitorName, value: violation.value },
              ]),
              violation.channelIds,
            );
            sent += 1;
          } else {
            await store.saveIncident(record);
          }
          byCoreId.set(record.incident.id, record);
        }
      }
      return sent;
    },
    async recordRecovery(input) {
      let sent = 0;
      const records = await loadOpen(input.modelId, input.at);
      for (const record of records) {
        const { incident } = record;
        if (incident.status === "resolved" || incident.segment !== input.segment) continue;
        const monitorIds = [...new Set(incident.causes.map((cause) => cause.monitorId))];
        if (!monitorIds.includes(input.monitorId)) continue;
        const firing = await Promise.all(monitorIds.map((id) => input.isMonitorFiring(id, input.segment)));
        if (firing.some(Boolean)) continue;
        const applied = computeIncidentAfterAction({ incident, action: { kind: "resolve" }, at: input.at });
        if (applied.status !== "applied") continue;
        const resolved: IncidentRecord = {
          ...record,
          incident: applied.incident,
          timeline: [
            ...record.timeline,
            {
              at: input.at,
              kind: "resolved",
              monitorId: input.monitorId,
              detail: "every monitor of the incident recovered",
            },
            { at: input.at, kind: "notified", monitorId: null, detail: "resolve" },
          ],
          updatedAt: input.at,
        };
        await store.saveIncident(resolved);
        await notify(message(resolved, "resolve", input.at, []), input.channelIds);
        sent += 1;
      }
      return sent;
    },
    async load(id) {
      const record = await store.findIncident(id);
      if (record === undefined) throw new AppError("INCIDENT_NOT_FOUND", `no incident with id ${id}`);
      return record;
    },
    list: (filter) => store.listIncidents(filter),
    async act(id, action, at) {
      const record = await this.load(id);
      const applied = computeIncidentAfterAction({ incident: record.incident, action, at });
      if (applied.status !== "applied") throw new AppError("INCIDENT_STATE_CONFLICT", applied.reason);
      const kind = (
        {
          acknowledge: "acknowledged",
          resolve: "resolved",
          reopen: "reopened",
          snooze: "snoozed",
          unsnooze: "snoozed",
        } as const
      )[action.kind];
      const next: IncidentRecord = {
        ...record,
        incident: applied.incident,
        timeline: [...record.timeline, { at, kind, monitorId: null, detail: `by user (${action.kind})` }],
        updatedAt: at,
      };
      await store.saveIncident(next);
      return next;
    },
  };
}
