/**
 * Writes columnar event batches through the DuckDB appender (typed values, no SQL text per row).
 * Fast path: append straight into the event table, whose primary key refuses a replayed event id.
 * Slow path (a replay was detected): rows go into a TEMP staging table and one `INSERT OR IGNORE`
 * moves the new ones, counting duplicates. The caller owns the transaction.
 */
import {
  DuckDBDataChunk,
  listValue,
  timestampValue,
  type DuckDBConnection,
  type DuckDBVector,
} from "@duckdb/node-api";
import type { ColumnValues, EventBatch, WriteOutcome } from "../event-batch.js";
import { quoteIdentifier, systemColumns, toEventTableName, toSqlType } from "./sql-text.js";

const chunkRows = 2048;

interface Staging {
  readonly table: string;
  readonly stageTable: string;
  readonly columnList: string;
  readonly signature: string;
}

function systemColumnsOf(batch: EventBatch): string[] {
  const { eventId, timestamp, receivedAt } = systemColumns;
  switch (batch.target.kind) {
    case "predictions":
      return [eventId, timestamp, receivedAt];
    case "labels":
    case "outcomes":
      return [eventId, receivedAt];
    case "reference":
      return [eventId, timestamp];
  }
}

function toStaging(batch: EventBatch): Staging {
  const target = batch.target;
  const table = toEventTableName(
    target.kind,
    target.kind === "reference" ? target.referenceId : target.versionId,
  );
  const columns = [...systemColumnsOf(batch), ...batch.columns.map((column) => column.name)];
  return {
    table,
    stageTable: `stage_${table}`,
    columnList: columns.map(quoteIdentifier).join(", "),
    signature: JSON.stringify(batch.columns),
  };
}

/** Prepares (outside any transaction) the TEMP staging tables the batches need; cached by shape. */
export async function prepareStaging(
  connection: DuckDBConnection,
  batches: readonly EventBatch[],
  cache: Map<string, string>,
): Promise<void> {
  for (const batch of batches) {
    const staging = toStaging(batch);
    if (cache.get(staging.stageTable) === staging.signature) continue;
    const system = systemColumnsOf(batch).map((name) =>
      name === systemColumns.eventId ? `${name} VARCHAR` : `${name} TIMESTAMP`,
    );
    const user = batch.columns.map(
      (column) => `${quoteIdentifier(column.name)} ${toSqlType(column.storage)}`,
    );
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${staging.stageTable} (${[...system, ...user].join(", ")})`,
    );
    cache.set(staging.stageTable, staging.signature);
  }
}

function setColumn(vector: DuckDBVector, values: ColumnValues, start: number, count: number): void {
  switch (values.storage) {
    case "double":
      for (let row = 0; row < count; row += 1) {
        vector.setItem(row, values.valid[start + row] === 1 ? values.values[start + row]! : null);
      }
      break;
    case "varchar":
    case "boolean":
      for (let row = 0; row < count; row += 1) vector.setItem(row, values.values[start + row] ?? null);
      break;
    case "double_list":
      for (let row = 0; row < count; row += 1) {
        const list = values.values[start + row];
        vector.setItem(row, list === null || list === undefined ? null : listValue([...list]));
      }
      break;
  }
  vector.flush();
}

function toMicros(ms: number): ReturnType<typeof timestampValue> | null {
  return Number.isFinite(ms) ? timestampValue(BigInt(Math.round(ms * 1000))) : null;
}

function fillChunk(chunk: DuckDBDataChunk, batch: EventBatch, start: number, count: number): void {
  let columnIndex = 0;
  for (const name of systemColumnsOf(batch)) {
    const vector = chunk.getColumnVector(columnIndex);
    for (let row = 0; row < count; row += 1) {
      if (name === systemColumns.eventId) vector.setItem(row, batch.eventIds[start + row] ?? null);
      else if (name === systemColumns.receivedAt) vector.setItem(row, toMicros(batch.receivedAtMs));
      else vector.setItem(row, toMicros(batch.timestampsMs?.[start + row] ?? Number.NaN));
    }
    vector.flush();
    columnIndex += 1;
  }
  for (const values of batch.values) {
    setColumn(chunk.getColumnVector(columnIndex), values, start, count);
    columnIndex += 1;
  }
  chunk.rowCount = count;
}

async function appendBatch(
  connection: DuckDBConnection,
  table: string,
  catalog: string | null,
  batch: EventBatch,
): Promise<void> {
  const appender = await connection.createAppender(table, null, catalog);
  let failure: unknown;
  try {
    const types = Array.from({ length: appender.columnCount }, (_, index) => appender.columnType(index));
    for (let start = 0; start < batch.rowCount; start += chunkRows) {
      const count = Math.min(chunkRows, batch.rowCount - start);
      const chunk = DuckDBDataChunk.create(types, count);
      fillChunk(chunk, batch, start, count);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } catch (error) {
    failure = error;
  }
  try {
    appender.closeSync();
  } catch (error) {
    // After a failed flush, close reports the aborted transaction; the flush error is the cause.
    failure ??= error;
  }
  if (failure !== undefined)
    throw failure instanceof Error ? failure : new Error("appender failed", { cause: failure });
}

/** True when DuckDB refused rows because an event id is already stored. */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof Error && /duplicate key|primary key constraint/i.test(error.message);
}

/**
 * Appends a batch straight into its event table (fast path). A replayed event id makes DuckDB throw
 * (see isDuplicateKeyError); the caller then rolls back and uses `writeBatchSkippingDuplicates`.
 */
export async function appendBatchDirect(
  connection: DuckDBConnection,
  batch: EventBatch,
): Promise<WriteOutcome> {
  const staging = toStaging(batch);
  await appendBatch(connection, staging.table, null, batch);
  return { inserted: batch.rowCount, duplicates: 0 };
}

/** Appends one batch via staging + INSERT OR IGNORE and returns how many rows were new (slow path). */
export async function writeBatchSkippingDuplicates(
  connection: DuckDBConnection,
  batch: EventBatch,
): Promise<WriteOutcome> {
  const staging = toStaging(batch);
  await connection.run(`DELETE FROM ${staging.stageTable}`);
  await appendBatch(connection, staging.stageTable, "temp", batch);
  const verb = batch.target.kind === "reference" ? "INSERT INTO" : "INSERT OR IGNORE INTO";
  const result = await connection.run(
    `${verb} ${staging.table} (${staging.columnList}) SELECT ${staging.columnList} FROM ${staging.stageTable}`,
  );
  const inserted = result.rowsChanged;
  return { inserted, duplicates: batch.rowCount - inserted };
}
