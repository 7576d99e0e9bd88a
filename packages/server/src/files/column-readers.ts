/**
 * Reads the analysed columns of both sides out of DuckDB into typed arrays: one materialised SELECT per
 * side for numbers, category codes and text (so rows stay aligned), plus a 64-bit hash of each row for
 * duplicate counting; one flattened query per embedding column. Categories arrive as value hashes and
 * become codes through their dictionary (`category-codes.ts`), so no per-row JS string is made for them.
 * Number and code arrays live in shared memory, so a worker thread can read them without a copy.
 */
import type { Category, SchemaColumnKind, StorageType } from "@sextant/core";
import { countDuplicateRowHashes } from "@sextant/core";
import { settleInOrder, type DuckDbSession, type ResultChunk } from "./duckdb-session.js";
import {
  decodeHashedCodes,
  loadCategoryDictionaries,
  toCategoryExpression,
  type CategoryDictionary,
  type HashCodeTable,
} from "./category-codes.js";
import { toSqlIdentifier } from "./file-format.js";
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

function toSelectExpression(plan: ColumnPlan, dictionary: CategoryDictionary | undefined): string {
  const c = toSqlIdentifier(plan.name);
  switch (plan.kind) {
    case "numeric":
      // Numbers cast (or pass) without TRY_CAST's per-value check; anything else may hold unparsable values.
      return plan.storage === "integer" || plan.storage === "float"
        ? `coalesce(CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)`
        : `coalesce(TRY_CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)`;
    case "categorical":
      return toCategoryExpression(plan, dictionary!);
    case "text":
      return `CAST(${c} AS VARCHAR)`;
    case "embedding":
      throw new RangeError("embeddings are read separately");
  }
}

type SideBuffers = (Float64Array | Int32Array | (string | null)[])[];

/** One side's columns in plan order and its duplicate-row count. */
interface SideRead {
  readonly buffers: SideBuffers;
  readonly duplicateRows: number;
}

function allocate(plans: readonly ColumnPlan[], rowCount: number): SideBuffers {
  return plans.map((p) =>
    p.kind === "numeric"
      ? new Float64Array(new SharedArrayBuffer(8 * rowCount))
      : p.kind === "categorical"
        ? new Int32Array(new SharedArrayBuffer(4 * rowCount))
        : [],
  );
}

function copyChunk(input: {
  chunk: ResultChunk;
  buffers: SideBuffers;
  tables: readonly (HashCodeTable | undefined)[];
  offset: number;
}): void {
  const { chunk, offset } = input;
  input.buffers.forEach((buffer, i) => {
    const table = input.tables[i];
    if (Array.isArray(buffer)) {
      for (const v of chunk.valueColumn(i)) buffer.push(typeof v === "string" ? v : null);
    } else if (table !== undefined) {
      const out = buffer as Int32Array;
      decodeHashedCodes({ words: chunk.wordColumn(i), rowCount: chunk.rowCount, table, out, offset });
    } else {
      (buffer as Float64Array).set(chunk.typedColumn(i).subarray(0, chunk.rowCount), offset);
    }
  });
}

/** The per-side SELECT: the columns' read expressions, then a 64-bit hash of them for duplicate rows. */
export function toSideSelectSql(side: Side, expressions: readonly string[]): string {
  const names = expressions.map((_, i) => `c${i}`);
  const inner = expressions.map((e, i) => `${e} AS ${names[i]!}`).join(", ");
  return `SELECT ${names.join(", ")}, hash(${names.join(", ")}) FROM (SELECT ${inner} FROM ${side})`;
}

async function readSide(input: {
  session: DuckDbSession;
  side: Side;
  plans: readonly ColumnPlan[];
  dictionaries: ReadonlyMap<string, CategoryDictionary>;
  rowCount: number;
}): Promise<SideRead> {
  const buffers = allocate(input.plans, input.rowCount);
  if (input.plans.length === 0) return { buffers, duplicateRows: 0 };
  const dictionaries = input.plans.map((p) => input.dictionaries.get(p.name));
  const expressions = input.plans.map((p, i) => toSelectExpression(p, dictionaries[i]));
  const tables = dictionaries.map((d) => d?.table);
  const hashColumn = expressions.length;
  const hashes = new Uint32Array(2 * input.rowCount);
  let offset = 0;
  await input.session.readChunks(toSideSelectSql(input.side, expressions), (chunk) => {
    copyChunk({ chunk, buffers, tables, offset });
    hashes.set(chunk.wordColumn(hashColumn).subarray(0, 2 * chunk.rowCount), 2 * offset);
    offset += chunk.rowCount;
  });
  return { buffers, duplicateRows: countDuplicateRowHashes(hashes) };
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
  await session.readChunks(
    `SELECT coalesce(CAST(unnest(${c}) AS DOUBLE), 'NaN'::DOUBLE) FROM ${side} WHERE ${c} IS NOT NULL`,
    (chunk) => {
      values.set(chunk.typedColumn(0).subarray(0, chunk.rowCount), offset);
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

/**
 * Reads every planned column of both sides (in plan order) and counts each side's duplicate rows;
 * `forceEnumCodes` codes categories by ENUM, the fallback path, so tests can compare the two.
 */
export async function readColumns(input: {
  session: DuckDbSession;
  plans: readonly ColumnPlan[];
  referenceRows: number;
  currentRows: number;
  /** Dictionaries already listed while counting distinct values. */
  knownDictionaries?: ReadonlyMap<string, CategoryDictionary>;
  forceEnumCodes?: boolean;
}): Promise<{ columns: Map<string, LoadedColumn>; duplicateRows: [number, number] }> {
  const { session } = input;
  const flat = input.plans.filter((p) => p.kind !== "embedding");
  const dictionaries = await loadCategoryDictionaries({
    session,
    plans: flat.filter((p) => p.kind === "categorical"),
    ...(input.knownDictionaries === undefined ? {} : { known: input.knownDictionaries }),
    ...(input.forceEnumCodes === undefined ? {} : { forceEnum: input.forceEnumCodes }),
  });
  // Both sides at once (two connections): one side's chunks are copied while DuckDB scans the other.
  const read = (side: Side, rowCount: number) =>
    readSide({ session, side, plans: flat, dictionaries, rowCount });
  const [reference, current] = await settleInOrder<[SideRead, SideRead]>([
    read("ref", input.referenceRows),
    read("cur", input.currentRows),
  ]);
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
    loaded.set(
      plan.name,
      toLoadedColumn(plan, dictionaries.get(plan.name)?.labels, reference.buffers[i]!, current.buffers[i]!),
    );
  }
  return { columns: loaded, duplicateRows: [reference.duplicateRows, current.duplicateRows] };
}
