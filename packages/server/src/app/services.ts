/** Assembles the services over a store; shared by main.ts and the tests so both wire them the same way. */
import type { Logger } from "pino";
import { createAuthServices, type AuthServices } from "../auth/auth-services.js";
import type { Config } from "../config/config-schema.js";
import { createIngestBuffer, type IngestBuffer } from "../ingest/ingest-buffer.js";
import { createIngestService, type IngestService } from "../ingest/ingest-service.js";
import { createMonitoringServices, type MonitoringServices } from "../monitoring/monitoring-services.js";
import { toCountedIngestBuffer } from "../monitoring/prometheus-metrics.js";
import { createBaselineService, type BaselineService } from "../registry/baseline-service.js";
import type { IdGenerator } from "../registry/ids.js";
import { withRegistryReadCache } from "../registry/registry-read-cache.js";
import { createRegistryService, type RegistryService } from "../registry/registry-service.js";
import type { Store } from "../storage/store.js";
import type { WorkLeases } from "../storage/work-leases.js";
import { createRetentionTask } from "../scheduler/retention-task.js";
import { DEFAULT_ROADMAP_RULESET } from "@sextant/core";
import { createComplianceService, type ComplianceService } from "../roadmap/compliance-service.js";
import { createEvaluationService, type EvaluationService } from "../roadmap/evaluation-service.js";
import { createRoadmapService, type RoadmapService } from "../roadmap/roadmap-service.js";
import { createScheduledAssessmentTask } from "../roadmap/scheduled-assessment.js";
import { createOverviewService, type OverviewService } from "../overview/overview-service.js";

/** The services of one server. */
export interface Services extends AuthServices {
  readonly registry: RegistryService;
  readonly baselines: BaselineService;
  readonly ingest: IngestService;
  readonly buffer: IngestBuffer;
  readonly monitoring: MonitoringServices;
  readonly roadmap: RoadmapService;
  readonly evaluations: EvaluationService;
  readonly compliance: ComplianceService;
  readonly overview: OverviewService;
}

/** Creates the services over a store with the configured ingest limits. */
export function createServices(options: {
  readonly store: Store;
  readonly logger: Logger;
  readonly config: Config;
  readonly clock: () => Date;
  readonly ids: IdGenerator;
  /** Coordination with other processes over a shared store (default: single-process). */
  readonly leases?: WorkLeases;
}): Services {
  const { clock, ids, config } = options;
  const store = withRegistryReadCache(options.store, { ttlMs: config.ingest.registryCacheMs, clock });
  const retention = createRetentionTask({
    store,
    rawEventsDays: config.retention.rawEventsDays,
    intervalMs: config.retention.intervalMs,
    logger: options.logger,
  });
  const auth = createAuthServices({ store, config, clock, ids });
  const roadmap = createRoadmapService({
    store,
    audit: auth.audit,
    clock,
    ruleset: DEFAULT_ROADMAP_RULESET,
    deploymentMode: config.roadmap.deploymentMode,
    rawEventsRetentionDays: config.retention.rawEventsDays,
  });
  const scheduledAssessment = createScheduledAssessmentTask({
    roadmap,
    store,
    intervalDays: config.roadmap.assessmentIntervalDays,
    logger: options.logger,
  });
  const monitoring = createMonitoringServices({
    store,
    clock,
    logger: options.logger,
    outboundAllowList: config.monitoring.outboundAllowList,
    maxAttempts: config.monitoring.deliveryMaxAttempts,
    baseBackoffMs: config.monitoring.deliveryBackoffMs,
    leaseTtlMs: config.monitoring.leaseTtlMs,
    housekeeping: [retention, scheduledAssessment],
    ...(options.leases === undefined ? {} : { leases: options.leases }),
  });
  const rawBuffer = createIngestBuffer({
    store,
    logger: options.logger,
    maxBufferedRows: config.ingest.maxBufferedRows,
    maxRowsPerFlush: config.ingest.maxRowsPerFlush,
    retryAfterSeconds: config.ingest.retryAfterSeconds,
    concurrentFlushes:
      config.ingest.concurrentFlushes > 0
        ? config.ingest.concurrentFlushes
        : config.store === "postgres"
          ? 2
          : 1,
  });
  const buffer = toCountedIngestBuffer(rawBuffer, monitoring.ingestCounter, clock);
  const registry = createRegistryService({ store, ids, clock });
  const maxReportedErrors = config.ingest.maxReportedErrors;
  const ingest = createIngestService({ store, registry, buffer, clock, maxReportedErrors });
  const baselines = createBaselineService({ store, ids, clock, registry, ingest, maxReportedErrors });
  const evaluations = createEvaluationService({ store, roadmap, clock });
  const compliance = createComplianceService({
    store,
    evaluations,
    ruleset: DEFAULT_ROADMAP_RULESET,
    clock,
    predictionLogRetentionDays: config.retention.rawEventsDays,
  });
  return {
    roadmap,
    evaluations,
    compliance,
    overview: createOverviewService(store),
    registry,
    baselines,
    ingest,
    buffer,
    monitoring,
    ...auth,
  };
}
