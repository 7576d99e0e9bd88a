/**
 * Validates ingested rows against a version schema and accumulates the valid ones column by column
 * (numbers into typed arrays) into an EventBatch for the store. Every problem is reported with its
 * row index and field; a row is added only when it has none.
 */
import type { ColumnSpec, FieldError } from "@sextant/sdk";
import type { BatchTarget, EventBatch } from "../storage/event-batch.js";
import { selectColumnStream, selectStorageType } from "../registry/schema-layout.js";
import { createColumnWriter } from "./column-writers.js";
import { parseColumnValue } from "./value-parsers.js";

/** A row refused by validation. */
export interface RejectedRow {
  readonly row: number;
  readonly errors: readonly FieldError[];
}

/** Accumulates validated rows of one request. */
export interface BatchBuilder {
  /** Validates a row; adds it when valid and returns its errors otherwise. */
  addRow(row: unknown, index: number): readonly FieldError[];
  /** Rows added so far (duplicates within the request excluded). */
  readonly rowCount: number;
  /** Rows skipped because an earlier row of the same request had the same event id. */
  readonly duplicatesInRequest: number;
  build(): EventBatch;
}

const noErrors: readonly FieldError[] = [];

/** Appends a field's error to a row's errors (created on the first one). */
function addFieldError(
  errors: FieldError[] | undefined,
  index: number,
  column: ColumnSpec,
  failure: { readonly code: string; readonly message: string },
): FieldError[] {
  const list = errors ?? [];
  list.push({
    path: `/${index}/${column.name}`,
    row: index,
    field: column.name,
    code: failure.code,
    message: failure.message,
  });
  return list;
}

/** Creates a builder for one stream (or reference) of a version schema. */
export function createBatchBuilder(options: {
  readonly columns: readonly ColumnSpec[];
  readonly target: BatchTarget;
  readonly receivedAtMs: number;
  /** Values are CSV text and get converted to each column's type. */
  readonly textValues?: boolean;
}): BatchBuilder {
  const { columns, target } = options;
  const textValues = options.textValues === true;
  const stream = target.kind;
  const idColumn = columns.find((column) => column.role === "id");
  const timestampColumn = columns.find((column) => column.role === "timestamp");
  const stored = columns.filter((column) => {
    const columnStream = selectColumnStream(column);
    return columnStream !== "key" && (stream === "reference" || columnStream === stream);
  });
  const accepted = new Set([
    ...stored.map((column) => column.name),
    ...(idColumn ? [idColumn.name] : []),
    ...(timestampColumn ? [timestampColumn.name] : []),
  ]);
  const byName = new Map(columns.map((column) => [column.name, column]));
  const writers = stored.map((column) => createColumnWriter(column, textValues));
  const eventIds: (string | null)[] = [];
  const timestamps: number[] = [];
  const seenIds = new Set<string>();
  let rowCount = 0;
  let duplicatesInRequest = 0;
  const requireId = stream !== "reference";
  const keepsTimestamp = stream === "predictions" || stream === "reference";
  const fallbackMs = stream === "reference" ? Number.NaN : options.receivedAtMs;

  const unknownFieldError = (name: string, index: number): FieldError => {
    const column = byName.get(name);
    const path = `/${index}/${name}`;
    if (column === undefined) {
      return {
        path,
        row: index,
        field: name,
        code: "UNKNOWN_FIELD",
        message: `${name} is not a column of the schema`,
      };
    }
    return {
      path,
      row: index,
      field: name,
      code: "WRONG_STREAM",
      message: `${name} is a ${column.role} column; send it to /${selectColumnStream(column)}`,
    };
  };

  return {
    addRow(row, index) {
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        return [
          {
            path: `/${index}`,
            row: index,
            code: "ROW_NOT_OBJECT",
            message: "each row must be a JSON object",
          },
        ];
      }
      const record = row as Record<string, unknown>;
      let errors: FieldError[] | undefined;
      // Fields of the schema this row has: when they are all its fields, no field is unknown.
      let known = 0;
      let eventId: string | null = null;
      if (idColumn !== undefined) {
        const value = record[idColumn.name];
        if (value !== undefined) known += 1;
        const parsed =
          !requireId && value === undefined
            ? ({ ok: true, value: null } as const)
            : parseColumnValue(idColumn, value, textValues);
        if (parsed.ok) eventId = parsed.value === null ? null : String(parsed.value);
        else errors = addFieldError(errors, index, idColumn, parsed);
      }
      let timeMs = fallbackMs;
      if (timestampColumn !== undefined) {
        const value = record[timestampColumn.name];
        if (value !== undefined && timestampColumn !== idColumn) known += 1;
        if (keepsTimestamp && !(stream === "reference" && value === undefined)) {
          const parsed = parseColumnValue(timestampColumn, value, textValues);
          if (parsed.ok) timeMs = parsed.value === null ? fallbackMs : (parsed.value as number);
          else errors = addFieldError(errors, index, timestampColumn, parsed);
        }
      }
      for (let column = 0; column < writers.length; column += 1) {
        const spec = stored[column]!;
        const value = record[spec.name];
        if (value !== undefined && spec !== idColumn && spec !== timestampColumn) known += 1;
        const failure = writers[column]!.write(value, rowCount);
        if (failure !== undefined) errors = addFieldError(errors, index, spec, failure);
      }
      // Object.keys of rows parsed alike is V8's cached key list: cheaper than looking up every key.
      if (Object.keys(record).length !== known) {
        for (const name in record) {
          if (!accepted.has(name)) (errors ??= []).push(unknownFieldError(name, index));
        }
      }
      if (errors !== undefined) return errors;
      if (eventId !== null && requireId) {
        if (seenIds.has(eventId)) {
          duplicatesInRequest += 1;
          return noErrors;
        }
        seenIds.add(eventId);
      }
      eventIds.push(eventId);
      timestamps.push(timeMs);
      rowCount += 1;
      return noErrors;
    },
    get rowCount() {
      return rowCount;
    },
    get duplicatesInRequest() {
      return duplicatesInRequest;
    },
    build() {
      return {
        target,
        rowCount,
        eventIds,
        timestampsMs: keepsTimestamp ? Float64Array.from(timestamps) : null,
        receivedAtMs: options.receivedAtMs,
        columns: stored.map((column) => ({ name: column.name, storage: selectStorageType(column) })),
        values: writers.map((writer) => writer.finish(rowCount)),
      };
    },
  };
}
