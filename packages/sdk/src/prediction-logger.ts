/**
 * A batching event logger over `SextantClient.ingest`: rows get a client-side event id when logged
 * (so a retried batch is deduplicated by the server, never stored twice), are sent in batches when
 * `maxBatchRows` are waiting or `flushIntervalMs` after the first one, and 429/503 answers and network
 * failures are retried with exponential back-off honouring Retry-After. Memory is bounded by
 * `maxBufferedRows` (queued plus in flight); beyond it `overflow` decides: "block" makes `log()` wait
 * for room (the default: nothing is lost), "drop_newest" discards the new row and counts it.
 */
import { SextantApiError, type SextantClient } from "./client.js";
import type { EventKind, IngestResult } from "./schemas/ingest.js";

/** What `log()` does when `maxBufferedRows` rows are already waiting. */
export type OverflowPolicy = "block" | "drop_newest";

/** Options of `createPredictionLogger`. */
export interface PredictionLoggerOptions {
  readonly client: Pick<SextantClient, "ingest">;
  readonly versionId: string;
  /** Event stream; default "predictions" (labels and outcomes batch the same way). */
  readonly kind?: EventKind;
  /** The schema's id column; rows without it get a generated id. Default "id". */
  readonly idColumn?: string;
  /** Send as soon as this many rows wait. Default 500. */
  readonly maxBatchRows?: number;
  /** Send this long after the first unsent row arrived. Default 1000 ms. */
  readonly flushIntervalMs?: number;
  /** Rows held at most (queued + in flight). Default 10,000. */
  readonly maxBufferedRows?: number;
  readonly overflow?: OverflowPolicy;
  /** Retries of one batch on 429, 503 or a network failure before it is given up. Default 8. */
  readonly maxRetries?: number;
  /** First back-off delay; doubles per retry up to `maxBackoffMs`. Default 250 ms. */
  readonly initialBackoffMs?: number;
  /** Default 30,000 ms. */
  readonly maxBackoffMs?: number;
  /** Store the valid rows of a batch and report the invalid ones (`?partial=true`). Default true. */
  readonly partial?: boolean;
  /** Called when a batch is given up (non-retryable error or retries exhausted). */
  readonly onError?: (error: unknown, rows: readonly Record<string, unknown>[]) => void;
  /** Called with the rows the server refused as invalid (partial mode). */
  readonly onRejected?: (result: IngestResult, rows: readonly Record<string, unknown>[]) => void;
  /** Event id generator; default `crypto.randomUUID()`. */
  readonly generateId?: () => string;
  /** Waits `ms`; injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1) for back-off jitter; injectable for tests. */
  readonly random?: () => number;
}

/** Counters of a logger since it was created. */
export interface PredictionLoggerStats {
  logged: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  dropped: number;
  failed: number;
  retries: number;
  buffered: number;
}

/** A batching logger of one event stream of one model version. */
export interface PredictionLogger {
  /** Queues one row and resolves with its event id (waits for room when the buffer is full and overflow is "block"). */
  log(row: Readonly<Record<string, unknown>>): Promise<string>;
  /** Sends every row queued so far and resolves once they are acknowledged or given up. */
  flush(): Promise<void>;
  /** Flushes, stops the timer and refuses further rows. */
  close(): Promise<void>;
  readonly stats: Readonly<PredictionLoggerStats>;
}

interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Looked up on each use so test fake timers (installed after import) take effect.
const timers = (): TimerApi => globalThis as unknown as TimerApi;

function generateUuid(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID !== undefined) return crypto.randomUUID();
  const hex = (): string =>
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, "0");
  return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
}

/** True when a failed send may succeed later: overload, rate limit, or no answer at all. */
export function isRetryableIngestError(error: unknown): boolean {
  if (error instanceof SextantApiError) return [429, 502, 503, 504].includes(error.status);
  return error instanceof TypeError || (error instanceof Error && error.name === "AbortError");
}

