/**
 * Retention of raw events as a housekeeping task of the leader: at most once per `intervalMs` (scheduler
 * time), it deletes predictions older than `rawEventsDays` and their orphaned labels and outcomes.
 * Monitor results, incidents and per-window profiles are kept; 0 days keeps raw events forever.
 */
import type { Logger } from "pino";
import type { Store } from "../storage/store.js";
import type { HousekeepingTask } from "./monitor-scheduler.js";

const dayMs = 86_400_000;

/** The cutoff of a retention pass at `at`: events with an earlier event time are deleted. */
export function computeRetentionCutoff(at: Date, rawEventsDays: number): Date {
  return new Date(at.getTime() - rawEventsDays * dayMs);
}

/** Creates the retention task (a no-op when `rawEventsDays` is 0). */
export function createRetentionTask(options: {
  readonly store: Store;
  readonly rawEventsDays: number;
  readonly intervalMs: number;
  readonly logger: Logger;
}): HousekeepingTask {
  let lastRunMs: number | null = null;
  return async (at) => {
    if (options.rawEventsDays === 0) return;
    if (lastRunMs !== null && at.getTime() - lastRunMs < options.intervalMs) return;
    lastRunMs = at.getTime();
    const cutoff = computeRetentionCutoff(at, options.rawEventsDays);
    const deleted = await options.store.deleteEventsBefore(cutoff);
    options.logger.info({ cutoff: cutoff.toISOString(), ...deleted }, "raw events past retention deleted");
  };
}
