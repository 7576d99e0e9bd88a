/**
 * Writes a group of event batches in one DuckDB transaction. The commit is the durability point:
 * DuckDB appends the transaction to its write-ahead log and fsyncs it before COMMIT returns.
 * Replays are rare, so the fast path appends directly and only on a duplicate key (or ids repeated
 * across the group) redoes the whole group through the duplicate-skipping path. Audit entries the
 * batches carry, and the rejected-row records of partial ingests, are written in the same transaction.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { collectAuditDrafts, collectRejections, type EventBatch, type WriteOutcome } from "../event-batch.js";
import { appendAuditDraftsWithin } from "./audit-append.js";
import { insertIngestRejection } from "./signal-queries.js";
import {
  appendBatchDirect,
  isDuplicateKeyError,
  prepareStaging,
  writeBatchSkippingDuplicates,
} from "./batch-writer.js";

function hasIdsRepeatedAcrossBatches(batches: readonly EventBatch[]): boolean {
  if (batches.length < 2) return false;
  const seen = new Set<string>();
  for (const batch of batches) {
    if (batch.target.kind === "reference") continue;
    const prefix = `${batch.target.kind}:${batch.target.versionId}:`;
    for (const id of batch.eventIds) {
      const key = prefix + (id ?? "");
      if (seen.has(key)) return true;
      seen.add(key);
    }
  }
  return false;
}

async function runInTransaction(
  connection: DuckDBConnection,
  batches: readonly EventBatch[],
  write: (connection: DuckDBConnection, batch: EventBatch) => Promise<WriteOutcome>,
): Promise<WriteOutcome[]> {
  await connection.run("BEGIN TRANSACTION");
  try {
    const outcomes: WriteOutcome[] = [];
    for (const batch of batches) outcomes.push(await write(connection, batch));
    for (const record of collectRejections(batches)) await insertIngestRejection(connection, record);
    await appendAuditDraftsWithin(connection, collectAuditDrafts(batches, outcomes));
    await connection.run("COMMIT");
    return outcomes;
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  }
}

/** Writes the batches atomically and durably; duplicate event ids are skipped and counted. */
export async function writeEventBatchesInTransaction(
  connection: DuckDBConnection,
  batches: readonly EventBatch[],
  stagingCache: Map<string, string>,
): Promise<WriteOutcome[]> {
  if (!hasIdsRepeatedAcrossBatches(batches)) {
    try {
      return await runInTransaction(connection, batches, appendBatchDirect);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  await prepareStaging(connection, batches, stagingCache);
  return runInTransaction(connection, batches, writeBatchSkippingDuplicates);
}
