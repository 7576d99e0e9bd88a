/** Assembles the monitoring services over a store: monitors, runner, incidents, outbox, channels, scheduler. */
import type { createChannelSchema } from "@sextant/sdk";
import type { Logger } from "pino";
import type { z } from "zod";
import { AppError } from "../app/app-error.js";
import { createChannelSender } from "../alerting/channel-senders.js";
import { createDeliveryOutbox, type DeliveryOutbox } from "../alerting/delivery-outbox.js";
import { assertOutboundHostAllowed, resolveWithDns, type ResolveHost } from "../alerting/outbound-url.js";
import { createIncidentService, type IncidentService } from "../incidents/incident-service.js";
import { createMonitorScheduler, type MonitorScheduler } from "../scheduler/monitor-scheduler.js";
import type { Store } from "../storage/store.js";
import { createInProcessWorkLeases } from "../storage/in-process-work-leases.js";
import type { WorkLeases } from "../storage/work-leases.js";
import type { HousekeepingTask } from "../scheduler/monitor-scheduler.js";
import { createMonitorRunner, type MonitorRunner } from "./monitor-runner.js";
import { createMonitorService, type MonitorService } from "./monitor-service.js";
import { createMonitoringIdGenerator, type MonitoringIdGenerator } from "./monitoring-ids.js";
import type { ChannelRecord } from "./monitoring-records.js";
import { createPolicyService, type PolicyService } from "./policy-service.js";
import { createMonitoringQueries, type MonitoringQueries } from "./monitoring-queries.js";
import { createIngestCounter, type IngestCounter } from "./prometheus-metrics.js";

/** The monitoring services of one server. */
export interface MonitoringServices {
  readonly monitors: MonitorService;
  readonly runner: MonitorRunner;
  readonly incidents: IncidentService;
  readonly outbox: DeliveryOutbox;
  readonly scheduler: MonitorScheduler;
  readonly policies: PolicyService;
  readonly queries: MonitoringQueries;
  /** Ingested rows for /metrics (services.ts wraps the ingest buffer with it). */
  readonly ingestCounter: IngestCounter;
  createChannel(input: z.output<typeof createChannelSchema>): Promise<ChannelRecord>;
}

/** Creates the monitoring services. */
export function createMonitoringServices(options: {
  readonly store: Store;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly outboundAllowList: readonly string[];
  readonly resolve?: ResolveHost;
  readonly ids?: MonitoringIdGenerator;
  readonly maxAttempts?: number;
  readonly baseBackoffMs?: number;
  /** Coordination with other processes (default: single-process, for a DuckDB store). */
  readonly leases?: WorkLeases;
  readonly leaseTtlMs?: number;
  /** Run by the leader process on scheduler ticks (retention). */
  readonly housekeeping?: readonly HousekeepingTask[];
}): MonitoringServices {
  const { store, clock } = options;
  const ids = options.ids ?? createMonitoringIdGenerator();
  const resolve = options.resolve ?? resolveWithDns;
  const leases = options.leases ?? createInProcessWorkLeases(store);
  const send = createChannelSender({ allowList: options.outboundAllowList, resolve, timeoutMs: 10_000 });
  const outbox = createDeliveryOutbox({
    store,
    ids,
    send,
    clock,
    maxAttempts: options.maxAttempts ?? 5,
    baseBackoffMs: options.baseBackoffMs ?? 30_000,
    leases,
  });
  const incidents = createIncidentService({ store, ids, outbox });
  const runner = createMonitorRunner({ store, incidents });
  const monitors = createMonitorService({ store, ids, clock });
  const scheduler = createMonitorScheduler({
    store,
    runner,
    outbox,
    clock,
    logger: options.logger,
    leases,
    leaseTtlMs: options.leaseTtlMs ?? 60_000,
    ...(options.housekeeping === undefined ? {} : { housekeeping: options.housekeeping }),
  });
  const policies = createPolicyService({ store, ids, clock, monitors });
  return {
    monitors,
    policies,
    ingestCounter: createIngestCounter(),
    queries: createMonitoringQueries(store),
    runner,
    incidents,
    outbox,
    scheduler,
    async createChannel(input) {
      const config = input.config;
      const host = config.kind === "email" ? config.host : new URL(config.url).hostname;
      try {
        await assertOutboundHostAllowed({ host, allowList: options.outboundAllowList, resolve });
      } catch (error) {
        throw new AppError("CHANNEL_URL_REFUSED", (error as Error).message);
      }
      if (input.workspaceId !== null && (await store.findWorkspace(input.workspaceId)) === undefined) {
        throw new AppError("WORKSPACE_NOT_FOUND", `no workspace with id ${input.workspaceId}`);
      }
      const record: ChannelRecord = {
        id: ids("chn"),
        name: input.name,
        workspaceId: input.workspaceId,
        minSeverity: input.minSeverity,
        config,
        createdAt: clock(),
      };
      await store.insertChannel(record);
      return record;
    },
  };
}
