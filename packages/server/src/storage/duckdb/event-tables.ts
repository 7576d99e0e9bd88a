/**
 * DDL of the per-version event tables (predictions, labels, outcomes, reference rows): creates them
 * and extends them when the schema gains columns; refuses type changes over stored rows.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { EventLayout, StoredColumn } from "../event-batch.js";
import { SchemaConflictError } from "../store.js";
import { quoteIdentifier, systemColumns, toEventTableName, toSqlType } from "./sql-text.js";

type TableKind = "predictions" | "labels" | "outcomes" | "reference";

function systemColumnDdl(kind: TableKind): string[] {
  const { eventId, timestamp, receivedAt } = systemColumns;
  switch (kind) {
    case "predictions":
      return [
        `${eventId} VARCHAR PRIMARY KEY`,
        `${timestamp} TIMESTAMP NOT NULL`,
        `${receivedAt} TIMESTAMP NOT NULL`,
      ];
    case "labels":
    case "outcomes":
      return [`${eventId} VARCHAR PRIMARY KEY`, `${receivedAt} TIMESTAMP NOT NULL`];
    case "reference":
      return [`${eventId} VARCHAR`, `${timestamp} TIMESTAMP`];
  }
}

async function readColumnTypes(connection: DuckDBConnection, table: string): Promise<Map<string, string>> {
  const reader = await connection.runAndReadAll(
    "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 AND schema_name = 'main'",
    [table],
  );
  return new Map(reader.getRowsJS().map((row) => [row[0] as string, row[1] as string]));
}

async function isTableEmpty(connection: DuckDBConnection, table: string): Promise<boolean> {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM (SELECT 1 FROM ${table} LIMIT 1)`);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) === 0;
}

/** Creates the table when missing, then adds missing columns; returns nothing, throws on conflicts. */
export async function ensureEventTable(
  connection: DuckDBConnection,
  kind: TableKind,
  id: string,
  columns: readonly StoredColumn[],
): Promise<void> {
  const table = toEventTableName(kind, id);
  const userDdl = columns.map((column) => `${quoteIdentifier(column.name)} ${toSqlType(column.storage)}`);
  await connection.run(
    `CREATE TABLE IF NOT EXISTS ${table} (${[...systemColumnDdl(kind), ...userDdl].join(", ")})`,
  );
  const existing = await readColumnTypes(connection, table);
  for (const column of columns) {
    const sqlType = toSqlType(column.storage);
    const current = existing.get(column.name);
    if (current === sqlType) continue;
    if (current !== undefined) {
      if (!(await isTableEmpty(connection, table))) {
        throw new SchemaConflictError(
          column.name,
          `column "${column.name}" holds ${current} values; it cannot become ${sqlType}. Use a new column name or a new version.`,
        );
      }
      await connection.run(`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(column.name)}`);
    }
    await connection.run(`ALTER TABLE ${table} ADD COLUMN ${quoteIdentifier(column.name)} ${sqlType}`);
  }
}

/** Creates or extends the three stream tables of a version to the layout. */
export async function ensureVersionEventTables(
  connection: DuckDBConnection,
  versionId: string,
  layout: EventLayout,
): Promise<void> {
  await ensureEventTable(connection, "predictions", versionId, layout.predictions);
  await ensureEventTable(connection, "labels", versionId, layout.labels);
  await ensureEventTable(connection, "outcomes", versionId, layout.outcomes);
}

/** Drops a table if it exists (references being deleted). */
export async function dropEventTable(
  connection: DuckDBConnection,
  kind: TableKind,
  id: string,
): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${toEventTableName(kind, id)}`);
}
