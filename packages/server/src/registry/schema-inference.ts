/**
 * Infers a version schema from sample rows: the value type of each column from its values, its role
 * from the caller's hints and from names (`*_id`, `timestamp`), with the model task deciding whether
 * labels are categorical or numeric. The result is a proposal the user edits.
 */
import type { ColumnSpec, ModelTask, inferSchemaRequestSchema } from "@sextant/sdk";
import type { z } from "zod";

type Hints = Omit<z.output<typeof inferSchemaRequestSchema>, "rows" | "apply">;

const categoricalMaxDistinct = 50;

function isDateLike(value: unknown): boolean {
  if (value instanceof Date) return true;
  return (
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function isNumberList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "number");
}

function isProbabilityMap(value: unknown): value is Record<string, number> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    Object.values(value).every((item) => typeof item === "number")
  );
}

function collectColumns(rows: readonly Record<string, unknown>[]): Map<string, unknown[]> {
  const columns = new Map<string, unknown[]>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (!columns.has(name)) columns.set(name, []);
      if (value !== null && value !== undefined && value !== "") columns.get(name)!.push(value);
    }
  }
  return columns;
}

function inferValueShape(
  values: readonly unknown[],
): Pick<ColumnSpec, "type"> & { dimension?: number; classes?: string[] } {
  if (values.length === 0) return { type: "categorical" };
  if (values.every((value) => typeof value === "boolean")) return { type: "boolean" };
  if (values.every((value) => typeof value === "number" || typeof value === "bigint"))
    return { type: "numeric" };
  if (values.every(isNumberList))
    return { type: "embedding", dimension: Math.max(...values.map((value) => value.length)) };
  if (values.every(isProbabilityMap))
    return { type: "probabilities", classes: Object.keys(values[0] as object).sort() };
  if (values.every(isDateLike)) return { type: "timestamp" };
  const strings = values.map(String);
  const distinct = new Set(strings).size;
  const meanLength = strings.reduce((sum, text) => sum + text.length, 0) / strings.length;
  const categorical = distinct <= Math.max(categoricalMaxDistinct, values.length * 0.05) && meanLength <= 40;
  return { type: categorical ? "categorical" : "text" };
}

function selectIdColumn(
  columns: Map<string, unknown[]>,
  rowCount: number,
  hint: string | undefined,
): string | undefined {
  if (hint !== undefined) return hint;
  const candidates = [...columns.keys()].filter((name) => /(^id$|_id$|^uuid$|^event_?id$)/i.test(name));
  return (
    candidates.find((name) => new Set(columns.get(name)!.map(String)).size === rowCount) ?? candidates[0]
  );
}

function selectTimestampColumn(
  columns: Map<string, unknown[]>,
  hint: string | undefined,
): string | undefined {
  if (hint !== undefined) return hint;
  return [...columns.keys()].find(
    (name) => /^(ts|timestamp|time|event_time|.*_at)$/i.test(name) && columns.get(name)!.every(isDateLike),
  );
}

function toLabelSpec(
  name: string,
  role: "target" | "prediction_label",
  values: readonly unknown[],
  task: ModelTask,
): ColumnSpec {
  const numericTask = task === "regression" || task === "ranking";
  const shape = inferValueShape(values);
  const type = numericTask ? "numeric" : shape.type === "boolean" ? "boolean" : "categorical";
  return { name, role, type, nullable: true, description: "" };
}

function toPredictionSpec(name: string, values: readonly unknown[], task: ModelTask): ColumnSpec {
  const shape = inferValueShape(values);
  if (shape.type === "probabilities" || (shape.type === "embedding" && task === "multiclass")) {
    return {
      name,
      role: "class_probabilities",
      type: "probabilities",
      nullable: true,
      description: "",
      ...(shape.classes === undefined ? {} : { classes: shape.classes }),
    };
  }
  const isScore =
    shape.type === "numeric" &&
    task === "binary" &&
    values.some((value) => Number(value) !== Math.round(Number(value))) &&
    values.every((value) => Number(value) >= 0 && Number(value) <= 1);
  if (isScore) return { name, role: "prediction_score", type: "numeric", nullable: true, description: "" };
  return toLabelSpec(name, "prediction_label", values, task);
}

/** Proposes the columns of a schema from sample rows and role hints. */
export function inferSchemaColumns(
  rows: readonly Record<string, unknown>[],
  hints: Hints,
  task: ModelTask,
): ColumnSpec[] {
  const columns = collectColumns(rows);
  const idColumn = selectIdColumn(columns, rows.length, hints.idColumn);
  const timestampColumn = selectTimestampColumn(columns, hints.timestampColumn);
  const roleHints = new Map<string, "segment" | "protected_attribute" | "business_outcome">();
  for (const name of hints.segmentColumns) roleHints.set(name, "segment");
  for (const name of hints.protectedAttributes) roleHints.set(name, "protected_attribute");
  for (const name of hints.outcomeColumns) roleHints.set(name, "business_outcome");
  return [...columns.entries()].map(([name, values]): ColumnSpec => {
    if (name === idColumn) return { name, role: "id", type: "string", nullable: false, description: "" };
    if (name === timestampColumn)
      return { name, role: "timestamp", type: "timestamp", nullable: false, description: "" };
    if (hints.targetColumns.includes(name)) return toLabelSpec(name, "target", values, task);
    if (hints.predictionColumns.includes(name)) return toPredictionSpec(name, values, task);
    const shape = inferValueShape(values);
    const role = roleHints.get(name);
    if (role === "business_outcome") {
      const type = shape.type === "numeric" || shape.type === "boolean" ? shape.type : "categorical";
      return { name, role, type, nullable: true, description: "" };
    }
    if (role !== undefined) {
      return {
        name,
        role,
        type: shape.type === "boolean" ? "boolean" : "categorical",
        nullable: true,
        description: "",
      };
    }
    const type = shape.type === "timestamp" || shape.type === "probabilities" ? "categorical" : shape.type;
    return {
      name,
      role: "feature",
      type,
      nullable: true,
      description: "",
      ...(shape.dimension === undefined ? {} : { dimension: shape.dimension }),
    };
  });
}
