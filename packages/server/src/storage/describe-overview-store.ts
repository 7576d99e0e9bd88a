/** Conformance tests of the overview part of the Store port (bulk monitor statuses, prediction counts). */
import type { AlertState } from "@sextant/core";
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

const state: AlertState = {
  status: "firing",
  consecutiveViolations: 1,
  severity: "critical",
  isAlertOpen: true,
  sinceMs: fixedNow.getTime(),
  evaluatedAtMs: fixedNow.getTime(),
  firedAtMs: fixedNow.getTime(),
  detail: null,
};

/** Registers the overview conformance tests (inside describeStore). */
export function describeOverviewStore(getStore: () => Store): void {
  it("overview: counts predictions of many versions at once, 0 without events", async () => {
    const store = getStore();
    await store.insertWorkspace(buildWorkspace(1));
    await store.insertModel(buildModel(1, toTestId("ws", 1)));
    for (const n of [1, 2]) {
      await store.insertVersion(buildVersion(n, toTestId("mdl", 1)));
      await store.saveVersionSchema(
        toTestId("ver", n),
        { revision: 1, columns: testColumns, updatedAt: fixedNow },
        deriveEventLayout(testColumns),
      );
    }
    const versionId = toTestId("ver", 1);
    await store.writeEventBatches([
      buildBatch({ kind: "predictions", versionId }, [0, 1, 2].map(buildPredictionRow)),
    ]);
    const counts = await store.countPredictions([versionId, toTestId("ver", 2), toTestId("ver", 3)]);
    expect(Object.fromEntries(counts)).toEqual({
      [versionId]: 3,
      [toTestId("ver", 2)]: 0,
      [toTestId("ver", 3)]: 0,
    });
    expect((await store.countPredictions([])).size).toBe(0);
  });

  it("overview: lists every monitor's run and states in one read", async () => {
    const store = getStore();
    const ids = [toTestId("mon", 1), toTestId("mon", 2)];
    for (const [index, monitorId] of ids.entries()) {
      await store.saveEvaluation({
        states: [{ monitorId, segment: index === 0 ? null : "EU", state, detectorState: null }],
        results: [],
        run: {
          monitorId,
          lastRunAt: fixedNow,
          lastError: index === 0 ? null : "boom",
          evaluatedUntil: fixedNow,
          seenReceivedUntil: null,
        },
      });
    }
    const { runs, states } = await store.listMonitorStatuses();
    expect(runs.sort((a, b) => a.monitorId.localeCompare(b.monitorId))).toEqual([
      {
        monitorId: ids[0],
        lastRunAt: fixedNow,
        lastError: null,
        evaluatedUntil: fixedNow,
        seenReceivedUntil: null,
      },
      {
        monitorId: ids[1],
        lastRunAt: fixedNow,
        lastError: "boom",
        evaluatedUntil: fixedNow,
        seenReceivedUntil: null,
      },
    ]);
    expect(states).toEqual([
      { monitorId: ids[0], segment: null, state, detectorState: null },
      { monitorId: ids[1], segment: "EU", state, detectorState: null },
    ]);
  });
}
