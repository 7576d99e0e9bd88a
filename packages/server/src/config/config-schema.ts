/**
 * The server configuration as a zod schema; every field carries a description that `--help` and
 * docs/server.md show. Layering (defaults < file < SEXTANT_* env < flags) lives in load-config.ts.
 */
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
/** A DuckDB size setting such as 1GB or 512MiB. */
const byteSize = z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, "e.g. 1GB or 512MiB");
const booleanString = z.union([
  z.boolean(),
  z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1"),
]);

/** The whole server configuration. */
export const configSchema = z
  .object({
    dataDir: z
      .string()
      .min(1)
      .default(".sextant")
      .describe("directory holding the DuckDB file and temporary uploads; created when missing"),
    host: z.string().default("127.0.0.1").describe("interface to listen on (0.0.0.0 for all)"),
    port: port.default(8080).describe("TCP port to listen on (0 picks a free one)"),
    logLevel: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info")
      .describe("pino log level"),
    shutdownTimeoutMs: positiveInt
      .default(15_000)
      .describe("how long a graceful shutdown may take before the process exits anyway"),
    duckdb: z
      .object({
        memoryLimit: byteSize.default("1GB").describe("DuckDB memory_limit"),
        threads: positiveInt.max(256).default(2).describe("DuckDB worker threads"),
        checkpointThreshold: byteSize
          .default("256MB")
          .describe(
            "write-ahead log size that triggers a checkpoint; larger means fewer ingest stalls and a longer replay after a crash",
          ),
      })
      .prefault({})
      .describe("embedded DuckDB store"),
    store: z
      .enum(["duckdb", "postgres"])
      .default("duckdb")
      .describe("where data lives: a DuckDB file in dataDir (one process), or a shared PostgreSQL database"),
    role: z
      .enum(["all", "api", "ingest", "worker"])
      .default("all")
      .describe(
        "what this process serves: api (REST without ingest), ingest (ingest routes), worker (monitor scheduler and alert deliveries) or all; roles other than all need store postgres",
      ),
    postgresUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "e.g. postgres://sextant@db.internal:5432/sextant")
      .optional()
      .describe("PostgreSQL connection URL, required when store is postgres (prefer the environment)"),
    postgresMaxConnections: positiveInt
      .max(1000)
      .default(10)
      .describe("PostgreSQL connections this process may hold"),
    ingest: z
      .object({
        maxBufferedRows: positiveInt
          .default(50_000)
          .describe("rows waiting to be written; beyond this ingest answers 503 INGEST_BUFFER_FULL"),
        maxRowsPerFlush: positiveInt
          .default(20_000)
          .describe("rows written in one transaction (one commit acknowledges them all)"),
        maxConcurrentRequests: positiveInt
          .default(32)
          .describe("ingest requests being read at once; more are refused with 503"),
        maxBodyBytes: positiveInt
          .default(32 * 1024 * 1024)
          .describe("largest JSON or NDJSON ingest body, in bytes"),
        maxUploadBytes: positiveInt
          .default(512 * 1024 * 1024)
          .describe("largest CSV or Parquet upload, in bytes"),
        retryAfterSeconds: positiveInt.default(1).describe("Retry-After sent with 503 INGEST_BUFFER_FULL"),
        maxReportedErrors: positiveInt
          .default(100)
          .describe("field errors listed in a 422 body or rejected rows listed in a partial result"),
        concurrentFlushes: z.coerce
          .number()
          .int()
          .min(0)
          .max(16)
          .default(0)
          .describe(
            "ingest transactions written at once; 0 = automatic (1 with DuckDB's single writer, 2 with PostgreSQL, whose commits wait on the disk)",
          ),
        registryCacheMs: z.coerce
          .number()
          .int()
          .min(0)
          .default(1000)
          .describe(
            "how long a version or model read is reused by this process (0 = off); another process's change is seen within it",
          ),
      })
      .prefault({})
      .describe("ingest buffer and limits"),
    trustProxy: booleanString
      .default(false)
      .describe(
        "trust X-Forwarded-For/-Proto from a reverse proxy (client address, Secure cookies behind TLS)",
      ),
    adminUsername: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/)
      .default("admin")
      .describe("username of the organisation admin created on first start"),
    adminPassword: z
      .string()
      .min(12)
      .optional()
      .describe(
        "password of the first-start admin (prefer the environment); generated and printed once when unset",
      ),
    adminApiKey: z
      .string()
      .min(32)
      .optional()
      .describe(
        "bootstrap organisation-admin API key for automation (prefer the environment; at least 32 chars)",
      ),
    auth: z
      .object({
        sessionTtlHours: positiveInt
          .max(24 * 30)
          .default(12)
          .describe("lifetime of a sign-in session, in hours"),
        secureCookies: z
          .enum(["auto", "always", "never"])
          .default("auto")
          .describe("Secure flag on cookies: auto = when the request came over TLS (see trustProxy)"),
        loginFreeAttempts: positiveInt
          .default(5)
          .describe("failed sign-ins per username or address before back-off"),
        loginBackoffBaseMs: positiveInt
          .default(1000)
          .describe("first back-off wait; doubles with each further failure"),
        loginBackoffMaxMs: positiveInt.default(15 * 60 * 1000).describe("longest back-off wait"),
      })
      .prefault({})
      .describe("sessions, cookies and sign-in rate limiting"),
    monitoring: z
      .object({
        schedulerIntervalMs: positiveInt
          .default(60_000)
          .describe("how often the scheduler evaluates due monitors and retries deliveries, in ms"),
        outboundAllowList: z
          .union([
            z.array(z.string().min(1)),
            z.string().transform((list) =>
              list
                .split(",")
                .map((entry) => entry.trim())
                .filter((entry) => entry !== ""),
            ),
          ])
          .default([])
          .describe(
            "hosts or IP addresses alert channels may reach although internal (comma-separated), e.g. 127.0.0.1",
          ),
        deliveryMaxAttempts: positiveInt
          .default(5)
          .describe("attempts of a notification before it becomes a dead letter"),
        deliveryBackoffMs: positiveInt
          .default(30_000)
          .describe("wait before the first retry of a notification; doubles with each attempt"),
        leaseTtlMs: positiveInt
          .min(500)
          .default(60_000)
          .describe(
            "how long a worker's claim on a monitor lasts unless renewed; a crashed worker's monitors are taken over after it",
          ),
      })
      .prefault({})
      .describe("monitor scheduler and alert channels"),
    retention: z
      .object({
        rawEventsDays: z.coerce
          .number()
          .int()
          .min(0)
          .max(36_500)
          .default(90)
          .describe(
            "days raw predictions, labels and outcomes are kept (by event time); 0 keeps them forever; results, incidents and profiles are kept",
          ),
        intervalMs: positiveInt
          .default(3_600_000)
          .describe("how often the leader process deletes expired raw events, in ms"),
      })
      .prefault({})
      .describe("retention of raw events"),
    roadmap: z
      .object({
        deploymentMode: z
          .enum(["self_hosted_onprem", "self_hosted_cloud", "unknown"])
          .default("unknown")
          .describe(
            "where this installation runs, for the roadmap's data-residency facts (the server cannot tell on-premises from a cloud account)",
          ),
        assessmentIntervalDays: z.coerce
          .number()
          .int()
          .min(0)
          .max(365)
          .default(7)
          .describe(
            "days between scheduled roadmap assessments once the questionnaire is saved (the trend); 0 = only on demand",
          ),
      })
      .prefault({})
      .describe("roadmap & maturity facts the server cannot observe"),
    demo: z
      .object({
        enabled: booleanString.default(true).describe("seed the demo workspace when the data dir is empty"),
        seed: z.coerce.number().int().default(20_261_130).describe("seed of the demo data generator"),
        days: positiveInt.max(365).default(30).describe("days of demo traffic"),
        predictionsPerHour: positiveInt.max(100_000).default(400).describe("mean demo predictions per hour"),
      })
      .prefault({})
      .describe("demo data seeded into an empty data dir"),
  })
  .strict()
  .superRefine((config, context) => {
    // One process owns a DuckDB file, so the split roles exist only over a shared PostgreSQL database.
    if (config.store === "duckdb" && config.role !== "all") {
      context.addIssue({
        code: "custom",
        path: ["role"],
        message: `role ${config.role} needs store postgres (a DuckDB file is owned by one process running role all)`,
      });
    }
  });

/** The parsed configuration. */
export type Config = z.infer<typeof configSchema>;

/** The configuration input (what a JSON file, the environment and flags may set). */
export type ConfigInput = z.input<typeof configSchema>;

/** What one process serves (see docs/deploy.md). */
export type ServerRole = Config["role"];
