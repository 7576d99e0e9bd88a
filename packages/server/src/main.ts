/**
 * The composition root: picks the store (DuckDB file or PostgreSQL, from config), the real clock and
 * random ids, seeds the demo on an empty data dir, builds the app, listens and starts the monitor
 * scheduler; shutdown stops intake, waits for the running scheduler tick, drains the ingest buffer and
 * closes the store. The only module that chooses adapters.
 */
import { mkdir } from "node:fs/promises";
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
  });
}

/** Starts a server from a parsed configuration. */
export async function startServer(
  config: Config,
  options: { logger?: Logger; print?: (line: string) => void } = {},
): Promise<RunningServer> {
  const logger =
    options.logger ?? pino({ level: config.logLevel, base: { service: "sextant" }, redact: logRedaction });
  const print = options.print ?? ((line: string): void => void process.stdout.write(`${line}\n`));
  await mkdir(config.dataDir, { recursive: true });
  const store = await openConfiguredStore(config);
  const clock = (): Date => new Date();
  const services = createServices({ store, logger, config, clock, ids: createRandomIdGenerator() });
  let shuttingDown = false;
  let app: FastifyInstance | undefined;
  try {
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
    app = await buildApp({
      logger,
      ...services,
      readiness: { checkStore: () => store.ping(), isShuttingDown: () => shuttingDown },
      clock,
      version: serverVersion,
      tempDir: join(config.dataDir, "tmp"),
      readFileRows,
      limits: config.ingest,
    });
    const address = await app.listen({ host: config.host, port: config.port });
    logger.info({ url: address, dataDir: config.dataDir }, "sextant server listening");
    // The real-clock scheduler runs only here; tests drive `tick` with their own clock.
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
