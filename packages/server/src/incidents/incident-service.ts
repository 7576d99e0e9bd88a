/**
 * Incidents: an evaluation's violations and recoveries become a planner (incident-plan.ts) that the store
 * runs inside the evaluation's transaction, so incidents and their deliveries commit with the results
 * (decision 0015); the committed deliveries are then sent through the outbox. User actions go through
 * core's lifecycle.
 */
import { computeIncidentAfterAction, type IncidentAction } from "@sextant/core";
import type { DeliveryOutbox } from "../alerting/delivery-outbox.js";
import { AppError } from "../app/app-error.js";
import type { ChannelRecord, IncidentRecord } from "../monitoring/monitoring-records.js";
import type { MonitoringIdGenerator } from "../monitoring/monitoring-ids.js";
import type { Page, PageRequest } from "../registry/records.js";
import type { IncidentPlanner } from "../storage/monitoring-store.js";
import type { Store } from "../storage/store.js";
import {
  incidentPolicy,
  planIncidentChanges,
  type IncidentChangeInput,
  type IncidentChangePlan,
} from "./incident-plan.js";

/** The incident service. */
export interface IncidentService {
  /**
   * Loads the channels the evaluation may notify (before its transaction) and returns the planner the
   * store runs inside the transaction (decision 0015).
   */
  prepareChanges(change: IncidentChangeInput): Promise<IncidentPlanner<IncidentChangePlan>>;
  /** Attempts the deliveries of a committed plan at once; the outbox retries what fails or never ran. */
  sendCommitted(plan: IncidentChangePlan): Promise<void>;
  load(id: string): Promise<IncidentRecord>;
  list(
    filter: PageRequest & { modelId?: string | undefined; status?: string | undefined },
  ): Promise<Page<IncidentRecord>>;
  act(id: string, action: IncidentAction, at: Date): Promise<IncidentRecord>;
}

/** Creates the incident service. */
export function createIncidentService(options: {
  readonly store: Store;
  readonly ids: MonitoringIdGenerator;
  readonly outbox: Pick<DeliveryOutbox, "planDeliveries" | "sendNew">;
}): IncidentService {
  const { store, outbox } = options;

  return {
    async prepareChanges(change) {
      const channelIds = new Set([...change.channelIds, ...change.violations.flatMap((v) => v.channelIds)]);
      const channels = new Map<string, ChannelRecord>();
      for (const id of channelIds) {
        const channel = await store.findChannel(id);
        if (channel !== undefined) channels.set(id, channel);
      }
      return {
        modelId: change.modelId,
        since: new Date(change.at.getTime() - incidentPolicy.cooldownMs),
        plan: (view) =>
          planIncidentChanges({
            view,
            change,
            newIncidentId: () => options.ids("inc"),
            toDeliveries: (message, ids) =>
              outbox.planDeliveries(
                message,
                ids.flatMap((id) => channels.get(id) ?? []),
              ),
          }),
      };
    },
    sendCommitted: (plan) => outbox.sendNew(plan.deliveries),
    async load(id) {
      const record = await store.findIncident(id);
      if (record === undefined) throw new AppError("INCIDENT_NOT_FOUND", `no incident with id ${id}`);
      return record;
    },
    list: (filter) => store.listIncidents(filter),
    async act(id, action, at) {
      const kind = (
        {
          acknowledge: "acknowledged",
          resolve: "resolved",
          reopen: "reopened",
          snooze: "snoozed",
          unsnooze: "snoozed",
        } as const
      )[action.kind];
      // Applied to the incident as stored inside the write, so a worker's concurrent update is never lost.
      const next = await store.changeIncident(id, (record) => {
        const applied = computeIncidentAfterAction({ incident: record.incident, action, at });
        if (applied.status !== "applied") throw new AppError("INCIDENT_STATE_CONFLICT", applied.reason);
        return {
          ...record,
          incident: applied.incident,
          timeline: [...record.timeline, { at, kind, monitorId: null, detail: `by user (${action.kind})` }],
          updatedAt: at,
        };
      });
      if (next === undefined) throw new AppError("INCIDENT_NOT_FOUND", `no incident with id ${id}`);
      return next;
    },
  };
}
