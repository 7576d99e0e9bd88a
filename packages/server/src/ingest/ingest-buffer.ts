/**
 * The bounded ingest buffer: validated batches wait here and a flusher writes everything waiting in one
 * store transaction (group commit), then resolves each batch's promise; with `concurrentFlushes` > 1 a
 * second flusher overlaps its transaction with the first one's commit. A batch that would push the
 * buffer past its row capacity is refused at once (back-pressure), never queued.
 */
import type { Logger } from "pino";
import type { EventBatch, WriteOutcome } from "../storage/event-batch.js";
import type { Store } from "../storage/store.js";
import { AppError } from "../app/app-error.js";

interface Pending {
  readonly batch: EventBatch;
  readonly resolve: (outcome: WriteOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Options of the ingest buffer. */
export interface IngestBufferOptions {
  readonly store: Store;
  readonly logger: Logger;
  readonly maxBufferedRows: number;
  readonly maxRowsPerFlush: number;
  readonly retryAfterSeconds: number;
  /** Groups written at once by separate transactions (default 1). */
  readonly concurrentFlushes?: number;
}

/** The ingest buffer. */
export interface IngestBuffer {
  /** Queues a batch; resolves once it is committed, rejects with INGEST_BUFFER_FULL when full. */
  submit(batch: EventBatch): Promise<WriteOutcome>;
  /** True when no more rows fit (callers may refuse a request before reading its body). */
  isFull(): boolean;
  /** Rows waiting or being written. */
  bufferedRows(): number;
  /** Stops accepting batches and resolves once everything queued is written. */
  drain(): Promise<void>;
}

/** Creates the buffer and its flusher. */
export function createIngestBuffer(options: IngestBufferOptions): IngestBuffer {
  const queue: Pending[] = [];
  let buffered = 0;
  const concurrentFlushes = Math.max(1, options.concurrentFlushes ?? 1);
  let draining = false;

  const takeGroup = (): Pending[] => {
    const group: Pending[] = [];
    let rows = 0;
    while (
      queue.length > 0 &&
      (group.length === 0 || rows + queue[0]!.batch.rowCount <= options.maxRowsPerFlush)
    ) {
      const next = queue.shift()!;
      rows += next.batch.rowCount;
      group.push(next);
    }
    return group;
  };

  // Rows leave the buffer before their caller hears back, so an acknowledged client sees the room.
  const settle = (pending: Pending, settleWith: () => void): void => {
    buffered -= pending.batch.rowCount;
    settleWith();
  };

  const writeGroup = async (group: Pending[]): Promise<void> => {
    try {
      const outcomes = await options.store.writeEventBatches(group.map((pending) => pending.batch));
      group.forEach((pending, index) => {
        settle(pending, () => {
          pending.resolve(outcomes[index]!);
        });
      });
    } catch (error) {
      if (group.length === 1) {
        options.logger.error({ err: error }, "ingest batch write failed");
        settle(group[0]!, () => {
          group[0]!.reject(error);
        });
        return;
      }
      // One bad batch must not fail the others that shared its transaction: retry them one by one.
      for (const pending of group) await writeGroup([pending]);
    }
  };

  // Each flusher writes one group at a time; several overlap one commit's wait with the next group's
  // write (worth it when commits wait on the disk, as with PostgreSQL; DuckDB keeps one).
  const flushLoop = async (): Promise<void> => {
    while (queue.length > 0) await writeGroup(takeGroup());
  };
  const flushers = new Set<Promise<void>>();
  const ensureFlushing = (): void => {
    // Flusher k+1 starts only while more than k batches wait, so light traffic still forms groups.
    while (flushers.size < concurrentFlushes && flushers.size < queue.length) {
      const flusher: Promise<void> = flushLoop().finally(() => {
        flushers.delete(flusher);
        if (queue.length > 0) ensureFlushing();
      });
      flushers.add(flusher);
    }
  };

  const refuse = (detail: string): AppError =>
    new AppError("INGEST_BUFFER_FULL", detail, { retryAfterSeconds: options.retryAfterSeconds });

  return {
    submit(batch) {
      if (draining) return Promise.reject(new AppError("SERVICE_NOT_READY", "the server is shutting down"));
      if (batch.rowCount === 0) return Promise.resolve({ inserted: 0, duplicates: 0 });
      if (buffered > 0 && buffered + batch.rowCount > options.maxBufferedRows) {
        return Promise.reject(
          refuse(`${buffered} rows are waiting to be written; retry after ${options.retryAfterSeconds}s`),
        );
      }
      buffered += batch.rowCount;
      return new Promise<WriteOutcome>((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        ensureFlushing();
      });
    },
    isFull: () => buffered >= options.maxBufferedRows,
    bufferedRows: () => buffered,
    async drain() {
      draining = true;
      while (flushers.size > 0) await Promise.all([...flushers]);
    },
  };
}
