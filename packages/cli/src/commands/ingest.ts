/**
 * `sextant ingest FILE --model M`: sends a CSV, Parquet or JSON Lines file to a running server as
 * predictions (or labels/outcomes, or as a reference with `--reference NAME`), in chunks retried with
 * back-off on 429/503; with `--create` it first registers the model, a version and a schema inferred
 * from the file's first rows. It talks to the server only through `@sextant/sdk`.
 */
import { exitCodes } from "../exit-codes.js";
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  computeBackoffMs,
  createSextantClient,
  isRetryableIngestError,
  SextantApiError,
  type EventKind,
  type IngestResult,
  type SextantClient,
} from "@sextant/sdk";
import { createProgress } from "../progress-bar.js";
import { readFileChunks } from "./ingest-file-chunks.js";
import { ensureModelVersion, type IngestTarget } from "./ingest-target.js";

const usage = `Usage: sextant ingest FILE --model M [--version V] [--server URL] [--api-key KEY]

Sends FILE (CSV, Parquet or JSON Lines; by extension or --format) to a running Sextant server.
  --model M              model name or id (required)
  --version V            version name or id (default: the newest production version, else the newest)
  --kind K               predictions (default), labels or outcomes
  --reference NAME       store the file as a reference of the version instead of as events
  --server URL           default $SEXTANT_URL or http://127.0.0.1:8080
  --api-key KEY          default $SEXTANT_API_KEY (an API key, sent as Authorization: Bearer)
  --batch-rows N         rows per request for CSV and JSON Lines (default 5000)
  --partial              store the valid rows of a batch and list the invalid ones
  --create               create the model, version and schema (inferred from the first 1,000 rows) when missing
    --workspace SLUG     workspace of a new model (default "default", created when missing)
    --task T             binary (default), multiclass, regression or ranking
    --id-column C --timestamp-column C --prediction C --target C --segment C --protected C --outcome C
                         role hints for schema inference (the list flags repeat)
  -q, --quiet            no progress bar
Exit codes: 0 all rows stored, 2 usage, 3 the server refused the data or a row, 5 server unreachable or failing.`;

const exitServer = exitCodes.serverUnavailable;

