/**
 * The pipeline `report` and `check` share: read the schema file, load both files through the server's
 * batch entry (imported lazily, so `--help` and usage errors never load DuckDB), print the inferred
 * schema, compute the report and write the requested outputs.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { parseDatasetSchema, toSchemaDocument, type DatasetRoles, type DatasetSchema } from "@sextant/core";
import type { FeatureDriftWorker, LoadedDatasets, ReportDocument } from "@sextant/server/report";
import { createProgress, type Progress } from "./progress-bar.js";
import type { ReportInvocation } from "./report-args.js";

/** Where human-readable output goes (stderr, so stdout can carry `--json -`). */
export interface CliOutput {
  readonly log: (line: string) => void;
  readonly stdout: (text: string) => void;
}

/** The tool version written into reports. */
export const toolVersion = "0.1.0";

async function loadSchemaFile(path: string): Promise<DatasetSchema> {
  const { InputError } = await import("@sextant/server/report");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InputError("FILE_NOT_FOUND", `schema file cannot be read: ${path}`);
  }
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(path) ? (await import("yaml")).parse(text) : JSON.parse(text);
  } catch (error) {
    throw new InputError(
      "SCHEMA_INVALID",
      `schema file ${path} is not valid ${/\.ya?ml$/i.test(path) ? "YAML" : "JSON"}: ${(error as Error).message}`,
    );
  }
  const parsed = parseDatasetSchema(raw);
  if (!parsed.ok) throw new InputError("SCHEMA_INVALID", `schema file ${path}: ${parsed.error}`);
  return parsed.schema;
}

function mergeRoles(fromFile: DatasetRoles | undefined, run: ReportInvocation): DatasetRoles {
  const base = fromFile ?? { segments: [], protected: [] };
  const proba = run.predictionProba.length > 0 ? run.predictionProba : base.predictionProba;
  const target = run.target ?? base.target;
  const prediction = run.prediction ?? base.prediction;
  const id = run.id ?? base.id;
  const timestamp = run.timestamp ?? base.timestamp;
  return {
    ...(target === undefined ? {} : { target }),
    ...(prediction === undefined ? {} : { prediction }),
    ...(proba === undefined || proba.length === 0 ? {} : { predictionProba: proba }),
    ...(id === undefined ? {} : { id }),
    ...(timestamp === undefined ? {} : { timestamp }),
    segments: run.segments.length > 0 ? run.segments : [...base.segments],
    protected: run.protected.length > 0 ? run.protected : [...base.protected],
  };
}

function printSchema(data: LoadedDatasets, out: CliOutput): void {
  const width = Math.max(6, ...data.inference.map((c) => c.name.length));
  out.log(
    `schema (${data.inference.filter((c) => c.source === "override").length} set by you, the rest inferred; override with --column-type COL=KIND or --schema FILE):`,
  );
  for (const c of data.inference) {
    out.log(
      `  ${c.name.padEnd(width)}  ${(c.kind ?? "-").padEnd(11)}  ${c.source === "override" ? "set by user" : c.reason}`,
    );
  }
}

async function writeOutput(path: string, text: string, out: CliOutput, quiet: boolean): Promise<void> {
  if (path === "-") {
    out.stdout(text);
    return;
  }
  await writeFile(path, text);
  if (!quiet) out.log(`wrote ${path} (${(Buffer.byteLength(text) / 1024).toFixed(0)} kB)`);
}

/**
 * Inputs this large (both files, in bytes) start the feature drift worker thread before reading, so its
 * start-up overlaps DuckDB's scan; the report still uses it only when the data turn out large enough.
 */
export const minFileBytesForEarlyWorker = 8_000_000;

async function startWorkerEarly(
  server: ReportServer,
  run: ReportInvocation,
): Promise<FeatureDriftWorker | undefined> {
  const sizes = await Promise.all([stat(run.reference), stat(run.current)]).catch(() => undefined);
  const bytes = sizes === undefined ? 0 : sizes[0].size + sizes[1].size;
  if (bytes < minFileBytesForEarlyWorker) return undefined;
  const worker = server.startFeatureDriftWorker();
  // The worker reads a Parquet current file: it opens its DuckDB on it while this thread profiles both.
  if (worker !== undefined && isParquet(server, run)) worker.prepareSideRead(run.current);
  return worker;
}

function isParquet(server: ReportServer, run: ReportInvocation): boolean {
  try {
    return server.selectFileFormat(run.current, run.format) === "parquet";
  } catch {
    return false; // An unknown extension is reported by loadDatasets.
  }
}

