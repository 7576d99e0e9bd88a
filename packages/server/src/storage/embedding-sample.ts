/**
 * The seeded embedding sample both adapters read (decision 0013's monitors): per window at most `cap`
 * vectors, the rows ordered by md5(seed + event id), so DuckDB and PostgreSQL pick the same rows. Only the
 * key of reference rows without an id and the order of the md5 texts are the dialect's.
 */
import type { DescribedSource } from "./gather-source.js";
import type { EmbeddingSample, GatherColumn } from "./monitoring-store.js";
import { systemColumns } from "./sql-names.js";

/** What differs between the dialects. */
export interface EmbeddingSampleDialect {
  /** A row's own identity, for reference rows stored without an event id (DuckDB `rowid`, PostgreSQL `ctid`). */
  readonly rowKey: string;
  /** Appended to the final ordering by md5 text (PostgreSQL: ` COLLATE "C"`, byte order as DuckDB's). */
  readonly textOrder: string;
}

/** The SELECT of the sample: window index `wi`, vector `v` and the window's non-missing vectors `n`. */
export function toEmbeddingSampleSql(input: {
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
export function toEmbeddingSample(rows: readonly Record<string, unknown>[]): EmbeddingSample {
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
export function toSafeInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer`);
  return value;
}
