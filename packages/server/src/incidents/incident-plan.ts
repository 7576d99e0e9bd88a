/**
 * Plans one evaluation's incident changes without I/O, from the incident view its transaction read
 * (decision 0015): violations grouped by core's `decideIncidentActions` (model + segment + time frame,
 * dedup, cool-down, snooze) open or join incidents; recoveries resolve the scope's incidents once none of
 * their monitors is firing. Every notification becomes delivery rows in the same plan, so the store
 * commits them with the evaluation and the outbox sends them afterwards.
 */
import {
  computeIncidentAfterAction,
  decideIncidentActions,
  type Incident,
  type MonitorViolation,
} from "@sextant/core";
import type {
  DeliveryRecord,
  IncidentRecord,
  IncidentTimelineEntry,
  NotificationMessage,
} from "../monitoring/monitoring-records.js";
import type { IncidentView, IncidentWritePlan } from "../storage/monitoring-store.js";

/** A violation with what the notification needs. */
export interface ViolationInput extends MonitorViolation {
  readonly monitorName: string;
  readonly value: number | null;
  readonly channelIds: readonly string[];
}

/** Grouping frame and per-cause cool-down of incidents. */
export const incidentPolicy = { groupingWindowMs: 24 * 3_600_000, cooldownMs: 6 * 3_600_000 };

/** The plan of one evaluation, with how many notifications (incident events) it sends. */
export interface IncidentChangePlan extends IncidentWritePlan {
  readonly notifications: number;
}

/** What one evaluation hands to incidents. */
export interface IncidentChangeInput {
  readonly modelId: string;
  readonly monitorId: string;
  readonly channelIds: readonly string[];
  readonly violations: readonly ViolationInput[];
  /** Segments (null = all traffic) whose monitor state resolved in this evaluation. */
  readonly recoveries: readonly (string | null)[];
  readonly at: Date;
}

function toTitle(incident: Incident, names: readonly string[]): string {
  const scope = incident.segment === null ? "" : ` (segment ${incident.segment})`;
  return `${incident.severity === "critical" ? "Critical" : "Warning"}: ${names.join(", ")}${scope}`;
}

function toMessage(
  record: IncidentRecord,
  event: NotificationMessage["event"],
  at: Date,
  monitors: NotificationMessage["monitors"],
): NotificationMessage {
  const { incident } = record;
  return {
    event,
    incidentId: record.id,
    title: record.title,
    severity: incident.severity,
    modelId: incident.modelId,
    modelName: null,
    segment: incident.segment,
    summary: `${incident.causes.length} violation(s) of ${new Set(incident.causes.map((c) => c.monitorId)).size} monitor(s)`,
    monitors,
    at,
  };
}

/** Plans the incident upserts and deliveries of one evaluation. */
export function planIncidentChanges(input: {
  readonly view: IncidentView;
  readonly change: IncidentChangeInput;
  /** A new stored incident id. */
  readonly newIncidentId: () => string;
  /** The pending deliveries of a message to the channels that take it. */
  readonly toDeliveries: (message: NotificationMessage, channelIds: readonly string[]) => DeliveryRecord[];
}): IncidentChangePlan {
  const { change } = input;
  const { at } = change;
  const changed = new Map<string, IncidentRecord>();
  const deliveries: DeliveryRecord[] = [];
  let notifications = 0;
  const notify = (message: NotificationMessage, channelIds: readonly string[]): void => {
    deliveries.push(...input.toDeliveries(message, channelIds));
    notifications += 1;
  };
  const records = [...input.view.incidents];
  const byCoreId = new Map(records.map((record) => [record.incident.id, record]));

  const violations = change.violations.filter((violation) => violation.modelId === change.modelId);
  const { decisions } = decideIncidentActions({
    incidents: records.map((record) => record.incident),
    violations,
    at,
    policy: incidentPolicy,
  });
  for (const [index, decision] of decisions.entries()) {
    if (decision.action === "dedup") continue;
    const violation = violations[index]!;
    const existing = byCoreId.get(decision.incident.id);
    const id = existing?.id ?? input.newIncidentId();
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
      const monitors = [{ id: violation.monitorId, name: violation.monitorName, value: violation.value }];
      notify(toMessage(record, event, at, monitors), violation.channelIds);
    }
    changed.set(record.id, record);
    byCoreId.set(record.incident.id, record);
  }

  const isFiring = (monitorId: string, segment: string | null): boolean =>
    input.view.states.some((s) => s.monitorId === monitorId && s.segment === segment && s.state.isAlertOpen);
  for (const segment of new Set(change.recoveries)) {
    for (const record of byCoreId.values()) {
      const { incident } = record;
      if (incident.status === "resolved" || incident.segment !== segment) continue;
      const monitorIds = [...new Set(incident.causes.map((cause) => cause.monitorId))];
      if (!monitorIds.includes(change.monitorId)) continue;
      if (monitorIds.some((id) => isFiring(id, segment))) continue;
      const applied = computeIncidentAfterAction({ incident, action: { kind: "resolve" }, at });
      if (applied.status !== "applied") continue;
      const resolved: IncidentRecord = {
        ...record,
        incident: applied.incident,
        timeline: [
          ...record.timeline,
          {
            at,
            kind: "resolved",
            monitorId: change.monitorId,
            detail: "every monitor of the incident recovered",
          },
          { at, kind: "notified", monitorId: null, detail: "resolve" },
        ],
        updatedAt: at,
      };
      changed.set(resolved.id, resolved);
      byCoreId.set(resolved.incident.id, resolved);
      notify(toMessage(resolved, "resolve", at, []), change.channelIds);
    }
  }
  return { incidents: [...changed.values()], deliveries, notifications };
}