type ReportServer = typeof import("@sextant/server/report");

async function loadInputs(
  server: ReportServer,
  run: ReportInvocation,
  out: CliOutput,
  progress: Progress,
  worker: FeatureDriftWorker | undefined,
  releaseSession: (close: () => void) => void,
) {
  const fromFile = run.schemaFile === undefined ? undefined : await loadSchemaFile(run.schemaFile);
  let loading = true;
  const load = server.loadDatasets({
    referencePath: run.reference,
    currentPath: run.current,
    ...(run.format === undefined ? {} : { format: run.format }),
    kindOverrides: { ...(fromFile?.columns ?? {}), ...run.columnTypes },
    roles: mergeRoles(fromFile?.roles, run),
    namedColumns: [...Object.keys(run.driftMethods), ...Object.keys(run.thresholds.byColumn ?? {})],
    strict: run.strict,
    allowTypeErrors: run.allowTypeErrors,
    onProgress: progress.update,
    // A worker started early reads the current file while this thread reads the reference; from a few
    // hundred thousand rows, both threads prime their report loops while they wait for DuckDB.
    ...(worker === undefined
      ? {}
      : {
          readSideElsewhere: worker.readSide,
          whileProfiling: (rows: { reference: number; current: number }) => {
            if (Math.min(rows.reference, rows.current) < server.minRowsForPriming) return;
            server.primeFeatureScoring();
            // After this thread's priming, so the two do not compete for the cores with DuckDB's scan.
            worker.prime();
            void server.primePerformanceInSteps(() => loading);
          },
        }),
    releaseSession,
  });
  const data = await load.finally(() => {
    loading = false;
  });
  progress.done();
  if (!run.quiet) {
    printSchema(data, out);
    for (const w of data.warnings) out.log(`warning: ${w}`);
  }
  if (run.saveSchemaFile !== undefined)
    await writeOutput(
      run.saveSchemaFile,
      `${JSON.stringify(toSchemaDocument(data.schema), null, 2)}\n`,
      out,
      run.quiet,
    );
  return data;
}

async function writeReport(input: {
  server: ReportServer;
  report: ReportDocument;
  run: ReportInvocation;
  out: CliOutput;
  defaultHtml: string | undefined;
}): Promise<void> {
  const { server, report, run, out } = input;
  const html =
    run.html ?? (run.json === undefined && run.markdown === undefined ? input.defaultHtml : undefined);
  if (html !== undefined) await writeOutput(html, server.renderReportHtml(report), out, run.quiet);
  if (run.json !== undefined) await writeOutput(run.json, server.renderReportJson(report), out, run.quiet);
  if (run.markdown !== undefined)
    await writeOutput(run.markdown, server.renderReportMarkdown(report), out, run.quiet);
  if (!run.quiet) {
    const d = report.dataset;
    out.log(
      `dataset drift: ${d.drifted ? "DETECTED" : "not detected"} (${d.drifted_count}/${d.column_count} columns drifted${d.drifted_count > 0 ? `: ${report.summary.drifted_columns.join(", ")}` : ""})`,
    );
  }
}

/** Loads, computes and writes a report; returns the document for `check`. */
export async function runReport(
  run: ReportInvocation,
  out: CliOutput,
  options: { defaultHtml: string | undefined },
): Promise<ReportDocument> {
  const progress = createProgress(process.stderr, run.quiet);
  const server = await import("@sextant/server/report");
  const earlyWorker = await startWorkerEarly(server, run);
  const releases: (() => void)[] = [];
  try {
    const data = await loadInputs(server, run, out, progress, earlyWorker, (close) => releases.push(close));
    const report = await server.buildReport(data, {
      drift: {
        policy: run.policy,
        correction: run.correction,
        methodByColumn: run.driftMethods,
        thresholds: run.thresholds,
        driftShareThreshold: run.driftShareThreshold,
      },
      toolVersion,
      generatedAt: new Date(),
      onProgress: progress.update,
      startWorker: () => earlyWorker ?? server.startFeatureDriftWorker(),
    });
    progress.done();
    await writeReport({ server, report, run, out, defaultHtml: options.defaultHtml });
    return report;
  } finally {
    earlyWorker?.terminate();
    // DuckDB's session is closed once the event loop turns again: the `sextant` binary exits before that
    // (main.ts), so the process skips freeing buffers it is about to give back anyway; in-process callers
    // (tests) still have it closed.
    setImmediate(() => {
      for (const release of releases) release();
    });
  }
}
