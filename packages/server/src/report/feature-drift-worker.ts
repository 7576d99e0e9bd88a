/**
 * Worker-thread entry of the parallel feature drift (`feature-drift-runner.ts`): reads the current side
 * of a Parquet pair when asked (while the main thread reads the reference), then claims and scores
 * columns (read from shared memory) until none is left and posts their results. Errors are posted as a
 * reply, never thrown into the void.
 */
import { parentPort } from "node:worker_threads";
import type { DuckDbSession } from "../files/duckdb-session.js";
import type { ScoredFeature } from "./feature-drift.js";
import { primeFeatureScoring } from "./kernel-priming.js";
import {
  scoreClaimedColumns,
  type FeatureDriftReply,
  type FeatureDriftRequest,
} from "./feature-drift-runner.js";

const port = parentPort;
if (port === null) throw new Error("feature-drift-worker must run in a worker thread");

function reply(message: FeatureDriftReply): void {
  port!.postMessage(message);
}

/** A Parquet side's DuckDB opened ahead of the read request (`prepare-side`), by file path. */
let prepared: { readonly path: string; readonly session: Promise<DuckDbSession> } | undefined;

/** Whether priming is over: done, or skipped because real work began first (`kernel-priming.ts`). */
let primed = false;

function prime(): void {
  if (primed) return;
  primed = true;
  // A failed round (a bug) only leaves the loops unprimed.
  primeFeatureScoring();
}

/** Primes once the DuckDB being opened ahead is open (priming first would delay the open, then the read). */
function primeWhenIdle(): void {
  const opening = prepared?.session ?? Promise.resolve();
  opening.then(prime, prime);
}

function prepareSide(path: string): void {
  const session = import("../files/side-read.js").then((m) => m.openParquetSide(path));
  // A failure here only means the read opens its own session (and reports its own error).
  session.catch(() => undefined);
  prepared = { path, session };
}

/** The session prepared for `path`, or undefined (the read then opens one). */
function takePreparedSession(path: string): Promise<DuckDbSession> | undefined {
  const ahead = prepared;
  prepared = undefined;
  if (ahead === undefined) return undefined;
  if (ahead.path !== path) {
    void ahead.session.then(
      (s) => {
        s.close();
      },
      () => undefined,
    );
    return undefined;
  }
  return ahead.session.catch(async () => (await import("../files/side-read.js")).openParquetSide(path));
}

/**
 * The DuckDB a side was read with, closed once the worker has scored its columns: closing frees DuckDB's
 * buffers (several milliseconds), which would otherwise delay the read's reply or the scoring.
 */
let readSession: DuckDbSession | undefined;

function closeReadSession(): void {
  readSession?.close();
  readSession = undefined;
}

/** Reads a side on the worker's own DuckDB; loaded on first use, so scoring alone never loads DuckDB. */
async function readSide(request: FeatureDriftRequest & { type: "read-side" }): Promise<void> {
  try {
    const { readParquetSideAlone } = await import("../files/side-read.js");
    const opened = takePreparedSession(request.request.path);
    closeReadSession();
    const read = await readParquetSideAlone(request.request, opened, (session) => {
      readSession = session;
    });
    reply({ type: "side-read", read });
  } catch (error) {
    reply({ type: "side-read-failed", message: error instanceof Error ? error.message : String(error) });
  }
}

port.on("message", (request: FeatureDriftRequest) => {
  if (request.type === "prepare-side") {
    prepareSide(request.path);
    return;
  }
  if (request.type === "prime") {
    primeWhenIdle();
    return;
  }
  if (request.type === "read-side") {
    // Too late to prime: it would delay the read.
    primed = true;
    void readSide(request);
    return;
  }
  primed = true;
  try {
    const features: { index: number; feature: ScoredFeature }[] = [];
    scoreClaimedColumns({
      columns: request.columns.map((c) => c.column),
      order: request.columns.map((_, position) => position),
      claims: request.claims,
      settings: request.settings,
      sortInPlace: request.sortInPlace,
      onScored: (position, feature) => features.push({ index: request.columns[position]!.index, feature }),
    });
    reply({ type: "scored", features });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply({ type: "error", message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) });
  } finally {
    // Its columns are in shared memory: the DuckDB that read them is no longer needed.
    closeReadSession();
  }
});
