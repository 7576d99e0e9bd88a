/** Builds a real app over a DuckDB store in a temp directory for HTTP tests (`inject` or listening). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { buildApp } from "../app/build-app.js";
import { createServices, type Services } from "../app/services.js";
import { configSchema, type ConfigInput } from "../config/config-schema.js";
import { createRandomIdGenerator } from "../registry/ids.js";
import { openDuckDbStore } from "../storage/duckdb/duckdb-store.js";
import { readFileRows } from "../storage/duckdb/file-row-reader.js";
import type { Store } from "../storage/store.js";

/** A test app and its parts. */
export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly services: Services;
  readonly dataDir: string;
  /** Makes /readyz report shutting down. */
  setShuttingDown(value: boolean): void;
  dispose(): Promise<void>;
}

/** Creates a test app; `wrapStore` may decorate the store (slow or failing writes). */
export async function createTestApp(
  options: {
    config?: ConfigInput;
    wrapStore?: (store: Store) => Store;
    /** Called with "METHOD /route/:pattern" after every response (route coverage). */
    onResponse?: (route: string) => void;
  } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "sextant-app-"));
  const config = configSchema.parse({ ...options.config, dataDir, demo: { enabled: false } });
  const rawStore = await openDuckDbStore({
    path: join(dataDir, "sextant.duckdb"),
    memoryLimit: "256MB",
    threads: 1,
  });
  const store = options.wrapStore?.(rawStore) ?? rawStore;
  const logger = pino({ level: "silent" });
  const clock = (): Date => new Date();
  const services = createServices({ store, logger, config, clock, ids: createRandomIdGenerator() });
  let shuttingDown = false;
  const app = await buildApp({
    logger,
    ...services,
    readiness: { checkStore: () => store.ping(), isShuttingDown: () => shuttingDown },
    clock,
    version: "test",
    tempDir: join(dataDir, "tmp"),
    readFileRows,
    limits: config.ingest,
  });
  const observe = options.onResponse;
  if (observe !== undefined) {
    app.addHook("onResponse", (request, _reply, done) => {
      observe(`${request.method} ${request.routeOptions.url ?? ""}`);
      done();
    });
  }
  return {
    app,
    store,
    services,
    dataDir,
    setShuttingDown(value) {
      shuttingDown = value;
    },
    async dispose() {
      await app.close();
      await services.buffer.drain();
      await rawStore.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
