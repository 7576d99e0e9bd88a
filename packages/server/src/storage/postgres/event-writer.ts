/**
 * Writes a group of event batches in one PostgreSQL transaction through binary COPY; the COMMIT (with
 * synchronous_commit=on) is the durability point, as in decision 0003. Replays are rare, so the fast
 * path copies straight into the event tables, whose primary key refuses a replayed event id; on that
 * error (or ids repeated across the group) the whole group is redone through ON COMMIT DROP staging
 * tables and `INSERT … ON CONFLICT DO NOTHING`, which skips and counts duplicates. Either way the
 * window profiles of the inserted prediction rows are added in the same transaction (window-profiles.ts).
 */
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { collectAuditDrafts, collectRejections, type EventBatch, type WriteOutcome } from "../event-batch.js";
import { appendAuditDraftsWithin } from "./audit-append.js";
import { insertIngestRejection } from "./signal-queries.js";
import { encodeBinaryCopy, type CopyField } from "./binary-copy.js";
import type { PgContext, TxClient } from "./pg-session.js";
import { quoteIdentifier, systemColumns, toEventTableName, toPgType } from "./sql-text.js";
import { computeHourProfiles } from "./hour-profiles.js";
import { appendHourProfiles, compactBusyHours } from "./window-profiles.js";

interface Target {
  readonly table: string;
  readonly columns: readonly string[];
  readonly fields: readonly CopyField[];
  readonly systemDdl: readonly string[];
}

function toTarget(batch: EventBatch): Target {
  const { eventId, timestamp, receivedAt } = systemColumns;
  const target = batch.target;
  const table = toEventTableName(
    target.kind,
    target.kind === "reference" ? target.referenceId : target.versionId,
  );
  const ids: CopyField = { kind: "text", values: batch.eventIds };
  const times: CopyField = {
    kind: "timestamp",
    valuesMs: batch.timestampsMs ?? new Float64Array(batch.rowCount).fill(Number.NaN),
  };
  const received: CopyField = { kind: "constant_timestamp", ms: batch.receivedAtMs };
  const system: [string, CopyField, string][] =
    target.kind === "predictions"
      ? [
          [eventId, ids, "text"],
          [timestamp, times, "timestamptz"],
          [receivedAt, received, "timestamptz"],
        ]
      : target.kind === "reference"
        ? [
            [eventId, ids, "text"],
            [timestamp, times, "timestamptz"],
          ]
        : [
            [eventId, ids, "text"],
            [receivedAt, received, "timestamptz"],
          ];
  return {
    table,
    columns: [...system.map(([name]) => name), ...batch.columns.map((column) => column.name)],
    fields: [
      ...system.map(([, field]) => field),
      ...batch.values.map((values): CopyField => ({ kind: "column", values })),
    ],
    systemDdl: system.map(([name, , type]) => `${name} ${type}`),
  };
}

async function copyInto(client: TxClient, table: string, target: Target, rowCount: number): Promise<void> {
  const columnList = target.columns.map(quoteIdentifier).join(", ");
  const stream = client.query(copyFrom(`COPY ${table} (${columnList}) FROM STDIN (FORMAT binary)`));
  await pipeline(Readable.from([encodeBinaryCopy(target.fields, rowCount)]), stream);
}

function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: string }).code === "23505";
}

async function writeDirect(client: TxClient, batch: EventBatch): Promise<WriteOutcome> {
  const target = toTarget(batch);
  await copyInto(client, target.table, target, batch.rowCount);
  return { inserted: batch.rowCount, duplicates: 0 };
}

/** Row indices of the first occurrence of each returned event id. */
function toKeptRows(batch: EventBatch, ids: readonly unknown[]): Set<number> {
  const rowOfId = new Map<string | null, number>();
  batch.eventIds.forEach((id, row) => {
    if (!rowOfId.has(id)) rowOfId.set(id, row);
  });
  const kept = new Set<number>();
  for (const id of ids) {
    const row = rowOfId.get(id as string);
    if (row !== undefined) kept.add(row);
  }
  return kept;
}

