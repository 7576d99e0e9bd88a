/** Builds a real app over a DuckDB store in a temp directory for HTTP tests (`inject` or listening). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { pino, type Logger } from "pino";
import { buildApp } from "../app/build-app.js";
import { bootstrapAdmin } from "../auth/bootstrap-admin.js";
import type { ResourceResolvers } from "../auth/resource-resolvers.js";
import { createServices, type Services } from "../app/services.js";
import { configSchema, type ConfigInput, type ServerRole } from "../config/config-schema.js";
import { createRandomIdGenerator } from "../registry/ids.js";
import { openDuckDbStore } from "../storage/duckdb/duckdb-store.js";
import { readFileRows } from "../storage/duckdb/file-row-reader.js";
import type { Store } from "../storage/store.js";

/** The bootstrap organisation-admin API key of every test app (and of spawned test servers). */
export const testAdminApiKey = "sxk_test-admin-key-0123456789abcdefghijklmnop";

/** The password of the bootstrap admin user `admin` of every test app. */
export const testAdminPassword = "test-admin-password-1234";

/** Authorization header of the bootstrap admin key. */
export const testAdminHeaders: Readonly<Record<string, string>> = {
  authorization: `Bearer ${testAdminApiKey}`,
};

/**
 * Sends the bootstrap admin key with every `inject` that sets neither an Authorization nor a Cookie
 * header, so route tests run authenticated by default; set `authorization: ""` to call anonymously.
 */
function injectAsAdminByDefault(app: FastifyInstance): void {
  const inject = app.inject.bind(app) as (
    options: InjectOptions | string,
  ) => ReturnType<FastifyInstance["inject"]>;
  const withAuth = (options: InjectOptions | string): InjectOptions | string => {
    const request = typeof options === "string" ? { url: options } : options;
    const headers = request.headers ?? {};
    if ("authorization" in headers || "cookie" in headers) return options;
    return { ...request, headers: { ...headers, ...testAdminHeaders } };
  };
  (app as { inject: unknown }).inject = (options: InjectOptions | string) => inject(withAuth(options));
}

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
    /** "admin" (default): inject sends the bootstrap admin key unless a request sets its own credentials. */
    auth?: "admin" | "none";
    /** Replaces or adds resource resolvers (the access-matrix test maps synthetic ids of some kinds). */
    resolvers?: (defaults: ResourceResolvers) => ResourceResolvers;
    /** A logger to capture output (default: silent). */
    logger?: Logger;
    /** The process role whose routes the app serves (default all; the DuckDB config itself allows only all). */
    role?: ServerRole;
  } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "sextant-app-"));
  const config = configSchema.parse({
    adminApiKey: testAdminApiKey,
    adminPassword: testAdminPassword,
    ...options.config,
    dataDir,
    demo: { enabled: false },
  });
  const rawStore = await openDuckDbStore({
    path: join(dataDir, "sextant.duckdb"),
    memoryLimit: "256MB",
    threads: 1,
  });
  const store = options.wrapStore?.(rawStore) ?? rawStore;
  const logger = options.logger ?? pino({ level: "silent" });
  const clock = (): Date => new Date();
  const services = createServices({ store, logger, config, clock, ids: createRandomIdGenerator() });
  await bootstrapAdmin({
    store,
    admin: services.accessAdmin,
    audit: services.audit,
    clock,
    username: config.adminUsername,
    password: config.adminPassword,
    print: () => undefined,
  });
  let shuttingDown = false;
  const app = await buildApp({
    logger,
    ...services,
    resolvers: options.resolvers?.(services.resolvers) ?? services.resolvers,
    readiness: { checkStore: () => store.ping(), isShuttingDown: () => shuttingDown },
    clock,
    version: "test",
    tempDir: join(dataDir, "tmp"),
    readFileRows,
    limits: config.ingest,
    ...(options.role === undefined ? {} : { role: options.role }),
  });
  if (options.auth !== "none") injectAsAdminByDefault(app);
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
