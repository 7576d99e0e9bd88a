/**
 * Typed column buffers the batch builder writes validated values into at a row position. A rejected
 * row is simply not counted, and the next row overwrites its slots: no per-value allocation.
 * Numbers take a fast path; every other case goes through `parseColumnValue`.
 */
import type { ColumnSpec } from "@sextant/sdk";
import type { ColumnValues } from "../storage/event-batch.js";
import { selectStorageType } from "../registry/schema-layout.js";
import { parseColumnValue } from "./value-parsers.js";

/** Why a value was refused. */
export interface ValueFailure {
  readonly code: string;
  readonly message: string;
}

/** Writes one column's values at row positions. */
export interface ColumnWriter {
  /** Stores the value at `row`, or returns why it is refused. */
  write(value: unknown, row: number): ValueFailure | undefined;
  /** The first `rowCount` values as a storage column. */
  finish(rowCount: number): ColumnValues;
}

function createDoubleWriter(column: ColumnSpec, textValues: boolean): ColumnWriter {
  let values = new Float64Array(1024);
  let valid = new Uint8Array(1024);
  const ensure = (row: number): void => {
    if (row < values.length) return;
    const nextValues = new Float64Array(values.length * 2);
    nextValues.set(values);
    values = nextValues;
    const nextValid = new Uint8Array(valid.length * 2);
    nextValid.set(valid);
    valid = nextValid;
  };
  return {
    write(value, row) {
      ensure(row);
      if (typeof value === "number" && Number.isFinite(value)) {
        values[row] = value;
        valid[row] = 1;
        return undefined;
      }
      const parsed = parseColumnValue(column, value, textValues);
      if (!parsed.ok) return parsed;
      values[row] = parsed.value === null ? 0 : (parsed.value as number);
      valid[row] = parsed.value === null ? 0 : 1;
      return undefined;
    },
    finish: (rowCount) => ({
      storage: "double",
      values: values.slice(0, rowCount),
      valid: valid.slice(0, rowCount),
    }),
  };
}

function createGenericWriter(column: ColumnSpec, textValues: boolean): ColumnWriter {
  const storage = selectStorageType(column);
  const values: unknown[] = [];
  const fastStrings = column.type === "categorical" || column.type === "text";
  return {
    write(value, row) {
      if (fastStrings && typeof value === "string" && !(textValues && value.trim() === "")) {
        values[row] = value;
        return undefined;
      }
      const parsed = parseColumnValue(column, value, textValues);
      if (!parsed.ok) return parsed;
      values[row] = parsed.value;
      return undefined;
    },
    finish(rowCount) {
      values.length = rowCount;
      switch (storage) {
        case "varchar":
          return { storage, values: values as (string | null)[] };
        case "boolean":
          return { storage, values: values as (boolean | null)[] };
        default:
          return { storage: "double_list", values: values as (number[] | null)[] };
      }
    },
  };
}

/** A writer for a stored column of the schema. */
export function createColumnWriter(column: ColumnSpec, textValues: boolean): ColumnWriter {
  return selectStorageType(column) === "double"
    ? createDoubleWriter(column, textValues)
    : createGenericWriter(column, textValues);
}
