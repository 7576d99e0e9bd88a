/**
 * Tallies the rows an ingest request rejected, for the data-quality metrics `type_error_share` and
 * `schema_change` (decision 0011): rows with a type error (per field) and rows carrying fields the schema
 * does not have (per field). Other rejections (missing required values, unknown classes, ...) only count
 * as rejected rows.
 */
import type { FieldError } from "@sextant/sdk";
import type { EventStream, IngestRejectionRecord } from "../storage/monitoring-store.js";

/** Field error codes that mean "the value had the wrong type for its declared column". */
export const typeErrorCodes: ReadonlySet<string> = new Set([
  "TYPE_MISMATCH",
  "LENGTH_MISMATCH",
  "INVALID_TIMESTAMP",
]);

/** The code of a field the schema does not have. */
export const unknownFieldCode = "UNKNOWN_FIELD";

/** A running tally of one request's rejected rows. */
export interface RejectionTally {
  /** Adds one rejected row with its errors. */
  add(errors: readonly FieldError[]): void;
  readonly rejectedRows: number;
  /** The record to store, or null when nothing was rejected. */
  toRecord(target: {
    readonly versionId: string;
    readonly stream: EventStream;
    readonly receivedAt: Date;
  }): IngestRejectionRecord | null;
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Creates an empty tally. */
export function createRejectionTally(): RejectionTally {
  let rejectedRows = 0;
  let typeErrorRows = 0;
  let unknownFieldRows = 0;
  const typeErrorsByField: Record<string, number> = {};
  const unknownFields: Record<string, number> = {};
  return {
    add(errors) {
      rejectedRows += 1;
      const typed = new Set<string>();
      const unknown = new Set<string>();
      for (const error of errors) {
        const field = error.field ?? "";
        if (typeErrorCodes.has(error.code)) typed.add(field);
        else if (error.code === unknownFieldCode) unknown.add(field);
      }
      if (typed.size > 0) typeErrorRows += 1;
      if (unknown.size > 0) unknownFieldRows += 1;
      for (const field of typed) increment(typeErrorsByField, field);
      for (const field of unknown) increment(unknownFields, field);
    },
    get rejectedRows() {
      return rejectedRows;
    },
    toRecord({ versionId, stream, receivedAt }) {
      if (rejectedRows === 0) return null;
      return {
        versionId,
        stream,
        receivedAt,
        rejectedRows,
        typeErrorRows,
        unknownFieldRows,
        typeErrorsByField: { ...typeErrorsByField },
        unknownFields: { ...unknownFields },
      };
    },
  };
}
