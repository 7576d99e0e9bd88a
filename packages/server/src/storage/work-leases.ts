/**
 * The coordination port of the scheduler: leases on models (a worker evaluates all monitors of a model
 * under one lease, so no two workers evaluate one monitor at once and incident grouping per model never
 * races), claims on due deliveries (so no retry is sent by two workers), leadership for run-once
 * housekeeping, and an exclusive section for start-up work. PostgreSQL implements it with lease rows and
 * advisory locks; the DuckDB implementation is trivially single-process. No SQL here.
 */
import type { DeliveryRecord } from "../monitoring/monitoring-records.js";

/** A claim on one piece of work; `token` changes with every claim, so a stale holder can be told apart. */
export interface WorkLease {
  readonly key: string;
  readonly token: string;
}

/** Passed to a commit that must happen only while the lease is still held (decision 0011). */
export type LeaseFence = WorkLease;

/** A commit refused because the lease was taken over by another worker after it expired. */
export class LeaseLostError extends Error {
  constructor(key: string) {
    super(`the lease on ${key} was taken over by another worker`);
    this.name = "LeaseLostError";
  }
}

/** The coordination port. */
export interface WorkLeases {
  /** Makes the keys claimable (idempotent). */
  registerKeys(keys: readonly string[]): Promise<void>;
  /**
   * Claims one registered key that nobody holds (or whose lease expired) and that was not finished for
   * `round` or later; null when none is left. The lease lasts `ttlMs` unless renewed.
   */
  claimNext(input: { readonly round: Date; readonly ttlMs: number }): Promise<WorkLease | null>;
  /** Extends a held lease; false when it was lost (expired and taken over). */
  renew(lease: WorkLease, ttlMs: number): Promise<boolean>;
  /** Gives the lease up; `finishedRound` marks the key done for that round. */
  release(lease: WorkLease, finishedRound: Date | null): Promise<void>;
  /**
   * Claims up to `limit` pending deliveries due at `at` and moves their next attempt to `claimUntil`, so
   * another worker picks one up only if this one never records the attempt.
   */
  claimDueDeliveries(input: {
    readonly at: Date;
    readonly limit: number;
    readonly claimUntil: Date;
  }): Promise<DeliveryRecord[]>;
  /** True while this process is the leader (runs the run-once housekeeping); tries to become it. */
  tryLead(): Promise<boolean>;
  /** Runs `work` while no other process runs work under the same name (start-up seeding). */
  runExclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Gives up leadership and closes connections. */
  close(): Promise<void>;
}

const modelKeyPrefix = "model:";

/** The lease key of a model's monitors. */
export function toModelLeaseKey(modelId: string): string {
  return `${modelKeyPrefix}${modelId}`;
}

/** The model id of a lease key made by toModelLeaseKey, or null. */
export function toModelIdOfLeaseKey(key: string): string | null {
  return key.startsWith(modelKeyPrefix) ? key.slice(modelKeyPrefix.length) : null;
}
