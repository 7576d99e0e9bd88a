/**
 * Reads the analysed columns of both sides out of DuckDB into typed arrays: one materialised SELECT per
 * side for numbers, category codes and text (so rows stay aligned), plus a 64-bit hash of each row for
 * duplicate counting; one flattened query per embedding column. Categories arrive as value hashes and
 * become codes through their dictionary (`category-codes.ts`), so no per-row JS string is made for them.
 * Number and code arrays live in shared memory, so a worker thread can read them without a copy.
 */
import type { Category, SchemaColumnKind, StorageType } from "@sextant/core";
import { settleInOrder, type DuckDbSession } from "./duckdb-session.js";
import {
  findHashWindow,
  loadCategoryDictionaries,
  toCategoryExpression,
  toPackedWindowsExpression,
  toValueHashExpression,
  type CategoryDictionary,
  type HashCodeEntry,
} from "./category-codes.js";
import {
  readSideRows,
  toSideSelectSql,
  type Side,
  type SideBuffers,
  type SideColumn,
  type SideColumnKind,
  type SideRead,
  type SideReader,
} from "./side-read.js";
import type { UnifiedColumn } from "./column-facts.js";
import { toSqlIdentifier } from "./file-format.js";
import { InputError } from "./input-error.js";
import type { LoadedColumn } from "./loaded-datasets.js";

/** A column to read: its final kind and its (unified) storage. */
export interface ColumnPlan extends UnifiedColumn {
  readonly kind: SchemaColumnKind;
  readonly typeErrors: { readonly reference: number; readonly current: number };
  readonly embeddingDimension: number;
}

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

/** The read kind of a flat (non-embedding) plan. */
function toSideColumnKind(plan: ColumnPlan): SideColumnKind {
  return plan.kind === "numeric" || plan.kind === "categorical" ? plan.kind : "text";
}

/**
 * The SELECT expressions of a side read (the same for both sides) and how each flat plan comes out of
 * them: categorical columns whose values a 16-bit hash window tells apart are read as that window, four
 * to a packed 64-bit column after the others (fewer, narrower columns to move out of DuckDB).
 */
export function planSideSelect(
  plans: readonly ColumnPlan[],
  dictionaries: ReadonlyMap<string, CategoryDictionary>,
): { expressions: string[]; columns: SideColumn[] } {
  const expressions: string[] = [];
  const columns: SideColumn[] = [];
  const windowed: { index: number; hash: string; shift: number; entries: readonly HashCodeEntry[] }[] = [];
  plans.forEach((plan, index) => {
    const dictionary = dictionaries.get(plan.name);
    const kind = toSideColumnKind(plan);
    const entries = kind === "categorical" ? dictionary?.table?.entries : undefined;
    const shift = entries === undefined ? undefined : findHashWindow(entries);
    if (entries !== undefined && shift !== undefined) {
      windowed.push({ index, hash: toValueHashExpression(plan), shift, entries });
      return;
    }
    columns[index] = { kind, source: expressions.length, ...(entries === undefined ? {} : { entries }) };
    expressions.push(toSelectExpression(plan, dictionary));
  });
  for (let first = 0; first < windowed.length; first += 4) {
    const group = windowed.slice(first, first + 4);
    const source = expressions.length;
    group.forEach(({ index, shift, entries }, part) => {
      columns[index] = { kind: "categorical", source, entries, window: { shift, part } };
    });
    expressions.push(toPackedWindowsExpression(group));
  }
  return { expressions, columns };
}

/** Reads one side here, or (the current side of a Parquet pair) in another thread when `remote` is given. */
async function readSide(input: {
  session: DuckDbSession;
  side: Side;
  select: { readonly expressions: readonly string[]; readonly columns: readonly SideColumn[] };
  /** ENUM-coded categories exist only in this session's catalog: such a side is read here. */
  enumCoded: boolean;
  rowCount: number;
  remote?: { readonly read: SideReader; readonly path: string } | undefined;
}): Promise<SideRead> {
  const { expressions, columns } = input.select;
  const sql = toSideSelectSql(input.side, expressions);
  const request = { sql, selectCount: expressions.length, columns, rowCount: input.rowCount };
  const remote = input.remote;
  if (remote !== undefined && !input.enumCoded && expressions.length > 0) {
    try {
      return await remote.read({ path: remote.path, ...request });
    } catch {
      // The other thread could not read it (it is readable: this session just did); read it here.
    }
  }
  return readSideRows({ session: input.session, ...request });
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
  /** Reads the current side (a Parquet file at `path`) in another thread while this one reads the reference. */
  readCurrentElsewhere?: { readonly read: SideReader; readonly path: string };
}): Promise<{ columns: Map<string, LoadedColumn>; duplicateRows: [number, number] }> {
  const { session } = input;
  const flat = input.plans.filter((p) => p.kind !== "embedding");
  const dictionaries = await loadCategoryDictionaries({
    session,
    plans: flat.filter((p) => p.kind === "categorical"),
    ...(input.knownDictionaries === undefined ? {} : { known: input.knownDictionaries }),
    ...(input.forceEnumCodes === undefined ? {} : { forceEnum: input.forceEnumCodes }),
  });
  const select = planSideSelect(flat, dictionaries);
  const enumCoded = [...dictionaries.values()].some((d) => d.table === undefined);
  // Both sides at once (two connections, or the current side in another thread): one side's chunks are
  // copied while DuckDB scans the other.
  const read = (side: Side, rowCount: number) =>
    readSide({
      session,
      side,
      select,
      enumCoded,
      rowCount,
      remote: side === "cur" ? input.readCurrentElsewhere : undefined,
    });
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
