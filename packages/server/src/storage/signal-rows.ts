/** Row converters of the monitor-signal tables (ingest_rejections, schema_revisions), for both adapters. */
import type { ColumnSpec } from "@sextant/sdk";
import type { EventStream, IngestRejectionRecord, SchemaRevisionRecord } from "./monitoring-store.js";

type Row = Record<string, unknown>;

/** A timestamp column as a Date (PostgreSQL returns Dates; DuckDB may return epoch numbers). */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(Number(value));
}

/** An ingest_rejections row to a record. */
export function ingestRejectionFromRow(
  row: Row,
  versionId: string,
  stream: EventStream,
): IngestRejectionRecord {
  const fields = JSON.parse(String(row.fields_json)) as {
    typeErrorsByField: Record<string, number>;
    unknownFields: Record<string, number>;
  };
  return {
    versionId,
    stream,
    receivedAt: toDate(row.received_at),
    rejectedRows: Number(row.rejected_rows),
    typeErrorRows: Number(row.type_error_rows),
    unknownFieldRows: Number(row.unknown_field_rows),
    ...fields,
  };
}

/** A schema_revisions row to a record. */
export function schemaRevisionFromRow(row: Row, versionId: string): SchemaRevisionRecord {
  return {
    versionId,
    revision: Number(row.revision),
    columns: JSON.parse(String(row.columns_json)) as ColumnSpec[],
    savedAt: toDate(row.saved_at),
  };
}
