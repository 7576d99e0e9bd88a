/**
 * Checks a version schema for consistency (one id column, role/type pairs, embedding dimensions,
 * class lists) and derives the storage layout of its event tables from the column roles.
 */
import { allowedValueTypes, type ColumnSpec, type FieldError } from "@sextant/sdk";
import type { EventLayout, StorageType, StoredColumn } from "../storage/event-batch.js";

const predictionRoles = new Set([
  "feature",
  "prediction_label",
  "prediction_score",
  "class_probabilities",
  "segment",
  "protected_attribute",
]);

/** The storage type of a column's values. */
export function selectStorageType(column: ColumnSpec): StorageType {
  switch (column.type) {
    case "numeric":
      return "double";
    case "boolean":
      return "boolean";
    case "embedding":
    case "probabilities":
      return "double_list";
    default:
      return "varchar";
  }
}

/** Which stream a column is ingested with; id and timestamp belong to every stream. */
export function selectColumnStream(column: ColumnSpec): "predictions" | "labels" | "outcomes" | "key" {
  if (column.role === "id" || column.role === "timestamp") return "key";
  if (column.role === "target") return "labels";
  if (column.role === "business_outcome") return "outcomes";
  return "predictions";
}

/** The user columns of each event table of a schema. */
export function deriveEventLayout(columns: readonly ColumnSpec[]): EventLayout {
  const toStored = (column: ColumnSpec): StoredColumn => ({
    name: column.name,
    storage: selectStorageType(column),
  });
  return {
    predictions: columns.filter((column) => predictionRoles.has(column.role)).map(toStored),
    labels: columns.filter((column) => column.role === "target").map(toStored),
    outcomes: columns.filter((column) => column.role === "business_outcome").map(toStored),
    reference: columns.filter((column) => selectColumnStream(column) !== "key").map(toStored),
  };
}

function checkColumn(column: ColumnSpec, index: number): FieldError[] {
  const path = `/columns/${index}`;
  const errors: FieldError[] = [];
  const fail = (suffix: string, code: string, message: string): void => {
    errors.push({ path: `${path}${suffix}`, field: column.name, code, message });
  };
  if (column.name.startsWith("__sx_"))
    fail("/name", "RESERVED_NAME", "names starting with __sx_ are reserved");
  if (!allowedValueTypes[column.role].includes(column.type)) {
    fail(
      "/type",
      "TYPE_NOT_ALLOWED",
      `role ${column.role} takes ${allowedValueTypes[column.role].join(", ")}`,
    );
  }
  if (column.type === "embedding" && column.dimension === undefined) {
    fail("/dimension", "REQUIRED", "embedding columns need a dimension");
  }
  if (column.type === "probabilities" && column.classes === undefined) {
    fail("/classes", "REQUIRED", "class probabilities need the list of classes");
  }
  if ((column.role === "id" || column.role === "timestamp") && column.nullable) {
    fail("/nullable", "NOT_NULLABLE", `the ${column.role} column cannot be nullable`);
  }
  return errors;
}

/** Every consistency problem of a schema's columns (empty when it is valid). */
export function checkSchemaColumns(columns: readonly ColumnSpec[]): FieldError[] {
  const errors = columns.flatMap(checkColumn);
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (seen.has(column.name)) {
      errors.push({
        path: `/columns/${index}/name`,
        field: column.name,
        code: "DUPLICATE",
        message: "duplicate column name",
      });
    }
    seen.add(column.name);
  });
  const count = (role: string): number => columns.filter((column) => column.role === role).length;
  if (count("id") !== 1) {
    errors.push({
      path: "/columns",
      code: "ID_COLUMN",
      message: `exactly one id column is required, found ${count("id")}`,
    });
  }
  if (count("timestamp") > 1) {
    errors.push({ path: "/columns", code: "TIMESTAMP_COLUMN", message: "at most one timestamp column" });
  }
  return errors;
}
