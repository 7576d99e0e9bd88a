/**
 * Conformance cases of raw-event retention (`deleteEventsBefore`), run by describeStore for every
 * adapter: predictions go by event time; labels and outcomes go once received before the cutoff and
 * their prediction is gone; nothing else is touched.
 */
import { expect, it } from "vitest";
import { deriveEventLayout } from "../registry/schema-layout.js";
import {
  buildBatch,
  buildModel,
  buildPredictionRow,
  buildVersion,
  buildWorkspace,
  fixedNow,
  testColumns,
  toTestId,
} from "../testing/record-fixtures.js";
import type { Store } from "./store.js";

/** Registers the retention cases; `getStore` returns the case's fresh store. */
export function describeEventRetention(getStore: () => Store): void {
  it("deletes raw events before the retention cutoff and keeps the rest", async () => {
    const store = getStore();
    await store.insertWorkspace(buildWorkspace(1));
    await store.insertModel(buildModel(1, toTestId("ws", 1)));
    await store.insertVersion(buildVersion(1, toTestId("mdl", 1)));
    const versionId = toTestId("ver", 1);
    await store.saveVersionSchema(
      versionId,
      { revision: 1, columns: testColumns, updatedAt: fixedNow },
      deriveEventLayout(testColumns),
    );
    const ids = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    await store.writeEventBatches([
      buildBatch({ kind: "predictions", versionId }, ids.map(buildPredictionRow)),
      // e100's label has no prediction: an orphan received before the cutoff.
      buildBatch(
        { kind: "labels", versionId },
        [...ids, 100].map((n) => ({ id: `e${n}`, label: n % 2 === 0 ? "yes" : "no" })),
      ),
      buildBatch(
        { kind: "outcomes", versionId },
        [0, 9].map((n) => ({ id: `e${n}`, revenue: n })),
      ),
    ]);
    // Predictions are one minute apart from fixedNow; every row was received at fixedNow.
    const deleted = await store.deleteEventsBefore(new Date(fixedNow.getTime() + 5 * 60_000));
    expect(deleted).toEqual({ predictions: 5, labels: 6, outcomes: 1 });
    const kept = await store.listEvents(versionId, { limit: 50, offset: 0 });
    expect(kept.items.map((event) => event.eventId)).toEqual(["e5", "e6", "e7", "e8", "e9"]);
    const counts = await store.countEvents(versionId);
    expect([counts.predictions, counts.labels, counts.outcomes]).toEqual([5, 5, 1]);
    expect(await store.deleteEventsBefore(new Date(fixedNow.getTime() + 5 * 60_000))).toEqual({
      predictions: 0,
      labels: 0,
      outcomes: 0,
    });
    expect((await store.findVersion(versionId))?.schema?.columns).toEqual(testColumns);
  });
}
