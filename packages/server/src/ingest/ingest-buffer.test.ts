import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { EventBatch, WriteOutcome } from "../storage/event-batch.js";
import type { Store } from "../storage/store.js";
import { AppError } from "../app/app-error.js";
import { createIngestBuffer } from "./ingest-buffer.js";

function batchOf(rowCount: number, tag = "x"): EventBatch {
  return {
    target: { kind: "predictions", versionId: tag },
    rowCount,
    eventIds: [],
    timestampsMs: null,
    receivedAtMs: 0,
    columns: [],
    values: [],
  };
}

function fakeStore(write: (batches: readonly EventBatch[]) => Promise<WriteOutcome[]>): Store {
  return { writeEventBatches: write } as unknown as Store;
}

const logger = pino({ level: "silent" });

/** A buffer over `store` with room for 100 rows, 1 s retry advice and the given changes. */
function bufferOver(store: Store, options: Partial<Parameters<typeof createIngestBuffer>[0]> = {}) {
  return createIngestBuffer({
    store,
    logger,
    maxBufferedRows: 100,
    maxRowsPerFlush: 100,
    retryAfterSeconds: 1,
    ...options,
  });
}

describe("createIngestBuffer", () => {
  it("groups waiting batches into one write and resolves each with its own outcome", async () => {
    const calls: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store = fakeStore(async (batches) => {
      calls.push(batches.map((batch) => batch.rowCount));
      await gate;
      return batches.map((batch) => ({ inserted: batch.rowCount, duplicates: 0 }));
    });
    const buffer = bufferOver(store, { maxRowsPerFlush: 50 });
    const results = [
      buffer.submit(batchOf(10)),
      buffer.submit(batchOf(20)),
      buffer.submit(batchOf(30)),
      buffer.submit(batchOf(5)),
    ];
    expect(buffer.bufferedRows()).toBe(65);
    release();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 5].map((n) => ({ inserted: n, duplicates: 0 })));
    expect(calls).toEqual([[10], [20, 30], [5]]);
    expect(buffer.bufferedRows()).toBe(0);
  });

  it("with two flushers writes two groups at once, and drain waits for both", async () => {
    const inFlight: { rows: number[]; release: () => void }[] = [];
    const store = fakeStore(
      (batches) =>
        new Promise((resolve) => {
          inFlight.push({
            rows: batches.map((batch) => batch.rowCount),
            release: () => {
              resolve(batches.map((batch) => ({ inserted: batch.rowCount, duplicates: 0 })));
            },
          });
        }),
    );
    const buffer = bufferOver(store, { maxRowsPerFlush: 50, concurrentFlushes: 2 });
    const results = [batchOf(10), batchOf(20), batchOf(30), batchOf(5)].map((batch) => buffer.submit(batch));
    await Promise.resolve();
    // One waiting batch keeps the second flusher idle (so light traffic still groups); two start it.
    expect(inFlight.map((write) => write.rows)).toEqual([[10], [20, 30]]);
    let drained = false;
    const draining = buffer.drain().then(() => {
      drained = true;
    });
    inFlight[1]!.release();
    await results[2];
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(inFlight.map((write) => write.rows)).toEqual([[10], [20, 30], [5]]);
    inFlight[2]!.release();
    await results[3];
    expect(drained).toBe(false);
    inFlight[0]!.release();
    await draining;
    expect(await Promise.all(results)).toEqual([10, 20, 30, 5].map((n) => ({ inserted: n, duplicates: 0 })));
    expect(buffer.bufferedRows()).toBe(0);
  });

  it("refuses a batch that would overflow the buffer, and accepts again once drained", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store = fakeStore(async (batches) => {
      await gate;
      return batches.map((batch) => ({ inserted: batch.rowCount, duplicates: 0 }));
    });
    const buffer = bufferOver(store, { maxBufferedRows: 10, retryAfterSeconds: 3 });
    const first = buffer.submit(batchOf(8));
    const refused = await buffer.submit(batchOf(5)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "INGEST_BUFFER_FULL", retryAfterSeconds: 3 });
    expect(buffer.isFull()).toBe(false);
    release();
    await first;
    await expect(buffer.submit(batchOf(50))).resolves.toEqual({ inserted: 50, duplicates: 0 });
  });

  it("retries the batches of a failed group one by one so one bad batch fails alone", async () => {
    const store = fakeStore((batches) =>
      batches.some((batch) => batch.target.versionId === "bad")
        ? Promise.reject(new Error("boom"))
        : Promise.resolve(batches.map((batch) => ({ inserted: batch.rowCount, duplicates: 0 }))),
    );
    const buffer = bufferOver(store);
    const blocker = buffer.submit(batchOf(1));
    const good = buffer.submit(batchOf(2));
    const bad = buffer.submit(batchOf(3, "bad"));
    await blocker;
    await expect(good).resolves.toEqual({ inserted: 2, duplicates: 0 });
    await expect(bad).rejects.toThrow("boom");
  });

  it("drains before shutdown and then refuses new batches", async () => {
    const written: number[] = [];
    const store = fakeStore(async (batches) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push(...batches.map((batch) => batch.rowCount));
      return batches.map(() => ({ inserted: 0, duplicates: 0 }));
    });
    const buffer = bufferOver(store);
    void buffer.submit(batchOf(4));
    void buffer.submit(batchOf(6));
    await buffer.drain();
    expect(written).toEqual([4, 6]);
    await expect(buffer.submit(batchOf(1))).rejects.toMatchObject({ code: "SERVICE_NOT_READY" });
  });
});
