/**
 * Which reader a file needs (CSV, Parquet, JSON Lines) by extension or an explicit `--format`, and the
 * DuckDB table function that scans it. Paths are quoted for SQL here and nowhere else.
 */
import { InputError } from "./input-error.js";

/** File formats the batch readers accept. */
export type FileFormat = "csv" | "parquet" | "jsonl";

/** Every accepted value of `--format`. */
export const fileFormats: readonly FileFormat[] = ["csv", "parquet", "jsonl"];

const formatByExtension: Readonly<Record<string, FileFormat>> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "jsonl",
};

/** True when `value` names a supported format. */
export function isFileFormat(value: string): value is FileFormat {
  return (fileFormats as readonly string[]).includes(value);
}

/** The format of `path`: the override when given, else by extension (ignoring a trailing `.gz`). */
export function selectFileFormat(path: string, override?: FileFormat): FileFormat {
  if (override !== undefined) return override;
  const lower = path.toLowerCase().replace(/\.gz$/, "");
  const dot = lower.lastIndexOf(".");
  const format = dot < 0 ? undefined : formatByExtension[lower.slice(dot)];
  if (format === undefined) {
    throw new InputError(
      "FORMAT_UNKNOWN",
      `cannot tell the format of ${path} from its extension; pass --format csv|parquet|jsonl`,
    );
  }
  return format;
}

/** Quotes a string as a SQL literal. */
export function toSqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes a column name as a SQL identifier. */
export function toSqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The DuckDB scan of a file. CSV and JSON Lines sniff types over the whole file (`sample_size=-1`) so a
 * stray text value late in a numeric column makes the column text instead of failing the read.
 */
export function toScanSql(path: string, format: FileFormat): string {
  const file = toSqlLiteral(path);
  switch (format) {
    case "parquet":
      return `read_parquet(${file})`;
    case "csv":
      return `read_csv(${file}, header = true, sample_size = -1)`;
    case "jsonl":
      return `read_json(${file}, format = 'newline_delimited', sample_size = -1)`;
  }
}
