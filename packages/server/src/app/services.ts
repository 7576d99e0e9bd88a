/** Assembles the services over a store; shared by main.ts and the tests so both wire them the same way. */
import type { Logger } from "pino";
import { createAuthServices, type AuthServices } from "../auth/auth-services.js";
import type { Config } from "../config/config-schema.js";
import { createIngestBuffer, type IngestBuffer } from "../ingest/ingest-buffer.js";
import { createIngestService, type IngestService } from "../ingest/ingest-service.js";
import { createBaselineService, type BaselineService } from "../registry/baseline-service.js";
import type { IdGenerator } from "../registry/ids.js";
import { createRegistryService, type RegistryService } from "../registry/registry-service.js";
import type { Store } from "../storage/store.js";

/** The services of one server. */
export interface Services extends AuthServices {
  readonly registry: RegistryService;
  readonly baselines: BaselineService;
  readonly ingest: IngestService;
  readonly buffer: IngestBuffer;
}

/** Creates the services over a store with the configured ingest limits. */
export function createServices(options: {
  readonly store: Store;
  readonly logger: Logger;
  readonly config: Config;
  readonly clock: () => Date;
  readonly ids: IdGenerator;
}): Services {
  const { store, clock, ids, config } = options;
  const buffer = createIngestBuffer({
    store,
    logger: options.logger,
    maxBufferedRows: config.ingest.maxBufferedRows,
    maxRowsPerFlush: config.ingest.maxRowsPerFlush,
    retryAfterSeconds: config.ingest.retryAfterSeconds,
  });
  const registry = createRegistryService({ store, ids, clock });
  const maxReportedErrors = config.ingest.maxReportedErrors;
  const ingest = createIngestService({ store, registry, buffer, clock, maxReportedErrors });
  const baselines = createBaselineService({ store, ids, clock, registry, ingest, maxReportedErrors });
  return { registry, baselines, ingest, buffer, ...createAuthServices({ store, config, clock, ids }) };
}
