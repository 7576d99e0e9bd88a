import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { Store } from "../storage/store.js";
import { computeRetentionCutoff, createRetentionTask } from "./retention-task.js";

const hourMs = 3_600_000;
const at = new Date("2026-12-01T00:00:00Z");

function recordCutoffs(): { store: Store; cutoffs: Date[] } {
  const cutoffs: Date[] = [];
  const store = {
    deleteEventsBefore: (cutoff: Date) => {
      cutoffs.push(cutoff);
      return Promise.resolve({ predictions: 0, labels: 0, outcomes: 0 });
    },
  } as unknown as Store;
  return { store, cutoffs };
}

describe("retention task", () => {
  it("computes the cutoff as the retention period before the scheduler time", () => {
    expect(computeRetentionCutoff(at, 90).toISOString()).toBe("2026-09-02T00:00:00.000Z");
  });

  it("deletes at most once per interval, with the injected scheduler time", async () => {
    const { store, cutoffs } = recordCutoffs();
    const task = createRetentionTask({
      store,
      rawEventsDays: 2,
      intervalMs: hourMs,
      logger: pino({ level: "silent" }),
    });
    await task(at);
    await task(new Date(at.getTime() + hourMs / 2));
    await task(new Date(at.getTime() + hourMs));
    expect(cutoffs.map((cutoff) => cutoff.toISOString())).toEqual([
      "2026-11-29T00:00:00.000Z",
      "2026-11-29T01:00:00.000Z",
    ]);
  });

  it("keeps raw events forever with 0 days", async () => {
    const { store, cutoffs } = recordCutoffs();
    const task = createRetentionTask({
      store,
      rawEventsDays: 0,
      intervalMs: hourMs,
      logger: pino({ level: "silent" }),
    });
    await task(at);
    expect(cutoffs).toEqual([]);
  });
});
