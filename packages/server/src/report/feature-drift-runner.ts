/**
 * Runs the feature drift section in the calling thread or split with a worker thread: the worker
 * prepares about half of the numeric columns (reading the shared-memory columns without a copy), the
 * calling thread prepares the rest and hands them over (sorted buffers are moved, not copied), and the
 * worker scores the whole section while the calling thread goes on with the other report sections.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DriftColumn, PreparedColumn } from "@sextant/core";
import type { DriftSettings } from "./drift-section.js";
import {
  computeFeatureDriftSection,
  estimateSortingWork,
  listTransferables,
  prepareFeature,
  selectWorkerColumns,
  type FeatureDriftSection,
  type PreparedFeature,
} from "./feature-drift.js";

/** Messages to the worker: the columns it prepares, then the ones prepared here. */
export type FeatureDriftRequest =
  | {
      readonly type: "start";
      readonly settings: DriftSettings;
      readonly count: number;
      readonly columns: readonly { readonly index: number; readonly column: DriftColumn }[];
    }
  | {
      readonly type: "prepared";
      readonly features: readonly { readonly index: number; readonly feature: PreparedFeature }[];
    };

/** The worker's one reply. */
export type FeatureDriftReply =
  | { readonly type: "section"; readonly section: FeatureDriftSection }
  | { readonly type: "error"; readonly message: string; readonly stack?: string };

/** A started worker thread for one report. */
export interface FeatureDriftWorker {
  readonly post: (request: FeatureDriftRequest, transfer?: ArrayBuffer[]) => void;
  /** Settles with the worker's reply, or rejects when the thread fails or exits first. */
  readonly reply: Promise<FeatureDriftReply>;
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

/**
 * Starts a worker thread, or returns undefined when there is no compiled worker script (running from
 * TypeScript sources), so the caller computes everything itself. `create` builds the thread instead
 * (tests start the TypeScript source through tsx).
 */
export function startFeatureDriftWorker(create?: () => Worker): FeatureDriftWorker | undefined {
  if (create === undefined && !existsSync(fileURLToPath(featureDriftWorkerUrl))) return undefined;
  const worker = create === undefined ? new Worker(featureDriftWorkerUrl) : create();
  const reply = new Promise<FeatureDriftReply>((resolve, reject) => {
    worker.once("message", (message: FeatureDriftReply) => {
      resolve(message);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      reject(new Error(`feature drift worker exited with code ${code}`));
    });
  });
  // The caller may never wait for a reply (an input error on the way); an unhandled rejection must not follow.
  reply.catch(() => undefined);
  return {
    post: (request, transfer = []) => {
      worker.postMessage(request, transfer);
    },
    reply,
    terminate: () => void worker.terminate(),
  };
}

/** A running feature drift: the section to await, and the prepared embedding columns kept here. */
export interface FeatureDriftRun {
  readonly section: Promise<FeatureDriftSection>;
  readonly embeddings: readonly PreparedColumn[];
}

function toEmbeddings(features: readonly (PreparedFeature | undefined)[]): PreparedColumn[] {
  return features.flatMap((f) => (f?.prepared.columnKind === "embedding" ? [f.prepared] : []));
}

async function awaitSection(worker: FeatureDriftWorker): Promise<FeatureDriftSection> {
  const reply = await worker.reply;
  worker.terminate();
  if (reply.type === "error") {
    const error = new Error(`feature drift worker failed: ${reply.message}`);
    if (reply.stack !== undefined) error.stack = reply.stack;
    throw error;
  }
  return reply.section;
}

/**
 * Starts the feature drift of `columns` (in feature order). Without a worker everything runs here and
 * the section is already computed; with one, this thread's share is prepared before returning, and the
 * split follows `selectWorkerColumns`.
 */
export function runFeatureDrift(input: {
  readonly columns: readonly DriftColumn[];
  readonly settings: DriftSettings;
  readonly worker?: FeatureDriftWorker | undefined;
  /** Work this thread does besides its share of the features, in values-sorted units. */
  readonly otherWork?: number;
}): FeatureDriftRun {
  const { columns, settings, worker } = input;
  if (worker === undefined) {
    const features = columns.map(prepareFeature);
    return {
      section: Promise.resolve(computeFeatureDriftSection(features, settings)),
      embeddings: toEmbeddings(features),
    };
  }
  const remote = selectWorkerColumns(columns, input.otherWork);
  worker.post({
    type: "start",
    settings,
    count: columns.length,
    columns: [...remote].map((index) => ({ index, column: columns[index]! })),
  });
  const local = columns.map((column, index) => (remote.has(index) ? undefined : prepareFeature(column)));
  const embeddings = toEmbeddings(local);
  const features = local.flatMap((feature, index) => (feature === undefined ? [] : [{ index, feature }]));
  worker.post({ type: "prepared", features }, [
    ...new Set(features.flatMap((f) => listTransferables(f.feature))),
  ]);
  return { section: awaitSection(worker), embeddings };
}
