/**
 * Runs the feature drift section in the calling thread or together with a worker thread: both threads
 * claim the numeric columns, largest first, from one shared counter and score what they claim from the
 * shared-memory columns (no copy). The worker starts at once, this thread once it has done the other
 * report sections, so neither waits long for the other whatever the columns cost on this machine (a
 * fixed split would have to guess). Only the small results cross threads.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DriftColumn, PreparedColumn } from "@sextant/core";
import type { SideRead, SideReadRequest, SideReader } from "../files/side-read.js";
import type { DriftSettings } from "./drift-section.js";
import {
  estimateSortingWork,
  orderSharedColumns,
  scoreFeature,
  summariseFeatureDrift,
  type FeatureDriftSection,
  type ScoredFeature,
} from "./feature-drift.js";

/** Messages to the worker: read the current side of the input (while this thread reads the reference), then score. */
export type FeatureDriftRequest =
  /** Opens the worker's DuckDB on the Parquet file at `path` ahead of its `read-side` request. */
  | { readonly type: "prepare-side"; readonly path: string }
  /** Primes the feature scoring loops (`kernel-priming.ts`) once idle, unless real work comes first. */
  | { readonly type: "prime" }
  | { readonly type: "read-side"; readonly request: SideReadRequest }
  | {
      readonly type: "start";
      readonly settings: DriftSettings;
      /** The columns to share, in claiming order. */
      readonly columns: readonly { readonly index: number; readonly column: DriftColumn }[];
      /** Shared counter: each thread claims the next position of `columns` by incrementing it. */
      readonly claims: Int32Array;
      /** The numeric sides may be sorted in place (shared memory: the caller's arrays change order). */
      readonly sortInPlace: boolean;
    };

/** The worker's replies: a side read (or why not), the columns it scored, or the error that stopped it. */
export type FeatureDriftReply =
  | { readonly type: "side-read"; readonly read: SideRead }
  | { readonly type: "side-read-failed"; readonly message: string }
  | {
      readonly type: "scored";
      readonly features: readonly { readonly index: number; readonly feature: ScoredFeature }[];
    }
  | { readonly type: "error"; readonly message: string; readonly stack?: string };

/** A started worker thread for one report. */
export interface FeatureDriftWorker {
  readonly post: (request: FeatureDriftRequest) => void;
  /** Opens the worker's DuckDB on the Parquet file at `path` now, so a later `readSide` of it starts at once. */
  readonly prepareSideRead: (path: string) => void;
  /** Has the worker prime its feature scoring while it waits (large inputs: it pays from a few 100k rows). */
  readonly prime: () => void;
  /** Reads a Parquet side in the worker, on a DuckDB of its own. */
  readonly readSide: SideReader;
  /** Settles with the worker's scores; rejects when it fails or exits first. */
  readonly reply: Promise<FeatureDriftReply & { type: "scored" }>;
  readonly terminate: () => void;
}

/** Values to sort below which a second thread costs more (its start-up) than it saves. */
export const minSortingWorkForWorker = 1_000_000;

/** True when splitting the feature drift of `columns` with a worker thread is worth its start-up. */
export function isWorkerWorthwhile(columns: readonly DriftColumn[]): boolean {
  return columns.reduce((s, c) => s + estimateSortingWork(c), 0) >= minSortingWorkForWorker;
}

/** The worker script next to this module (tsc output and the CLI bundle both place it there). */
export const featureDriftWorkerUrl = new URL("./feature-drift-worker.js", import.meta.url);

function toWorkerError(reply: { readonly message: string; readonly stack?: string }): Error {
  const error = new Error(`feature drift worker failed: ${reply.message}`);
  if (reply.stack !== undefined) error.stack = reply.stack;
  return error;
}

/**
 * Starts a worker thread, or returns undefined when there is no compiled worker script (running from
 * TypeScript sources), so the caller computes everything itself. `create` builds the thread instead
 * (tests start the TypeScript source through tsx).
 */
