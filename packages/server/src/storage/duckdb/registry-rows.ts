/** Converters between DuckDB registry rows (snake_case, JSON text columns) and domain records. */
import type {
  ModelRecord,
  ReferenceRecord,
  SchemaRecord,
  SegmentRecord,
  VersionRecord,
  WorkspaceRecord,
} from "../../registry/records.js";

/** A row as `getRowObjectsJS` returns it. */
export type Row = Record<string, unknown>;

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  throw new Error(`expected a timestamp, got ${typeof value}`);
}

function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

function toStringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : (value as string);
}

/** Epoch microseconds of a date, as a SQL literal-free parameter. */
export function toTimestampParam(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

/** A workspace row to a record. */
export function workspaceFromRow(row: Row): WorkspaceRecord {
  return {
    id: String(row.id),
    slug: String(row.slug),
    name: String(row.name),
    description: String(row.description),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** A model row to a record. */
export function modelFromRow(row: Row): ModelRecord {
  return {
    id: String(row.id),
    workspaceId: String(row.workspace_id),
    name: String(row.name),
    description: String(row.description),
    task: String(row.task) as ModelRecord["task"],
    owner: JSON.parse(String(row.owner_json)) as ModelRecord["owner"],
    businessOwner:
      row.business_owner_json === null
        ? null
        : (JSON.parse(row.business_owner_json as string) as ModelRecord["owner"]),
    stakeholders: JSON.parse(String(row.stakeholders_json)) as ModelRecord["stakeholders"],
    tags: JSON.parse(String(row.tags_json)) as string[],
    riskTier: String(row.risk_tier) as ModelRecord["riskTier"],
    costPer1kPredictions: row.cost_per_1k === null ? null : Number(row.cost_per_1k),
    costCurrency: String(row.cost_currency),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** Model record fields in column order of the `models` table. */
export function modelToParams(record: ModelRecord): (string | number | null)[] {
  return [
    record.id,
    record.workspaceId,
    record.name,
    record.description,
    record.task,
    JSON.stringify(record.owner),
    record.businessOwner === null ? null : JSON.stringify(record.businessOwner),
    JSON.stringify(record.stakeholders),
    JSON.stringify(record.tags),
    record.riskTier,
    record.costPer1kPredictions,
    record.costCurrency,
    record.createdAt.toISOString(),
    record.updatedAt.toISOString(),
  ];
}

function schemaFromJson(text: unknown): SchemaRecord | null {
  if (text === null || text === undefined) return null;
  const parsed = JSON.parse(text as string) as {
    revision: number;
    columns: SchemaRecord["columns"];
    updatedAt: string;
  };
  return { revision: parsed.revision, columns: parsed.columns, updatedAt: new Date(parsed.updatedAt) };
}

/** A schema record as stored JSON text. */
export function schemaToJson(schema: SchemaRecord | null): string | null {
  return schema === null
    ? null
    : JSON.stringify({
        revision: schema.revision,
        columns: schema.columns,
        updatedAt: schema.updatedAt.toISOString(),
      });
}

/** A version row to a record. */
export function versionFromRow(row: Row): VersionRecord {
  return {
    id: String(row.id),
    modelId: String(row.model_id),
    name: String(row.name),
    description: String(row.description),
    stage: String(row.stage) as VersionRecord["stage"],
    source: String(row.source) as VersionRecord["source"],
    trigger: toStringOrNull(row.trigger_text),
    trainingRunRef: toStringOrNull(row.training_run_ref),
    datasetRef: toStringOrNull(row.dataset_ref),
    schema: schemaFromJson(row.schema_json),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** Version record fields in column order of the `model_versions` table. */
export function versionToParams(record: VersionRecord): (string | null)[] {
  return [
    record.id,
    record.modelId,
    record.name,
    record.description,
    record.stage,
    record.source,
    record.trigger,
    record.trainingRunRef,
    record.datasetRef,
    schemaToJson(record.schema),
    record.createdAt.toISOString(),
    record.updatedAt.toISOString(),
  ];
}

/** A reference row to a record. */
export function referenceFromRow(row: Row): ReferenceRecord {
  return {
    id: String(row.id),
    versionId: String(row.version_id),
    name: String(row.name),
    kind: String(row.kind) as ReferenceRecord["kind"],
    rowCount: row.row_count === null ? null : Number(row.row_count),
    from: toDateOrNull(row.range_from),
    to: toDateOrNull(row.range_to),
    segmentId: toStringOrNull(row.segment_id),
    createdAt: toDate(row.created_at),
  };
}

/** A segment row to a record. */
export function segmentFromRow(row: Row): SegmentRecord {
  return {
    id: String(row.id),
    modelId: String(row.model_id),
    name: String(row.name),
    description: String(row.description),
    conditions: JSON.parse(String(row.conditions_json)) as SegmentRecord["conditions"],
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}
