/**
 * The composition root: picks the store (DuckDB file or PostgreSQL, from config) with its coordination
 * (in-process, or leases and advisory locks in PostgreSQL), the real clock (a test entry may pass
 * another) and random ids, bootstraps the admin and seeds the demo on an empty store under a start-up
 * lock, builds the app for the process role, listens and starts the monitor scheduler when the role
 * runs it; shutdown stops intake, waits for the running scheduler tick, drains the ingest buffer and
 * closes the store. The only module that chooses adapters.
 */
import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { pino, type Logger } from "pino";
import { buildApp } from "./app/build-app.js";
import { bootstrapAdmin } from "./auth/bootstrap-admin.js";
import { logRedaction } from "./auth/log-redaction.js";
import { createServices } from "./app/services.js";
import type { Config } from "./config/config-schema.js";
import { seedDemoIfEmpty } from "./demo/seed-demo.js";
import { createRandomIdGenerator } from "./registry/ids.js";
import { ConfigError } from "./config/load-config.js";
import { openDuckDbStore } from "./storage/duckdb/duckdb-store.js";
import { openPostgresStore } from "./storage/postgres/postgres-store.js";
import type { Store } from "./storage/store.js";
import { createInProcessWorkLeases } from "./storage/in-process-work-leases.js";
import { createPgWorkLeases } from "./storage/postgres/pg-work-leases.js";
import type { WorkLeases } from "./storage/work-leases.js";
import { readFileRows } from "./storage/duckdb/file-row-reader.js";
import { serverVersion } from "./version.js";

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly logger: Logger;
  /** Graceful shutdown: stop accepting, finish requests, drain the buffer, close the store. */
  close(): Promise<void>;
}

/** The DuckDB file inside a data directory. */
export function toDatabasePath(dataDir: string): string {
  return join(dataDir, "sextant.duckdb");
}

/** Opens the store the configuration names: the DuckDB file in the data dir, or PostgreSQL. */
async function openConfiguredStore(config: Config): Promise<Store> {
  if (config.store === "postgres") {
    if (config.postgresUrl === undefined) {
      throw new ConfigError("postgresUrl (SEXTANT_POSTGRES_URL) is required when store is postgres");
    }
    return openPostgresStore({ url: config.postgresUrl, maxConnections: config.postgresMaxConnections });
  }
  return openDuckDbStore({
    path: toDatabasePath(config.dataDir),
    memoryLimit: config.duckdb.memoryLimit,
    threads: config.duckdb.threads,
    checkpointThreshold: config.duckdb.checkpointThreshold,
  });
}

/** Coordination of this process with others sharing the store (none for a DuckDB file). */
function openConfiguredLeases(config: Config, store: Store): WorkLeases {
  if (config.store !== "postgres" || config.postgresUrl === undefined)
    return createInProcessWorkLeases(store);
  return createPgWorkLeases({
    url: config.postgresUrl,
    holder: `${hostname()}:${process.pid}:${config.role}`,
  });
}

/** Whether the role runs the monitor scheduler, the delivery retries and the leader's housekeeping. */
function isSchedulerRole(role: Config["role"]): boolean {
  return role === "all" || role === "worker";
}

/** Starts a server from a parsed configuration; `clock` replaces the real clock (test entries only). */
export async function startServer(
  config: Config,
  options: { logger?: Logger; print?: (line: string) => void; clock?: () => Date } = {},
): Promise<RunningServer> {
  const logger =
    options.logger ?? pino({ level: config.logLevel, base: { service: "sextant" }, redact: logRedaction });
  const print = options.print ?? ((line: string): void => void process.stdout.write(`${line}\n`));
  await mkdir(config.dataDir, { recursive: true });
  const store = await openConfiguredStore(config);
  const leases = openConfiguredLeases(config, store);
  const clock = options.clock ?? ((): Date => new Date());
  const services = createServices({ store, logger, config, clock, ids: createRandomIdGenerator(), leases });
  let shuttingDown = false;
  let app: FastifyInstance | undefined;
  try {
    // Processes starting together against an empty database take turns: one creates the admin and
    // seeds the demo, the others then find them.
    await leases.runExclusively("startup", async () => {
      await bootstrapAdmin({
        store,
        admin: services.accessAdmin,
        audit: services.audit,
        clock,
        username: config.adminUsername,
        password: config.adminPassword,
        print,
      });
      if (config.demo.enabled) await seedDemoIfEmpty({ store, services, clock, logger, demo: config.demo });
    });
    app = await buildApp({
      logger,
      ...services,
      readiness: { checkStore: () => store.ping(), isShuttingDown: () => shuttingDown },
      clock,
      version: serverVersion,
      tempDir: join(config.dataDir, "tmp"),
      readFileRows,
      limits: config.ingest,
      role: config.role,
    });
    const address = await app.listen({ host: config.host, port: config.port });
    logger.info({ url: address, dataDir: config.dataDir, role: config.role }, "sextant server listening");
    // The timer-driven scheduler runs only here; tests drive `tick` with their own clock.
    if (isSchedulerRole(config.role))
      services.monitoring.scheduler.start(config.monitoring.schedulerIntervalMs);
    const listening = app;
    let closing: Promise<void> | undefined;
    return {
      url: address.replace("[::1]", "localhost"),
      app: listening,
      logger,
      close() {
        closing ??= (async () => {
          shuttingDown = true;
          await listening.close();
          await services.monitoring.scheduler.stop();
          await services.buffer.drain();
          await leases.close();
          await store.close();
          logger.info("sextant server stopped");
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close();
    await services.monitoring.scheduler.stop();
    await services.buffer.drain();
    await leases.close();
    await store.close();
    throw error;
  }
}

/** Closes the server on SIGINT/SIGTERM, forcing exit after `timeoutMs`; returns a remover. */
export function installShutdownSignals(
  server: RunningServer,
  timeoutMs: number,
  onDone: (code: number) => void,
): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    server.logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      server.logger.error({ timeoutMs }, "graceful shutdown timed out");
      onDone(1);
    }, timeoutMs);
    timer.unref();
    server.close().then(
      () => {
        clearTimeout(timer);
        onDone(0);
      },
      (error: unknown) => {
        server.logger.error({ err: error }, "shutdown failed");
        onDone(1);
      },
    );
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
