/**
 * Reads the analysed columns of both sides out of DuckDB into typed arrays: one streamed SELECT per side
 * for numbers, category codes and text (so rows stay aligned), one flattened query per embedding column.
 * Categories become ENUM codes inside DuckDB, so no per-row JS string is made for them.
 */
import type { Category, SchemaColumnKind, StorageType } from "@sextant/core";
import type { DuckDbSession, StreamedChunk } from "./duckdb-session.js";
import { toUnifiedExpression } from "./column-facts.js";
import { toSqlIdentifier, toSqlLiteral } from "./file-format.js";
import { InputError } from "./input-error.js";
import type { LoadedColumn } from "./loaded-datasets.js";

/** A column to read: its final kind and its (unified) storage. */
export interface ColumnPlan {
  readonly name: string;
  readonly kind: SchemaColumnKind;
  readonly storage: StorageType;
  readonly typeErrors: { readonly reference: number; readonly current: number };
  readonly embeddingDimension: number;
}

type Side = "ref" | "cur";

function toCategory(label: string, storage: StorageType): Category {
  if (storage === "integer" || storage === "float") return Number(label);
  if (storage === "boolean") return label === "true";
  return label;
}

/** Reads each categorical column's distinct values over both sides in one pass. */
async function loadDictionaries(
  session: DuckDbSession,
  plans: readonly ColumnPlan[],
): Promise<Map<string, string[]>> {
  const categorical = plans.filter((p) => p.kind === "categorical");
  const dictionaries = new Map<string, string[]>();
  if (categorical.length === 0) return dictionaries;
  const selects = categorical.map((_, i) => `list(DISTINCT CAST(c${i} AS VARCHAR))`);
  const union = categorical.map((p, i) => `${toUnifiedExpression(p.name, p.storage)} AS c${i}`).join(", ");
  const rows = await session.queryRows(
    `SELECT ${selects.join(", ")} FROM (SELECT ${union} FROM ref UNION ALL SELECT ${union} FROM cur)`,
  );
  categorical.forEach((p, i) => {
    const value = rows[0]?.[i] as { items?: unknown[] } | null | undefined;
    const labels = (value?.items ?? []).filter((v): v is string => typeof v === "string");
    dictionaries.set(p.name, labels);
  });
  return dictionaries;
}

async function createEnumTypes(
  session: DuckDbSession,
  dictionaries: Map<string, string[]>,
): Promise<Map<string, string>> {
  const typeNames = new Map<string, string>();
  let index = 0;
  for (const [name, labels] of dictionaries) {
    const typeName = `__sextant_enum_${index++}`;
    // An ENUM needs at least one value; a column with no values maps every row to -1 anyway.
    const values = labels.length === 0 ? [toSqlLiteral("\u0000")] : labels.map(toSqlLiteral);
    await session.run(`CREATE TYPE ${typeName} AS ENUM (${values.join(", ")})`);
    typeNames.set(name, typeName);
  }
  return typeNames;
}

function toSelectExpression(plan: ColumnPlan, enumType: string | undefined): string {
  const c = toSqlIdentifier(plan.name);
  switch (plan.kind) {
    case "numeric":
      return `coalesce(TRY_CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)`;
    case "categorical":
      return `coalesce(CAST(enum_code(CAST(CAST(${toUnifiedExpression(plan.name, plan.storage)} AS VARCHAR) AS ${enumType!})) AS INTEGER), -1)`;
    case "text":
      return `CAST(${c} AS VARCHAR)`;
    case "embedding":
      throw new RangeError("embeddings are read separately");
  }
}

type SideBuffers = (Float64Array | Int32Array | (string | null)[])[];

function allocate(plans: readonly ColumnPlan[], rowCount: number): SideBuffers {
  return plans.map((p) =>
    p.kind === "numeric"
      ? new Float64Array(rowCount)
      : p.kind === "categorical"
        ? new Int32Array(rowCount)
        : [],
  );
}

function copyChunk(chunk: StreamedChunk, buffers: SideBuffers, offset: number): void {
  buffers.forEach((buffer, i) => {
    if (Array.isArray(buffer)) {
      for (const v of chunk.valueColumn(i)) buffer.push(typeof v === "string" ? v : null);
    } else {
      const items = chunk.typedColumn(i);
      (buffer as Float64Array).set(items.subarray(0, chunk.rowCount) as Float64Array, offset);
    }
  });
}

