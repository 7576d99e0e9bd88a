/**
 * Loads a reference/current pair for a batch report: checks the files, compares their columns, infers
 * (or takes) each column's kind, refuses text in numeric columns, and reads the analysed columns into
 * typed arrays. Every problem with the input becomes an `InputError` naming the file and column.
 */
import { constants as fsConstants } from "node:fs";
import { access, stat } from "node:fs/promises";
import {
  listRoleColumns,
  maxCategoricalStringShare,
  selectInferredColumnKind,
  type DatasetRoles,
  type DatasetSchema,
  type SchemaColumnKind,
} from "@sextant/core";
import {
  hasMixedIntegerWidths,
  storageFromDuckDbType,
  isDistinctCounted,
  toColumnFacts,
  toListLengthSql,
  toNumberLikeSql,
  toSideCountsSql,
  unifyStorage,
  type DescribedColumn,
  type GatheredColumnFacts,
  type UnifiedColumn,
} from "./column-facts.js";
import { toDistinctValues, toDistinctValuesSql, type CategoryDictionary } from "./category-codes.js";
import { readColumns, type ColumnPlan } from "./column-readers.js";
import type { SideReader } from "./side-read.js";
import { openDuckDbSession, settleInOrder, type DuckDbSession } from "./duckdb-session.js";
import { selectFileFormat, toScanSql, toSqlIdentifier, type FileFormat } from "./file-format.js";
import { InputError } from "./input-error.js";
import type { ColumnInference, LoadedDatasets } from "./loaded-datasets.js";

/** What to load and how strictly. */
export interface LoadDatasetsRequest {
  readonly referencePath: string;
  readonly currentPath: string;
  readonly format?: FileFormat;
  /** Kinds fixed by the user (schema file, then `--column-type`, later wins). */
  readonly kindOverrides: Readonly<Record<string, SchemaColumnKind>>;
  readonly roles: DatasetRoles;
  /** Other columns the user named (drift methods, thresholds); each must exist. */
  readonly namedColumns?: readonly string[];
  readonly strict: boolean;
  readonly allowTypeErrors: boolean;
  readonly onProgress?: (fraction: number, label: string) => void;
  /** Reads a Parquet current side in another thread (e.g. the report's worker) while this one reads the reference. */
  readonly readSideElsewhere?: SideReader;
  /**
   * Takes over closing the DuckDB session after a successful load (closing frees its buffers, several
   * milliseconds to tens of them: the CLI closes it after the report is written, or not at all when the
   * process ends first). Without it the session is closed before `loadDatasets` returns; a failed load
   * always closes it.
   */
  readonly releaseSession?: (close: () => void) => void;
  /**
   * Work for this thread while DuckDB profiles the files (its longest wait, tens of milliseconds at a
   * million rows), run once the row counts are in and the other profiling queries still under way.
   */
  readonly whileProfiling?: (rows: { readonly reference: number; readonly current: number }) => void;
}

