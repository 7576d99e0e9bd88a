/**
 * The seeded embedding sample both adapters read (decision 0013's monitors): per window at most `cap`
 * vectors, the rows ordered by md5(seed + event id), so DuckDB and PostgreSQL pick the same rows. Only the
 * key of reference rows without an id and the order of the md5 texts are the dialect's.
 */
import type { DescribedSource } from "./gather-source.js";
import type { EmbeddingSample, GatherColumn, MonitoringStore } from "./monitoring-store.js";
import { systemColumns } from "./sql-names.js";

/** What differs between the dialects. */
export interface EmbeddingSampleDialect {
  /** A row's own identity, for reference rows stored without an event id (DuckDB `rowid`, PostgreSQL `ctid`). */
  readonly rowKey: string;
  /** Appended to the final ordering by md5 text (PostgreSQL: ` COLLATE "C"`, byte order as DuckDB's). */
  readonly textOrder: string;
}

/** What `readEmbeddings` is asked for. */
export type EmbeddingSampleRequest = Parameters<MonitoringStore["readEmbeddings"]>[0];

/**
 * Reads the sample of `request`'s (first) column with an adapter's pieces: its description of the
 * source, its WHERE (adding its parameters to `params`), its query function and its dialect.
 */
export async function readEmbeddingSample<P>(input: {
  readonly request: EmbeddingSampleRequest;
  readonly described: DescribedSource;
  readonly where: (params: P[]) => string;
  readonly query: (sql: string, params: P[]) => Promise<readonly Record<string, unknown>[]>;
  readonly dialect: EmbeddingSampleDialect;
}): Promise<EmbeddingSample> {
  const { request } = input;
  const column = request.columns[0];
  if (column === undefined) throw new RangeError("no embedding column to read");
  const params: P[] = [];
  const sql = toEmbeddingSampleSql({
    described: input.described,
    column,
    isReference: request.source.kind === "reference",
    where: input.where(params),
    seed: toSafeInteger(request.seed, "seed"),
    cap: toSafeInteger(request.maxRowsPerGroup, "maxRowsPerGroup"),
    dialect: input.dialect,
  });
  return toEmbeddingSample(await input.query(sql, params));
}

/** The SELECT of the sample: window index `wi`, vector `v` and the window's non-missing vectors `n`. */
function toEmbeddingSampleSql(input: {
  readonly described: DescribedSource;
  readonly column: GatherColumn;
  readonly isReference: boolean;
  readonly where: string;
  readonly seed: number;
  readonly cap: number;
  readonly dialect: EmbeddingSampleDialect;
}): string {
  const { described, dialect } = input;
  const id = described.column({ name: systemColumns.eventId, stream: "predictions" });
  const key = input.isReference ? `coalesce(${id}, ${dialect.rowKey})` : id;
  return `SELECT wi, v, n FROM (
       SELECT wi, v, k, count(*) OVER (PARTITION BY wi) AS n,
              row_number() OVER (PARTITION BY wi ORDER BY k) AS rn
       FROM (SELECT ${described.windowIndex} AS wi, ${described.column(input.column)} AS v,
                    md5('${input.seed}:' || ${key}) AS k
             FROM ${described.from} ${input.where}) AS src
       WHERE v IS NOT NULL) AS ranked
     WHERE rn <= ${input.cap} ORDER BY wi, k${dialect.textOrder}`;
}

/** The sample from the SELECT's rows. */
function toEmbeddingSample(rows: readonly Record<string, unknown>[]): EmbeddingSample {
  const windowIndex = new Int32Array(rows.length);
  const totals = new Map<number, number>();
  const vectors = rows.map((row, i) => {
    const wi = Number(row.wi);
    windowIndex[i] = wi;
    totals.set(wi, Number(row.n));
    return (row.v as unknown[]).map(Number);
  });
  return { windowIndex, vectors, totals };
}

/** A sample size or seed as it goes into SQL text: a safe integer, or a RangeError. */
function toSafeInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer`);
  return value;
}
