/**
 * The Fastify app factory: wires routes, parsers and error handling to the services it is given.
 * It never listens and never picks adapters; main.ts (the composition root) does that.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { BaselineService } from "../registry/baseline-service.js";
import type { RegistryService } from "../registry/registry-service.js";
import type { IngestBuffer } from "../ingest/ingest-buffer.js";
import type { IngestService } from "../ingest/ingest-service.js";
import { registerBaselineRoutes } from "../routes/baseline-routes.js";
import { registerIngestRoutes } from "../routes/ingest-routes.js";
import { registerMonitoringRoutes } from "../routes/monitoring-routes.js";
import type { MonitoringServices } from "../monitoring/monitoring-services.js";
import { registerRoadmapRoutes } from "../roadmap/roadmap-routes.js";
import type { OverviewService } from "../overview/overview-service.js";
import { registerOverviewRoutes } from "../routes/overview-routes.js";
import type { ComplianceService } from "../roadmap/compliance-service.js";
import type { EvaluationService } from "../roadmap/evaluation-service.js";
import type { RoadmapService } from "../roadmap/roadmap-service.js";
import { registerRegistryRoutes } from "../routes/registry-routes.js";
import {
  createRequestBodyReader,
  installRawBodyParsers,
  type FileRowReader,
} from "../routes/request-body.js";
import { registerSystemRoutes, type Readiness } from "../routes/system-routes.js";
import { installErrorHandlers } from "./error-handler.js";
import { installRoleRoutes } from "./role-routes.js";
import type { ServerRole } from "../config/config-schema.js";
import type { AuthServices } from "../auth/auth-services.js";
import { registerAuthRoutes } from "../auth/auth-routes.js";
import { installRequestAccess } from "../auth/request-access.js";
import { registerWebAssets } from "../web-assets/web-assets.js";

/** Everything the app needs. */
export interface AppDeps extends AuthServices {
  readonly logger: FastifyBaseLogger;
  readonly registry: RegistryService;
  readonly baselines: BaselineService;
  readonly ingest: IngestService;
  readonly buffer: IngestBuffer;
  readonly monitoring: MonitoringServices;
  readonly roadmap: RoadmapService;
  readonly evaluations: EvaluationService;
  readonly compliance: ComplianceService;
  readonly overview: OverviewService;
  readonly readiness: Readiness;
  readonly clock: () => Date;
  readonly version: string;
  readonly tempDir: string;
  /** Reads uploaded CSV/Parquet files (main.ts picks the implementation). */
  readonly readFileRows: FileRowReader;
  /** Which routes this process serves (default all). */
  readonly role?: ServerRole;
  readonly limits: {
    readonly maxBodyBytes: number;
    readonly maxUploadBytes: number;
    readonly maxConcurrentRequests: number;
    readonly retryAfterSeconds: number;
  };
}

/** Builds the app (routes registered, not booted, not listening; inject or listen boots it). */
export function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    return503OnClosing: true,
    trustProxy: deps.authSettings.trustProxy,
  });
  installErrorHandlers(app);
  installRoleRoutes(app, deps.role ?? "all");
  // Refuses to build when a contract operation has no row in auth/route-permissions.ts.
  installRequestAccess(app, deps);
  installRawBodyParsers(app);
  const bodies = createRequestBodyReader({
    tempDir: deps.tempDir,
    readFileRows: deps.readFileRows,
    maxBodyBytes: deps.limits.maxBodyBytes,
    maxUploadBytes: deps.limits.maxUploadBytes,
  });
  registerSystemRoutes(app, {
    version: deps.version,
    startedAtMs: deps.clock().getTime(),
    now: deps.clock,
    readiness: deps.readiness,
  });
  registerAuthRoutes(app, {
    authentication: deps.authentication,
    admin: deps.accessAdmin,
    audit: deps.audit,
    clock: deps.clock,
    sessionTtlMs: deps.authSettings.sessionTtlMs,
    secureCookies: deps.authSettings.secureCookies,
  });
  registerRegistryRoutes(app, deps.registry);
  registerBaselineRoutes(app, deps.baselines, bodies);
  registerIngestRoutes(app, { ingest: deps.ingest, buffer: deps.buffer, bodies, limits: deps.limits });
  registerMonitoringRoutes(app, { monitoring: deps.monitoring, buffer: deps.buffer, clock: deps.clock });
  registerRoadmapRoutes(app, {
    roadmap: deps.roadmap,
    evaluations: deps.evaluations,
    compliance: deps.compliance,
  });
  registerOverviewRoutes(app, deps.overview);
  registerWebAssets(app);
  return Promise.resolve(app);
}