/** The wait before retry `attempt` (0-based): Retry-After when given, else capped exponential with jitter. */
export function computeBackoffMs(options: {
  attempt: number;
  error: unknown;
  initialBackoffMs: number;
  maxBackoffMs: number;
  random: () => number;
}): number {
  const retryAfter = options.error instanceof SextantApiError ? options.error.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) return retryAfter * 1000;
  const ceiling = Math.min(options.maxBackoffMs, options.initialBackoffMs * 2 ** options.attempt);
  return ceiling / 2 + (ceiling / 2) * options.random();
}

/** Creates a batching logger; call `close()` before the process exits or rows still queued are lost. */
export function createPredictionLogger(options: PredictionLoggerOptions): PredictionLogger {
  const kind = options.kind ?? "predictions";
  const idColumn = options.idColumn ?? "id";
  const maxBatchRows = options.maxBatchRows ?? 500;
  const flushIntervalMs = options.flushIntervalMs ?? 1000;
  const maxBufferedRows = Math.max(options.maxBufferedRows ?? 10_000, maxBatchRows);
  const maxRetries = options.maxRetries ?? 8;
  const generateId = options.generateId ?? generateUuid;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => timers().setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const stats: PredictionLoggerStats = {
    logged: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    dropped: 0,
    failed: 0,
    retries: 0,
    buffered: 0,
  };
  let queue: Record<string, unknown>[] = [];
  let timer: unknown;
  let closed = false;
  let sending: Promise<void> = Promise.resolve();
  const roomWaiters: (() => void)[] = [];

  const sendWithRetries = async (rows: Record<string, unknown>[]): Promise<void> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await options.client.ingest(options.versionId, kind, rows, {
          partial: options.partial ?? true,
        });
        stats.accepted += result.accepted;
        stats.duplicates += result.duplicates;
        stats.rejected += result.rejected;
        if (result.rejected > 0) options.onRejected?.(result, rows);
        return;
      } catch (error) {
        if (!isRetryableIngestError(error) || attempt >= maxRetries) {
          stats.failed += rows.length;
          options.onError?.(error, rows);
          return;
        }
        stats.retries += 1;
        const { initialBackoffMs = 250, maxBackoffMs = 30_000 } = options;
        await sleep(computeBackoffMs({ attempt, error, initialBackoffMs, maxBackoffMs, random }));
      }
    }
  };

  const releaseRoom = (count: number): void => {
    stats.buffered -= count;
    while (roomWaiters.length > 0 && stats.buffered < maxBufferedRows) roomWaiters.shift()?.();
  };

  // Batches go out one at a time, in order; each send is chained after the previous one.
  const sendQueued = (): Promise<void> => {
    if (timer !== undefined) timers().clearTimeout(timer);
    timer = undefined;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatchRows);
      queue = queue.slice(batch.length);
      sending = sending
        .then(() => sendWithRetries(batch))
        .catch(() => undefined) // a throwing onError callback must not stop later batches
        .finally(() => {
          releaseRoom(batch.length);
        });
    }
    return sending;
  };

  const waitForRoom = (): Promise<void> =>
    new Promise((resolve) => {
      roomWaiters.push(resolve);
    });

  return {
    stats,
    async log(row) {
      if (closed) throw new Error("the prediction logger is closed");
      const existing = row[idColumn];
      const id =
        typeof existing === "string" || typeof existing === "number" ? String(existing) : generateId();
      stats.logged += 1;
      if (stats.buffered >= maxBufferedRows) {
        if ((options.overflow ?? "block") === "drop_newest") {
          stats.dropped += 1;
          return id;
        }
        while (stats.buffered >= maxBufferedRows) await waitForRoom();
      }
      queue.push(existing === undefined ? { ...row, [idColumn]: id } : { ...row });
      stats.buffered += 1;
      if (queue.length >= maxBatchRows) void sendQueued();
      else if (timer === undefined) timer = timers().setTimeout(() => void sendQueued(), flushIntervalMs);
      return id;
    },
    flush: () => sendQueued(),
    async close() {
      closed = true;
      await sendQueued();
    },
  };
}