async function writeSkippingDuplicates(
  client: TxClient,
  batch: EventBatch,
  index: number,
): Promise<WriteOutcome & { readonly kept: Set<number> | null }> {
  const target = toTarget(batch);
  if (batch.target.kind === "reference") return { ...(await writeDirect(client, batch)), kept: null };
  const stage = `sx_stage_${index}`;
  const userDdl = batch.columns.map(
    (column) => `${quoteIdentifier(column.name)} ${toPgType(column.storage)}`,
  );
  await client.query(
    `CREATE TEMP TABLE ${stage} (${[...target.systemDdl, ...userDdl].join(", ")}) ON COMMIT DROP`,
  );
  await copyInto(client, stage, target, batch.rowCount);
  const columnList = target.columns.map(quoteIdentifier).join(", ");
  const result = await client.query(
    `INSERT INTO ${target.table} (${columnList}) SELECT ${columnList} FROM ${stage}
     ON CONFLICT (${systemColumns.eventId}) DO NOTHING
     ${batch.target.kind === "predictions" ? `RETURNING ${systemColumns.eventId} AS id` : ""}`,
  );
  const inserted = result.rowCount ?? 0;
  const kept =
    batch.target.kind === "predictions"
      ? toKeptRows(
          batch,
          result.rows.map((row: { id: unknown }) => row.id),
        )
      : null;
  return { inserted, duplicates: batch.rowCount - inserted, kept };
}

/** Writes, in the batches' transaction, their hour profiles, audit entries and rejection tallies. */
async function appendWhatBatchesCarry(
  client: TxClient,
  batches: readonly EventBatch[],
  outcomes: readonly WriteOutcome[],
  profiles: ReturnType<typeof computeHourProfiles>,
): Promise<void> {
  await appendHourProfiles(client, profiles);
  await appendAuditDraftsWithin(client, collectAuditDrafts(batches, outcomes));
  for (const record of collectRejections(batches)) await insertIngestRejection(client, record);
}

/** The fast path of `writeEventBatches`; undefined when an event id was a duplicate (nothing written). */
async function writeDirectly(
  db: PgContext,
  batches: readonly EventBatch[],
): Promise<WriteOutcome[] | undefined> {
  const profiles = computeHourProfiles(batches);
  try {
    const written = await db.inTransaction(async (client) => {
      const outcomes: WriteOutcome[] = [];
      for (const batch of batches) outcomes.push(await writeDirect(client, batch));
      await appendWhatBatchesCarry(client, batches, outcomes, profiles);
      return outcomes;
    });
    await compactBusyHours(db, profiles);
    return written;
  } catch (error) {
    if (isDuplicateKeyError(error)) return undefined;
    throw error;
  }
}

/**
 * Writes the batches atomically and durably; duplicate event ids are skipped and counted. The window
 * profiles of the prediction rows actually inserted are appended in the same transaction.
 */
export async function writeEventBatches(
  db: PgContext,
  batches: readonly EventBatch[],
): Promise<WriteOutcome[]> {
  if (batches.length === 0) return [];
  // The fast path: one binary COPY per batch. An id that is already stored, or that two batches of this
  // flush share, fails the unique index and rolls it all back; the flush is then written again through
  // staging tables that skip and count duplicates. (Checking the batches' ids for repeats first cost
  // about 1% of an ingest process's CPU on every flush, for a case the fallback handles anyway.)
  const direct = await writeDirectly(db, batches);
  if (direct !== undefined) return direct;
  const profiles: ReturnType<typeof computeHourProfiles> = [];
  const written = await db.inTransaction(async (client) => {
    const outcomes: WriteOutcome[] = [];
    const kept: (Set<number> | null)[] = [];
    for (const [index, batch] of batches.entries()) {
      const { inserted, duplicates, kept: rows } = await writeSkippingDuplicates(client, batch, index);
      outcomes.push({ inserted, duplicates });
      kept.push(rows);
    }
    profiles.push(...computeHourProfiles(batches, kept));
    await appendWhatBatchesCarry(client, batches, outcomes, profiles);
    return outcomes;
  });
  await compactBusyHours(db, profiles);
  return written;
}