const options = {
  model: { type: "string" },
  version: { type: "string" },
  kind: { type: "string", default: "predictions" },
  reference: { type: "string" },
  server: { type: "string" },
  "api-key": { type: "string" },
  format: { type: "string" },
  "batch-rows": { type: "string", default: "5000" },
  partial: { type: "boolean", default: false },
  create: { type: "boolean", default: false },
  workspace: { type: "string", default: "default" },
  task: { type: "string", default: "binary" },
  "id-column": { type: "string" },
  "timestamp-column": { type: "string" },
  prediction: { type: "string", multiple: true, default: [] as string[] },
  target: { type: "string", multiple: true, default: [] as string[] },
  segment: { type: "string", multiple: true, default: [] as string[] },
  protected: { type: "string", multiple: true, default: [] as string[] },
  outcome: { type: "string", multiple: true, default: [] as string[] },
  quiet: { type: "boolean", short: "q", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

type IngestFormat = "csv" | "jsonl" | "parquet";

function formatFromPath(path: string, flag: string | undefined): IngestFormat | undefined {
  const name = flag ?? path.toLowerCase().replace(/\.gz$/, "");
  if (/(^|\.)(csv)$/.test(name)) return "csv";
  if (/(^|\.)(jsonl|ndjson)$/.test(name)) return "jsonl";
  if (/(^|\.)(parquet|pq)$/.test(name)) return "parquet";
  return undefined;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Sends one request, retrying overload answers and network failures with back-off. */
async function sendWithRetries<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!isRetryableIngestError(error) || attempt >= 8) throw error;
      const waitMs = computeBackoffMs({
        attempt,
        error,
        initialBackoffMs: 250,
        maxBackoffMs: 30_000,
        random: Math.random,
      });
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

async function sendEvents(options: {
  client: SextantClient;
  target: IngestTarget;
  path: string;
  format: IngestFormat;
  kind: EventKind;
  batchRows: number;
  partial: boolean;
  quiet: boolean;
}): Promise<{ totals: IngestResult; firstRejections: string[] }> {
  const totals: IngestResult = { received: 0, accepted: 0, duplicates: 0, rejected: 0, rejectedRows: [] };
  const firstRejections: string[] = [];
  const add = (result: IngestResult, offset: number): void => {
    totals.received += result.received;
    totals.accepted += result.accepted;
    totals.duplicates += result.duplicates;
    totals.rejected += result.rejected;
    for (const rejected of result.rejectedRows.slice(0, 10 - firstRejections.length)) {
      firstRejections.push(
        `row ${offset + rejected.row + 1}: ${rejected.errors.map((e) => e.message).join("; ")}`,
      );
    }
  };
  const { client, target, path, kind, partial } = options;
  if (options.format === "parquet") {
    add(
      await sendWithRetries(() =>
        readFile(path).then((bytes) =>
          client.ingestFile(target.versionId, kind, bytes, "parquet", { partial }),
        ),
      ),
      0,
    );
    return { totals, firstRejections };
  }
  const totalBytes = (await stat(path)).size;
  const progress = createProgress(process.stderr, options.quiet);
  let doneBytes = 0;
  const format = options.format === "csv" ? "csv" : "ndjson";
  for await (const chunk of readFileChunks({
    path,
    format: options.format,
    rowsPerChunk: options.batchRows,
  })) {
    const offset = totals.received;
    add(
      await sendWithRetries(() => client.ingestFile(target.versionId, kind, chunk.text, format, { partial })),
      offset,
    );
    doneBytes += chunk.bytes;
    progress.update(doneBytes / Math.max(1, totalBytes), `${totals.received.toLocaleString("en")} rows`);
  }
  progress.done();
  return { totals, firstRejections };
}

function describeApiError(error: SextantApiError): string {
  const details = (error.problem.errors ?? []).slice(0, 10).map((e) => `\n  ${e.path}: ${e.message}`);
  return `${error.problem.code} (${error.status}): ${error.problem.detail}${details.join("")}`;
}

/** Runs `sextant ingest`; resolves with the exit code. */
export async function runIngestCommand(args: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    log(`sextant ingest: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const path = positionals[0];
  const format = path === undefined ? undefined : formatFromPath(path, values.format);
  const kind = values.kind as EventKind;
  const batchRows = Number(values["batch-rows"]);
  const problem =
    path === undefined || positionals.length > 1
      ? "give exactly one FILE"
      : values.model === undefined
        ? "--model is required"
        : format === undefined
          ? `cannot tell the format of ${path}: use --format csv|parquet|jsonl`
          : !["predictions", "labels", "outcomes"].includes(kind)
            ? `--kind must be predictions, labels or outcomes, not "${kind}"`
            : !Number.isInteger(batchRows) || batchRows < 1 || batchRows > 100_000
              ? "--batch-rows must be an integer from 1 to 100000"
              : undefined;
  if (problem !== undefined || path === undefined || format === undefined || values.model === undefined) {
    log(`sextant ingest: ${problem ?? "invalid arguments"}\n\n${usage}`);
    return 2;
  }
  const fileSize = await stat(path)
    .then((info) => info.size)
    .catch(() => undefined);
  if (fileSize === undefined) {
    log(`sextant ingest: input error [FILE_NOT_FOUND]: cannot read ${path}`);
    return 3;
  }
  const apiKey = values["api-key"] ?? process.env.SEXTANT_API_KEY ?? process.env.SEXTANT_ADMIN_API_KEY;
  const client = createSextantClient({
    baseUrl: values.server ?? process.env.SEXTANT_URL ?? "http://127.0.0.1:8080",
    ...(apiKey === undefined ? {} : { apiKey }),
  });
  try {
    const target = await ensureModelVersion({ client, path, format, values, log });
    if (values.reference !== undefined) {
      const bytes = await readFile(path);
      const referenceFormat = format === "jsonl" ? "ndjson" : format;
      const reference = await client.uploadReference(target.versionId, bytes, {
        name: values.reference,
        format: referenceFormat,
      });
      log(
        `Stored reference "${reference.name}" (${reference.id}) of ${target.label}: ${(reference.rowCount ?? 0).toLocaleString("en")} rows`,
      );
      return 0;
    }
    const { totals, firstRejections } = await sendEvents({
      client,
      target,
      path,
      format,
      kind,
      batchRows,
      partial: values.partial,
      quiet: values.quiet,
    });
    log(
      `Sent ${totals.received.toLocaleString("en")} ${kind} to ${target.label}: ${totals.accepted.toLocaleString("en")} stored, ` +
        `${totals.duplicates.toLocaleString("en")} duplicates ignored, ${totals.rejected.toLocaleString("en")} rejected`,
    );
    for (const line of firstRejections) log(`  ${line}`);
    return totals.rejected > 0 ? 3 : 0;
  } catch (error) {
    if (error instanceof SextantApiError) {
      log(`sextant ingest: the server refused: ${describeApiError(error)}`);
      return error.status >= 500 || error.status === 429 ? exitServer : 3;
    }
    if (isRetryableIngestError(error)) {
      log(
        `sextant ingest: cannot reach the server: ${(error as Error).message} ${(error as { cause?: { message?: string } }).cause?.message ?? ""}`.trimEnd(),
      );
      return exitServer;
    }
    throw error;
  }
}
