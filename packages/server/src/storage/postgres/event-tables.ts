/**
 * DDL of the per-version event tables in PostgreSQL (decision 0004): creates them and extends them
 * when the schema gains columns; refuses type changes over stored rows. Stream tables are keyed by
 * event id (idempotent ingest); reference rows have no key.
 */
import type { EventLayout, StoredColumn } from "../event-batch.js";
import { SchemaConflictError } from "../store.js";
import { queryRows, type TxClient } from "./pg-session.js";
import { quoteIdentifier, systemColumns, toEventTableName, toPgType, toPgUdtName } from "./sql-text.js";

/** Which table of a version (or reference). */
export type TableKind = "predictions" | "labels" | "outcomes" | "reference";

/** PostgreSQL truncates longer identifiers silently (NAMEDATALEN - 1). */
const maxIdentifierBytes = 63;

function systemColumnDdl(kind: TableKind): string[] {
  const { eventId, timestamp, receivedAt } = systemColumns;
  switch (kind) {
    case "predictions":
      return [
        `${eventId} text COLLATE "C" PRIMARY KEY`,
        `${timestamp} timestamptz NOT NULL`,
        `${receivedAt} timestamptz NOT NULL`,
      ];
    case "labels":
    case "outcomes":
      return [`${eventId} text COLLATE "C" PRIMARY KEY`, `${receivedAt} timestamptz NOT NULL`];
    case "reference":
      return [`${eventId} text COLLATE "C"`, `${timestamp} timestamptz`];
  }
}

async function readColumnTypes(client: TxClient, table: string): Promise<Map<string, string>> {
  const rows = await queryRows(
    client,
    `SELECT column_name, udt_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  return new Map(rows.map((row) => [String(row.column_name), String(row.udt_name)]));
}

async function isTableEmpty(client: TxClient, table: string): Promise<boolean> {
  return (await queryRows(client, `SELECT 1 FROM ${table} LIMIT 1`)).length === 0;
}

/** Creates the table when missing, then adds missing columns; throws on type conflicts over data. */
export async function ensureEventTable(
  client: TxClient,
  kind: TableKind,
  id: string,
  columns: readonly StoredColumn[],
): Promise<void> {
  const table = toEventTableName(kind, id);
  const tooLong = columns.find((column) => Buffer.byteLength(column.name) > maxIdentifierBytes);
  if (tooLong !== undefined) {
    throw new SchemaConflictError(
      tooLong.name,
      `column name "${tooLong.name}" is longer than PostgreSQL's ${maxIdentifierBytes}-byte identifier limit`,
    );
  }
  const userDdl = columns.map((column) => `${quoteIdentifier(column.name)} ${toPgType(column.storage)}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${table} (${[...systemColumnDdl(kind), ...userDdl].join(", ")})`,
  );
  const existing = await readColumnTypes(client, table);
  for (const column of columns) {
    const wanted = toPgUdtName(column.storage);
    const current = existing.get(column.name);
    if (current === wanted) continue;
    const quoted = quoteIdentifier(column.name);
    if (current !== undefined) {
      if (!(await isTableEmpty(client, table))) {
        throw new SchemaConflictError(
          column.name,
          `column "${column.name}" holds ${current} values; it cannot become ${toPgType(column.storage)}. Use a new column name or a new version.`,
        );
      }
      await client.query(`ALTER TABLE ${table} DROP COLUMN ${quoted}`);
    }
    await client.query(`ALTER TABLE ${table} ADD COLUMN ${quoted} ${toPgType(column.storage)}`);
  }
}

/** Creates or extends the three stream tables of a version to the layout. */
export async function ensureVersionEventTables(
  client: TxClient,
  versionId: string,
  layout: EventLayout,
): Promise<void> {
  await ensureEventTable(client, "predictions", versionId, layout.predictions);
  await ensureEventTable(client, "labels", versionId, layout.labels);
  await ensureEventTable(client, "outcomes", versionId, layout.outcomes);
}

/** Drops a table if it exists (references being deleted). */
export async function dropEventTable(client: TxClient, kind: TableKind, id: string): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${toEventTableName(kind, id)}`);
}
