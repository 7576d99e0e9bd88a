/**
 * Worker-thread entry of the parallel feature drift (`feature-drift-runner.ts`): prepares the columns it
 * is given, collects the ones the main thread prepared, scores the whole section once all are in and
 * posts it back. Computation errors are posted as a reply, never thrown into the void.
 */
import { parentPort } from "node:worker_threads";
import type { DriftSettings } from "./drift-section.js";
import { computeFeatureDriftSection, prepareFeature, type PreparedFeature } from "./feature-drift.js";
import type { FeatureDriftReply, FeatureDriftRequest } from "./feature-drift-runner.js";

const port = parentPort;
if (port === null) throw new Error("feature-drift-worker must run in a worker thread");

let settings: DriftSettings | undefined;
let slots: (PreparedFeature | undefined)[] = [];
let missing = 0;
let replied = false;

function reply(message: FeatureDriftReply): void {
  port!.postMessage(message);
}

function handle(request: FeatureDriftRequest): void {
  if (request.type === "start") {
    settings = request.settings;
    slots = new Array<PreparedFeature | undefined>(request.count);
    missing = request.count;
    for (const { index, column } of request.columns) {
      slots[index] = prepareFeature(column);
      missing--;
    }
  } else {
    for (const { index, feature } of request.features) {
      slots[index] = feature;
      missing--;
    }
  }
  if (missing === 0 && settings !== undefined && !replied) {
    replied = true;
    reply({ type: "section", section: computeFeatureDriftSection(slots as PreparedFeature[], settings) });
  }
}

port.on("message", (request: FeatureDriftRequest) => {
  try {
    handle(request);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply({ type: "error", message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) });
  }
});