async function readSide(input: {
  session: DuckDbSession;
  side: Side;
  plans: readonly ColumnPlan[];
  enumTypes: Map<string, string>;
  rowCount: number;
}): Promise<SideBuffers> {
  const buffers = allocate(input.plans, input.rowCount);
  if (input.plans.length === 0) return buffers;
  const projection = input.plans.map((p) => toSelectExpression(p, input.enumTypes.get(p.name))).join(", ");
  let offset = 0;
  await input.session.streamChunks(`SELECT ${projection} FROM ${input.side}`, (chunk) => {
    copyChunk(chunk, buffers, offset);
    offset += chunk.rowCount;
  });
  return buffers;
}

async function readEmbedding(session: DuckDbSession, side: Side, plan: ColumnPlan) {
  const c = toSqlIdentifier(plan.name);
  const counts = await session.queryRows(
    `SELECT CAST(count(${c}) AS DOUBLE), CAST(count(*) AS DOUBLE) FROM ${side}`,
  );
  const rowCount = Number(counts[0]?.[0] ?? 0);
  const missing = Number(counts[0]?.[1] ?? 0) - rowCount;
  const values = new Float64Array(rowCount * plan.embeddingDimension);
  let offset = 0;
  await session.streamChunks(
    `SELECT coalesce(CAST(unnest(${c}) AS DOUBLE), 'NaN'::DOUBLE) FROM ${side} WHERE ${c} IS NOT NULL`,
    (chunk) => {
      values.set(chunk.typedColumn(0).subarray(0, chunk.rowCount) as Float64Array, offset);
      offset += chunk.rowCount;
    },
  );
  if (offset !== values.length) {
    throw new InputError(
      "EMBEDDING_RAGGED",
      `embedding column ${plan.name} has vectors of different lengths`,
    );
  }
  return { matrix: { rowCount, dimension: plan.embeddingDimension, values }, missing };
}

function toLoadedColumn(
  plan: ColumnPlan,
  dictionary: readonly string[] | undefined,
  reference: SideBuffers[number],
  current: SideBuffers[number],
): LoadedColumn {
  switch (plan.kind) {
    case "numeric":
      return {
        kind: "numeric",
        reference: reference as Float64Array,
        current: current as Float64Array,
        typeErrors: plan.typeErrors,
      };
    case "categorical":
      return {
        kind: "categorical",
        categories: (dictionary ?? []).map((label) => toCategory(label, plan.storage)),
        reference: reference as Int32Array,
        current: current as Int32Array,
      };
    default:
      return {
        kind: "text",
        reference: reference as (string | null)[],
        current: current as (string | null)[],
      };
  }
}

/** Reads every planned column of both sides; the result keeps plan order. */
export async function readColumns(input: {
  session: DuckDbSession;
  plans: readonly ColumnPlan[];
  referenceRows: number;
  currentRows: number;
}): Promise<Map<string, LoadedColumn>> {
  const { session } = input;
  const flat = input.plans.filter((p) => p.kind !== "embedding");
  const dictionaries = await loadDictionaries(session, flat);
  const enumTypes = await createEnumTypes(session, dictionaries);
  const reference = await readSide({
    session,
    side: "ref",
    plans: flat,
    enumTypes,
    rowCount: input.referenceRows,
  });
  const current = await readSide({
    session,
    side: "cur",
    plans: flat,
    enumTypes,
    rowCount: input.currentRows,
  });
  const loaded = new Map<string, LoadedColumn>();
  for (const plan of input.plans) {
    if (plan.kind === "embedding") {
      const r = await readEmbedding(session, "ref", plan);
      const c = await readEmbedding(session, "cur", plan);
      loaded.set(plan.name, {
        kind: "embedding",
        reference: r.matrix,
        current: c.matrix,
        missing: { reference: r.missing, current: c.missing },
      });
      continue;
    }
    const i = flat.indexOf(plan);
    loaded.set(plan.name, toLoadedColumn(plan, dictionaries.get(plan.name), reference[i]!, current[i]!));
  }
  return loaded;
}