export function startFeatureDriftWorker(create?: () => Worker): FeatureDriftWorker | undefined {
  if (create === undefined && !existsSync(fileURLToPath(featureDriftWorkerUrl))) return undefined;
  const worker = create === undefined ? new Worker(featureDriftWorkerUrl) : create();
  const sideReads: { resolve: (read: SideRead) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | undefined;
  const reply = new Promise<FeatureDriftReply & { type: "scored" }>((resolve, reject) => {
    const fail = (error: Error) => {
      failure ??= error;
      for (const pending of sideReads.splice(0)) pending.reject(failure);
      reject(failure);
    };
    worker.on("message", (message: FeatureDriftReply) => {
      if (message.type === "side-read") sideReads.shift()?.resolve(message.read);
      else if (message.type === "side-read-failed") sideReads.shift()?.reject(new Error(message.message));
      else if (message.type === "error") fail(toWorkerError(message));
      else resolve(message);
    });
    worker.once("error", fail);
    worker.once("exit", (code) => {
      fail(new Error(`feature drift worker exited with code ${code}`));
    });
  });
  // The caller may never wait for a reply (an input error on the way); an unhandled rejection must not follow.
  reply.catch(() => undefined);
  return {
    post: (request) => {
      worker.postMessage(request);
    },
    prepareSideRead: (path) => {
      worker.postMessage({ type: "prepare-side", path } satisfies FeatureDriftRequest);
    },
    prime: () => {
      worker.postMessage({ type: "prime" } satisfies FeatureDriftRequest);
    },
    readSide: (request) =>
      new Promise<SideRead>((resolve, reject) => {
        if (failure !== undefined) {
          reject(failure);
          return;
        }
        sideReads.push({ resolve, reject });
        worker.postMessage({ type: "read-side", request } satisfies FeatureDriftRequest);
      }),
    reply,
    terminate: () => void worker.terminate(),
  };
}

/** The feature drift section and the prepared embedding columns (kept in the calling thread). */
export interface FeatureDriftResult {
  readonly section: FeatureDriftSection;
  readonly embeddings: readonly PreparedColumn[];
}

/** Scores the columns at the positions of `order` this thread claims from `claims`. */
export function scoreClaimedColumns(input: {
  readonly columns: readonly DriftColumn[];
  readonly order: readonly number[];
  readonly claims: Int32Array;
  readonly settings: DriftSettings;
  readonly sortInPlace: boolean;
  readonly onScored: (index: number, feature: ScoredFeature) => void;
}): void {
  for (;;) {
    const position = Atomics.add(input.claims, 0, 1);
    if (position >= input.order.length) return;
    const index = input.order[position]!;
    input.onScored(index, scoreFeature(input.columns[index]!, input.settings, input.sortInPlace).scored);
  }
}

/**
 * Computes the feature drift of `columns` (in feature order). With a worker, the numeric columns are
 * posted at once and the worker starts claiming them; this thread joins only once the caller awaits
 * (after its other work), and scores the other columns (categorical, embedding) itself. With
 * `sortInPlace` the numeric columns' arrays are sorted where they are: only for a caller that needs none
 * of them in row order any more from the moment this is called (the worker starts at once).
 */
export async function runFeatureDrift(input: {
  readonly columns: readonly DriftColumn[];
  readonly settings: DriftSettings;
  readonly worker?: FeatureDriftWorker | undefined;
  readonly sortInPlace?: boolean;
}): Promise<FeatureDriftResult> {
  const { columns, settings, worker } = input;
  const sortInPlace = input.sortInPlace === true;
  const order = worker === undefined ? [] : orderSharedColumns(columns);
  const claims = new Int32Array(new SharedArrayBuffer(4));
  worker?.post({
    type: "start",
    settings,
    columns: order.map((index) => ({ index, column: columns[index]! })),
    claims,
    sortInPlace,
  });
  // Yields, so that this thread's share waits for the caller's other work.
  await Promise.resolve();
  const shared = new Set(order);
  const slots: (ScoredFeature | undefined)[] = [];
  const embeddings: PreparedColumn[] = [];
  columns.forEach((column, index) => {
    if (shared.has(index)) return;
    const { scored, prepared } = scoreFeature(column, settings, sortInPlace);
    slots[index] = scored;
    if (prepared.columnKind === "embedding") embeddings.push(prepared);
  });
  if (worker !== undefined) {
    const onScored = (index: number, feature: ScoredFeature) => void (slots[index] = feature);
    scoreClaimedColumns({ columns, order, claims, settings, sortInPlace, onScored });
    const reply = await worker.reply;
    worker.terminate();
    for (const { index, feature } of reply.features) slots[index] = feature;
  }
  return { section: summariseFeatureDrift(slots as ScoredFeature[], settings), embeddings };
}