async function checkFile(path: string, label: string): Promise<void> {
  try {
    await access(path, fsConstants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("FILE_NOT_FOUND", `${label} file not found: ${path}`);
    throw new InputError("FILE_UNREADABLE", `${label} file cannot be read: ${path} (${code ?? "error"})`);
  }
  const info = await stat(path);
  if (info.isDirectory()) throw new InputError("FILE_UNREADABLE", `${label} path is a directory: ${path}`);
  if (info.size === 0) throw new InputError("FILE_EMPTY", `${label} file is empty: ${path}`);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

/**
 * Names one side's data `ref` or `cur`. Parquet stays a view (its scans are cheap and read only the
 * columns a query needs); CSV and JSON Lines are parsed once into a table, since every later query
 * (counts, distinct values, the columns) would otherwise parse and type-sniff the whole file again.
 */
async function createSide(
  session: DuckDbSession,
  side: "ref" | "cur",
  input: { path: string; format: FileFormat; label: string },
): Promise<void> {
  const relation = input.format === "parquet" ? "VIEW" : "TABLE";
  try {
    await session.run(`CREATE ${relation} ${side} AS SELECT * FROM ${toScanSql(input.path, input.format)}`);
  } catch (error) {
    throw new InputError(
      "FILE_UNREADABLE",
      `${input.label} file ${input.path} cannot be read: ${firstLine(error)}`,
    );
  }
}

async function describeSide(
  session: DuckDbSession,
  view: string,
  path: string,
  label: string,
): Promise<DescribedColumn[]> {
  try {
    const rows = await session.queryRows(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${view})`,
    );
    return rows.map((r) => ({ name: String(r[0]), duckdbType: String(r[1]) }));
  } catch (error) {
    throw new InputError("FILE_UNREADABLE", `${label} file ${path} cannot be read: ${firstLine(error)}`);
  }
}

function compareColumns(reference: DescribedColumn[], current: DescribedColumn[], strict: boolean) {
  const currentNames = new Set(current.map((c) => c.name));
  const referenceNames = new Set(reference.map((c) => c.name));
  const onlyInReference = reference.filter((c) => !currentNames.has(c.name)).map((c) => c.name);
  const onlyInCurrent = current.filter((c) => !referenceNames.has(c.name)).map((c) => c.name);
  const differ = onlyInReference.length > 0 || onlyInCurrent.length > 0;
  const description = [
    onlyInReference.length > 0 ? `only in reference: ${onlyInReference.join(", ")}` : "",
    onlyInCurrent.length > 0 ? `only in current: ${onlyInCurrent.join(", ")}` : "",
  ]
    .filter((s) => s !== "")
    .join("; ");
  if (differ && strict) {
    throw new InputError("COLUMNS_DIFFER", `reference and current have different columns (${description})`);
  }
  const warning = differ
    ? `reference and current have different columns (${description}); using the ${reference.length - onlyInReference.length} shared columns`
    : undefined;
  return { onlyInReference, onlyInCurrent, warning };
}

function checkNamedColumns(
  request: LoadDatasetsRequest,
  shared: Set<string>,
  onlyIn: { reference: string[]; current: string[] },
): void {
  const missingFrom = (name: string) =>
    onlyIn.reference.includes(name)
      ? "the current file"
      : onlyIn.current.includes(name)
        ? "the reference file"
        : "both files";
  const target = request.roles.target;
  if (target !== undefined && !shared.has(target)) {
    throw new InputError(
      "TARGET_NOT_FOUND",
      `target column "${target}" is missing from ${missingFrom(target)}`,
    );
  }
  const named = [
    ...listRoleColumns(request.roles),
    ...Object.keys(request.kindOverrides),
    ...(request.namedColumns ?? []),
  ];
  for (const name of named) {
    if (!shared.has(name)) {
      throw new InputError("COLUMN_NOT_FOUND", `column "${name}" is missing from ${missingFrom(name)}`, [
        `available columns: ${[...shared].join(", ")}`,
      ]);
    }
  }
}

const forcedCategorical = (roles: DatasetRoles) => new Set([...roles.segments, ...roles.protected]);

function decideKinds(facts: GatheredColumnFacts[], request: LoadDatasetsRequest): ColumnInference[] {
  const skipped = new Set([request.roles.id, request.roles.timestamp].filter((n) => n !== undefined));
  const categoricalRoles = forcedCategorical(request.roles);
  return facts
    .filter((f) => !skipped.has(f.name))
    .map((f): ColumnInference => {
      const override = request.kindOverrides[f.name];
      if (override !== undefined)
        return {
          name: f.name,
          storage: f.storage,
          kind: override,
          source: "override",
          reason: "set by user",
        };
      const inferred = selectInferredColumnKind(f);
      if (categoricalRoles.has(f.name) && inferred.kind !== "categorical") {
        return {
          name: f.name,
          storage: f.storage,
          kind: "categorical",
          source: "inferred",
          reason: "segment/protected column",
        };
      }
      return {
        name: f.name,
        storage: f.storage,
        kind: inferred.kind,
        source: "inferred",
        reason: inferred.reason,
      };
    });
}

async function collectTypeErrorExamples(session: DuckDbSession, name: string): Promise<string[]> {
  const c = toSqlIdentifier(name);
  const rows = await session.queryRows(
    `SELECT DISTINCT v FROM (SELECT CAST(${c} AS VARCHAR) AS v FROM ref UNION ALL SELECT CAST(${c} AS VARCHAR) FROM cur) WHERE v IS NOT NULL AND TRY_CAST(v AS DOUBLE) IS NULL LIMIT 5`,
  );
  return rows.map((r) => JSON.stringify(String(r[0])));
}

async function planColumns(
  session: DuckDbSession,
  inference: ColumnInference[],
  facts: Map<string, GatheredColumnFacts>,
  allowTypeErrors: boolean,
  mixedWidths: ReadonlySet<string>,
): Promise<{ plans: ColumnPlan[]; warnings: string[] }> {
  const plans: ColumnPlan[] = [];
  const warnings: string[] = [];
  for (const column of inference) {
    const f = facts.get(column.name)!;
    if (column.kind === undefined) {
      warnings.push(`column ${column.name} is not analysed: ${column.reason}`);
      continue;
    }
    const isText = f.storage === "string";
    const typeErrors =
      column.kind === "numeric" && isText
        ? {
            reference: f.referenceNonMissing - f.referenceNumberLike,
            current: f.currentNonMissing - f.currentNumberLike,
          }
        : { reference: 0, current: 0 };
    const errorCount = typeErrors.reference + typeErrors.current;
    if (errorCount > 0) {
      const examples = await collectTypeErrorExamples(session, column.name);
      const message = `numeric column ${column.name} holds ${errorCount} text value(s) (reference ${typeErrors.reference}, current ${typeErrors.current}); first: ${examples.join(", ")}`;
      if (!allowTypeErrors) {
        throw new InputError("COLUMN_TYPE_ERRORS", message, [
          "fix the file, declare the column text/categorical with --column-type, or pass --allow-type-errors to count them as missing",
        ]);
      }
      warnings.push(`${message}; counted as missing`);
    }
    if (
      column.kind === "embedding" &&
      (f.storage !== "numeric_list" || f.minListLength !== f.maxListLength)
    ) {
      throw new InputError(
        "EMBEDDING_RAGGED",
        f.storage === "numeric_list"
          ? `embedding column ${column.name} has vectors of lengths ${f.minListLength} to ${f.maxListLength}; all must have one length`
          : `column ${column.name} is not a list of numbers and cannot be an embedding`,
      );
    }
    plans.push({
      name: column.name,
      kind: column.kind,
      storage: f.storage,
      ...(mixedWidths.has(column.name) ? { mixedIntegerWidths: true } : {}),
      typeErrors,
      embeddingDimension: f.maxListLength,
    });
  }
  return { plans, warnings };
}

/** Values listed per column while counting; more make the column's dictionary a separate query. */
const maxListedDistinctValues = 10_000;

/**
 * Counts, distinct values (with the dictionaries of low-cardinality columns, listed on the way) and, for
 * string columns that may hold numbers, number-like values. Independent queries run at once.
 */
async function gatherFacts(
  session: DuckDbSession,
  storages: readonly UnifiedColumn[],
  whileProfiling: LoadDatasetsRequest["whileProfiling"],
) {
  const counted = storages.filter((c) => isDistinctCounted(c.storage));
  const listLengthSql = toListLengthSql(storages);
  // The distinct-values scan is by far the longest: it takes a connection first (a connection is taken
  // when a query is issued), and the cheap counts share the other one.
  const distinctQuery =
    counted.length === 0
      ? Promise.resolve([])
      : session.queryRows(toDistinctValuesSql(counted, maxListedDistinctValues));
  const sideCounts = [
    session.queryRows(toSideCountsSql("ref", storages)),
    session.queryRows(toSideCountsSql("cur", storages)),
  ] as const;
  const settled = settleInOrder<[unknown[][], unknown[][], unknown[][], unknown[][]]>([
    ...sideCounts,
    distinctQuery,
    listLengthSql === undefined ? Promise.resolve([]) : session.queryRows(listLengthSql),
  ]);
  if (whileProfiling !== undefined) {
    // The counts come back first (Parquet keeps them in its footer); the distinct values take longer.
    const [reference, current] = await settleInOrder<[unknown[][], unknown[][]]>(sideCounts).catch(
      () => [[], []] as [unknown[][], unknown[][]],
    );
    whileProfiling({ reference: Number(reference[0]?.[0] ?? 0), current: Number(current[0]?.[0] ?? 0) });
  }
  const [referenceCounts, currentCounts, distinctRows, listLengthRows] = await settled;
  const distinct = toDistinctValues(counted, distinctRows);
  const dictionaries = new Map<string, CategoryDictionary>();
  for (const [name, d] of distinct) if (d.dictionary !== undefined) dictionaries.set(name, d.dictionary);
  const base = {
    columns: storages,
    referenceCounts: referenceCounts[0] ?? [],
    currentCounts: currentCounts[0] ?? [],
    distinctCounts: new Map([...distinct].map(([name, d]) => [name, d.distinctCount])),
    listLengthRow: listLengthRows[0] ?? [],
  };
  const first = toColumnFacts({ ...base, numberLike: new Map() });
  // Only strings too varied to be categories can be numbers with stray text; parsing is costly, so only those.
  const candidates = first.columns
    .filter(
      (f) =>
        f.storage === "string" &&
        f.nonMissingCount > 0 &&
        f.distinctCount / f.nonMissingCount > maxCategoricalStringShare,
    )
    .map((f) => f.name);
  if (candidates.length === 0) return { ...first, dictionaries };
  const row = (await session.queryRows(toNumberLikeSql(candidates)))[0] ?? [];
  const numberLike = new Map(
    candidates.map((name, i): [string, [number, number]] => [
      name,
      [Number(row[2 * i] ?? 0), Number(row[2 * i + 1] ?? 0)],
    ]),
  );
  return { ...toColumnFacts({ ...base, numberLike }), dictionaries };
}

async function countDuplicateIds(session: DuckDbSession, id: string | undefined): Promise<[number, number]> {
  if (id === undefined) return [0, 0];
  const c = toSqlIdentifier(id);
  const count = (view: string) => `(SELECT CAST(count(${c}) - count(DISTINCT ${c}) AS DOUBLE) FROM ${view})`;
  const row = (await session.queryRows(`SELECT ${count("ref")}, ${count("cur")}`))[0] ?? [];
  return [Number(row[0] ?? 0), Number(row[1] ?? 0)];
}

function toSchema(inference: ColumnInference[], roles: DatasetRoles): DatasetSchema {
  const columns: Record<string, SchemaColumnKind> = {};
  for (const c of inference) if (c.kind !== undefined) columns[c.name] = c.kind;
  return { version: 1, columns, roles };
}

/** Loads both files; throws `InputError` for every problem with the input. */
export async function loadDatasets(request: LoadDatasetsRequest): Promise<LoadedDatasets> {
  const progress = request.onProgress ?? (() => undefined);
  // DuckDB opens on its own threads while the files are checked (closed again if they fail).
  const opening = openDuckDbSession();
  opening.catch(() => undefined);
  let formats: [FileFormat, FileFormat];
  try {
    await checkFile(request.referencePath, "reference");
    await checkFile(request.currentPath, "current");
    formats = [
      selectFileFormat(request.referencePath, request.format),
      selectFileFormat(request.currentPath, request.format),
    ];
  } catch (error) {
    void opening.then(
      (s) => {
        s.close();
      },
      () => undefined,
    );
    throw error;
  }
  const [referenceFormat, currentFormat] = formats;
  const session = await opening;
  let released = false;
  try {
    await settleInOrder<[unknown, unknown]>([
      createSide(session, "ref", {
        path: request.referencePath,
        format: referenceFormat,
        label: "reference",
      }),
      createSide(session, "cur", { path: request.currentPath, format: currentFormat, label: "current" }),
    ]);
    progress(0.05, "reading schema");
    const [referenceColumns, currentColumns] = await settleInOrder<[DescribedColumn[], DescribedColumn[]]>([
      describeSide(session, "ref", request.referencePath, "reference"),
      describeSide(session, "cur", request.currentPath, "current"),
    ]);
    const diff = compareColumns(referenceColumns, currentColumns, request.strict);
    const currentTypes = new Map(currentColumns.map((c) => [c.name, c.duckdbType]));
    const shared = referenceColumns.filter((c) => currentTypes.has(c.name));
    checkNamedColumns(request, new Set(shared.map((c) => c.name)), {
      reference: diff.onlyInReference,
      current: diff.onlyInCurrent,
    });
    const storages = shared.map((c): UnifiedColumn => {
      const currentType = currentTypes.get(c.name)!;
      const storage = unifyStorage(storageFromDuckDbType(c.duckdbType), storageFromDuckDbType(currentType));
      return hasMixedIntegerWidths(c.duckdbType, currentType)
        ? { name: c.name, storage, mixedIntegerWidths: true }
        : { name: c.name, storage };
    });
    progress(0.15, "profiling columns");
    const facts = await gatherFacts(session, storages, request.whileProfiling);
    if (facts.referenceRows === 0)
      throw new InputError("FILE_EMPTY", `reference file has no rows: ${request.referencePath}`);
    if (facts.currentRows === 0)
      throw new InputError("FILE_EMPTY", `current file has no rows: ${request.currentPath}`);
    const inference = decideKinds(facts.columns, request);
    const factsByName = new Map(facts.columns.map((f) => [f.name, f]));
    const mixedWidths = new Set(storages.filter((c) => c.mixedIntegerWidths === true).map((c) => c.name));
    const { plans, warnings } = await planColumns(
      session,
      inference,
      factsByName,
      request.allowTypeErrors,
      mixedWidths,
    );
    progress(0.3, "reading columns");
    const { columns, duplicateRows } = await readColumns({
      session,
      plans,
      referenceRows: facts.referenceRows,
      currentRows: facts.currentRows,
      knownDictionaries: facts.dictionaries,
      ...(request.readSideElsewhere === undefined || currentFormat !== "parquet"
        ? {}
        : { readCurrentElsewhere: { read: request.readSideElsewhere, path: request.currentPath } }),
    });
    progress(0.6, "read");
    const duplicateIds = await countDuplicateIds(session, request.roles.id);
    const loaded: LoadedDatasets = {
      reference: {
        path: request.referencePath,
        rowCount: facts.referenceRows,
        columnCount: referenceColumns.length,
        duplicateRows: duplicateRows[0],
        duplicateIds: duplicateIds[0],
      },
      current: {
        path: request.currentPath,
        rowCount: facts.currentRows,
        columnCount: currentColumns.length,
        duplicateRows: duplicateRows[1],
        duplicateIds: duplicateIds[1],
      },
      schema: toSchema(inference, request.roles),
      inference,
      columns,
      onlyInReference: diff.onlyInReference,
      onlyInCurrent: diff.onlyInCurrent,
      warnings: [...(diff.warning === undefined ? [] : [diff.warning]), ...warnings],
    };
    if (request.releaseSession !== undefined) {
      request.releaseSession(() => {
        session.close();
      });
      released = true;
    }
    return loaded;
  } finally {
    if (!released) session.close();
  }
}
