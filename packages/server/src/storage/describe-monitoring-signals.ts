/**
 * Conformance cases of the monitor signal reads every adapter must agree on: seeded embedding samples
 * (the same rows in DuckDB and PostgreSQL), ingest rejections with receipts, and schema revisions.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
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
import type { IngestRejectionRecord } from "./monitoring-store.js";
import type { Store } from "./store.js";

const versionId = toTestId("ver", 1);
const hour = 3_600_000;
const windows = [0, 1, 2].map((i) => ({
  startMs: fixedNow.getTime() + i * hour,
  endMs: fixedNow.getTime() + (i + 1) * hour,
}));

async function seedVersion(store: Store, rows: number): Promise<void> {
  await store.insertWorkspace(buildWorkspace(1));
  await store.insertModel(buildModel(1, toTestId("ws", 1)));
  await store.insertVersion(buildVersion(1, toTestId("mdl", 1)));
  await store.saveVersionSchema(
    versionId,
    { revision: 1, columns: testColumns, updatedAt: fixedNow },
    deriveEventLayout(testColumns),
  );
  const built = Array.from({ length: rows }, (_, n) => buildPredictionRow(n));
  await store.writeEventBatches([buildBatch({ kind: "predictions", versionId }, built)]);
}

/** The rows a seeded sample must keep: per window, the ids whose md5("seed:id") sorts first. */
function expectedSample(ids: readonly number[], seed: number, cap: number): number[] {
  const key = (n: number) => createHash("md5").update(`${seed}:e${n}`).digest("hex");
  return [...ids].sort((a, b) => (key(a) < key(b) ? -1 : 1)).slice(0, cap);
}

/** Registers the signal conformance cases against the store the getter returns. */
export function describeMonitoringSignals(getStore: () => Store): void {
  describe("monitor signals", () => {
    it("samples embedding vectors per window by md5(seed:event id), with the totals before sampling", async () => {
      const store = getStore();
      // Rows are one minute apart: 60 in each of the first two hours, 10 in the third.
      await seedVersion(store, 130);
      const sample = await store.readEmbeddings({
        source: { kind: "windows", versionId, windows },
        segment: null,
        columns: [{ name: "vec", stream: "predictions" }],
        maxRowsPerGroup: 5,
        seed: 7,
      });
      expect([...sample.totals.entries()].sort()).toEqual([
        [0, 60],
        [1, 60],
        [2, 10],
      ]);
      const chosen = [0, 1, 2].map((w) =>
        sample.vectors.filter((_, i) => sample.windowIndex[i] === w).map((vector) => vector[0]),
      );
      const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
      expect(chosen).toEqual([
        expectedSample(ids(0, 60), 7, 5),
        expectedSample(ids(60, 120), 7, 5),
        expectedSample(ids(120, 130), 7, 5),
      ]);
      expect(sample.vectors[0]).toEqual([chosen[0]![0], -chosen[0]![0]!]);
      const filtered = await store.readEmbeddings({
        source: { kind: "range", versionId, fromMs: windows[0]!.startMs, toMs: windows[2]!.endMs },
        segment: [{ column: "city", op: "eq", value: "paris" }],
        columns: [{ name: "vec", stream: "predictions" }],
        maxRowsPerGroup: 1000,
        seed: 7,
      });
      expect(filtered.totals.get(0)).toBe(44);
      expect(filtered.vectors.every((vector) => Number(vector[0]) % 3 === 0)).toBe(true);
    });

    it("records ingest rejections and reads them with the stored rows by receipt time", async () => {
      const store = getStore();
      await seedVersion(store, 12);
      const rejection: IngestRejectionRecord = {
        versionId,
        stream: "predictions",
        receivedAt: new Date(fixedNow.getTime() + 1000),
        rejectedRows: 3,
        typeErrorRows: 2,
        unknownFieldRows: 1,
        typeErrorsByField: { income: 2 },
        unknownFields: { zip: 1 },
      };
      await store.recordIngestRejections(rejection);
      await store.recordIngestRejections({ ...rejection, stream: "labels" });
      const range = {
        versionId,
        stream: "predictions" as const,
        fromMs: fixedNow.getTime(),
        toMs: windows[0]!.endMs,
      };
      expect(await store.readReceipts(range)).toEqual({
        stored: [{ receivedAtMs: fixedNow.getTime(), rows: 12 }],
        rejections: [rejection],
      });
      expect(await store.readReceipts({ ...range, fromMs: fixedNow.getTime() + 2000 })).toEqual({
        stored: [],
        rejections: [],
      });
    });

    it("keeps every saved schema revision with its time, oldest first", async () => {
      const store = getStore();
      await seedVersion(store, 0);
      const extended = [
        ...testColumns,
        {
          name: "zip",
          role: "feature" as const,
          type: "categorical" as const,
          nullable: true,
          description: "",
        },
      ];
      const later = new Date(fixedNow.getTime() + hour);
      await store.saveVersionSchema(
        versionId,
        { revision: 2, columns: extended, updatedAt: later },
        deriveEventLayout(extended),
      );
      const revisions = await store.listSchemaRevisions(versionId);
      expect(revisions.map((r) => [r.revision, r.savedAt.getTime(), r.columns.length])).toEqual([
        [1, fixedNow.getTime(), testColumns.length],
        [2, later.getTime(), extended.length],
      ]);
      expect(revisions[1]!.columns.at(-1)).toEqual(extended.at(-1));
      expect(await store.listSchemaRevisions(toTestId("ver", 2))).toEqual([]);
    });
  });
}
