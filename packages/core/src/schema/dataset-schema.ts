/**
 * The schema of a batch dataset: each column's analysis kind and the roles (target, prediction, id,
 * timestamp, segments, protected attributes). It is what `--save-schema` writes and `--schema` reads, so
 * parsing validates every field and names the first wrong one.
 */
import { schemaColumnKinds, type SchemaColumnKind } from "./column-kind-inference.js";

/** Version of the schema file format. */
export const datasetSchemaVersion = 1;

/** Column roles; every field is optional except the lists. */
export interface DatasetRoles {
  readonly target?: string;
  readonly prediction?: string;
  /** One column of positive-class probabilities, or one column per class. */
  readonly predictionProba?: readonly string[];
  readonly id?: string;
  readonly timestamp?: string;
  readonly segments: readonly string[];
  readonly protected: readonly string[];
}

/** A dataset schema: kinds per column plus roles. */
export interface DatasetSchema {
  readonly version: number;
  readonly columns: Readonly<Record<string, SchemaColumnKind>>;
  readonly roles: DatasetRoles;
}

/** Either a schema or what is wrong with the input. */
export type SchemaParse =
  { readonly ok: true; readonly schema: DatasetSchema } | { readonly ok: false; readonly error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readOptionalString(raw: Record<string, unknown>, key: string): string | undefined | Error {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : new Error(`roles.${key} must be a string`);
}

function readStringList(raw: Record<string, unknown>, key: string): string[] | Error {
  const value = raw[key];
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  return new Error(`roles.${key} must be a list of column names`);
}

function parseRoles(raw: unknown): DatasetRoles | Error {
  if (raw === undefined) return { segments: [], protected: [] };
  if (!isRecord(raw)) return new Error("roles must be an object");
  const target = readOptionalString(raw, "target");
  const prediction = readOptionalString(raw, "prediction");
  const id = readOptionalString(raw, "id");
  const timestamp = readOptionalString(raw, "timestamp");
  const proba = readStringList(raw, "prediction_proba");
  const segments = readStringList(raw, "segments");
  const protectedColumns = readStringList(raw, "protected");
  for (const v of [target, prediction, id, timestamp, proba, segments, protectedColumns]) {
    if (v instanceof Error) return v;
  }
  return {
    ...(typeof target === "string" ? { target } : {}),
    ...(typeof prediction === "string" ? { prediction } : {}),
    ...(Array.isArray(proba) && proba.length > 0 ? { predictionProba: proba } : {}),
    ...(typeof id === "string" ? { id } : {}),
    ...(typeof timestamp === "string" ? { timestamp } : {}),
    segments: segments as string[],
    protected: protectedColumns as string[],
  };
}

/** Validates a parsed JSON/YAML schema file. */
export function parseDatasetSchema(raw: unknown): SchemaParse {
  if (!isRecord(raw)) return { ok: false, error: "a schema file must hold an object" };
  if (raw.version !== undefined && raw.version !== datasetSchemaVersion) {
    return {
      ok: false,
      error: `unsupported schema version ${JSON.stringify(raw.version)} (expected ${datasetSchemaVersion})`,
    };
  }
  const columnsRaw = raw.columns ?? {};
  if (!isRecord(columnsRaw)) return { ok: false, error: "columns must map column names to kinds" };
  const columns: Record<string, SchemaColumnKind> = {};
  for (const [name, kind] of Object.entries(columnsRaw)) {
    if (typeof kind !== "string" || !(schemaColumnKinds as readonly string[]).includes(kind)) {
      return { ok: false, error: `columns.${name}: kind must be one of ${schemaColumnKinds.join(", ")}` };
    }
    columns[name] = kind as SchemaColumnKind;
  }
  const roles = parseRoles(raw.roles);
  if (roles instanceof Error) return { ok: false, error: roles.message };
  return { ok: true, schema: { version: datasetSchemaVersion, columns, roles } };
}

/** The plain object a schema file holds (snake_case keys, roles without empty entries). */
export function toSchemaDocument(schema: DatasetSchema): Record<string, unknown> {
  const r = schema.roles;
  const roles: Record<string, unknown> = {};
  if (r.target !== undefined) roles.target = r.target;
  if (r.prediction !== undefined) roles.prediction = r.prediction;
  if (r.predictionProba !== undefined) roles.prediction_proba = r.predictionProba;
  if (r.id !== undefined) roles.id = r.id;
  if (r.timestamp !== undefined) roles.timestamp = r.timestamp;
  if (r.segments.length > 0) roles.segments = r.segments;
  if (r.protected.length > 0) roles.protected = r.protected;
  return { version: schema.version, columns: schema.columns, roles };
}

/** Every column a role names, each once, in role order. */
export function listRoleColumns(roles: DatasetRoles): string[] {
  const names = [
    roles.target,
    roles.prediction,
    ...(roles.predictionProba ?? []),
    roles.id,
    roles.timestamp,
    ...roles.segments,
    ...roles.protected,
  ].filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}
