/**
 * The storage-neutral shape of ingested rows: a columnar batch (typed arrays for numbers) bound for
 * one event table, and the layout of a version's event tables. Built by ingest, written by a Store.
 */
import type { AuditDraft } from "../auth/auth-records.js";
import type { IngestRejectionRecord } from "./monitoring-store.js";

/** How a column is stored physically. */
export type StorageType = "double" | "varchar" | "boolean" | "double_list";

/** One user column of an event table. */
export interface StoredColumn {
  readonly name: string;
  readonly storage: StorageType;
}

/** The user columns of each event table of a version (system columns are implicit). */
export interface EventLayout {
  readonly predictions: readonly StoredColumn[];
  readonly labels: readonly StoredColumn[];
  readonly outcomes: readonly StoredColumn[];
  /** Reference rows carry every column of the schema except id and timestamp. */
  readonly reference: readonly StoredColumn[];
}

/** The values of one column of a batch; `valid[i] === 0` marks a null double. */
export type ColumnValues =
  | { readonly storage: "double"; readonly values: Float64Array; readonly valid: Uint8Array }
  | { readonly storage: "varchar"; readonly values: readonly (string | null)[] }
  | { readonly storage: "boolean"; readonly values: readonly (boolean | null)[] }
  | { readonly storage: "double_list"; readonly values: readonly (readonly number[] | null)[] };

/** Where a batch goes: one of a version's three streams, or a reference's stored rows. */
export type BatchTarget =
  | { readonly kind: "predictions" | "labels" | "outcomes"; readonly versionId: string }
  | { readonly kind: "reference"; readonly versionId: string; readonly referenceId: string };

/** A validated, columnar batch of rows for one table. */
export interface EventBatch {
  readonly target: BatchTarget;
  readonly rowCount: number;
  /** Event ids (required for the three streams, optional for references). */
  readonly eventIds: readonly (string | null)[];
  /** Event time in epoch milliseconds (predictions and references; NaN when unknown). */
  readonly timestampsMs: Float64Array | null;
  readonly receivedAtMs: number;
  readonly columns: readonly StoredColumn[];
  readonly values: readonly ColumnValues[];
  /**
   * The audit entry of the request that sent the batch, built from what the write did; the store
   * appends it in the batch's own transaction, so the batch and its audit record commit together.
   */
  readonly audit?: (outcome: WriteOutcome) => AuditDraft;
  /** The rows of the same request that were rejected (partial ingest), stored in the same transaction. */
  readonly rejections?: IngestRejectionRecord;
}

/** The rejection records a group of written batches carries, in batch order. */
export function collectRejections(batches: readonly EventBatch[]): IngestRejectionRecord[] {
  return batches.flatMap((batch) => (batch.rejections === undefined ? [] : [batch.rejections]));
}

/** The audit drafts a group of written batches carries, in batch order. */
export function collectAuditDrafts(
  batches: readonly EventBatch[],
  outcomes: readonly WriteOutcome[],
): AuditDraft[] {
  return batches.flatMap((batch, index) =>
    batch.audit === undefined ? [] : [batch.audit(outcomes[index]!)],
  );
}

/** What writing one batch did. */
export interface WriteOutcome {
  readonly inserted: number;
  readonly duplicates: number;
}

/** One stored prediction joined with its label and outcome. */
export interface StoredEvent {
  readonly eventId: string;
  readonly timestamp: Date;
  readonly values: Readonly<Record<string, unknown>>;
  readonly label: Readonly<Record<string, unknown>> | null;
  readonly outcome: Readonly<Record<string, unknown>> | null;
}

/** Stored row counts of a version's streams. */
export interface EventCountsRecord {
  readonly predictions: number;
  readonly labels: number;
  readonly outcomes: number;
  readonly labelledPredictions: number;
}
