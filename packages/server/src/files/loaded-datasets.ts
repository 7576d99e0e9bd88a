/**
 * The in-memory shape of a reference/current pair after reading: one entry per analysed column with both
 * sides row-aligned (numbers as Float64Array with NaN for missing, categories as Int32Array codes with -1
 * for missing into one shared dictionary, text as strings, embeddings as matrices of the non-missing rows).
 */
import type { Category, DatasetSchema, EmbeddingMatrix, SchemaColumnKind, StorageType } from "@sextant/core";

/** A numeric column; `typeErrors` counts non-numeric text turned into missing values (per side). */
export interface LoadedNumericColumn {
  readonly kind: "numeric";
  readonly reference: Float64Array;
  readonly current: Float64Array;
  readonly typeErrors: { readonly reference: number; readonly current: number };
}

/** A categorical column as codes into `categories` (shared by both sides). */
export interface LoadedCategoricalColumn {
  readonly kind: "categorical";
  readonly categories: readonly Category[];
  readonly reference: Int32Array;
  readonly current: Int32Array;
}

/** A text column; null marks a missing value. */
export interface LoadedTextColumn {
  readonly kind: "text";
  readonly reference: readonly (string | null)[];
  readonly current: readonly (string | null)[];
}

/** An embedding column: matrices of the rows that have a vector, and how many rows did not. */
export interface LoadedEmbeddingColumn {
  readonly kind: "embedding";
  readonly reference: EmbeddingMatrix;
  readonly current: EmbeddingMatrix;
  readonly missing: { readonly reference: number; readonly current: number };
}

/** Any loaded column. */
export type LoadedColumn =
  LoadedNumericColumn | LoadedCategoricalColumn | LoadedTextColumn | LoadedEmbeddingColumn;

/** How a column's kind was decided, for printing and for `--save-schema`. */
export interface ColumnInference {
  readonly name: string;
  readonly storage: StorageType;
  readonly kind: SchemaColumnKind | undefined;
  readonly source: "inferred" | "override";
  readonly reason: string;
}

/** One side's row facts. */
export interface SideSummary {
  readonly path: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly duplicateRows: number;
  readonly duplicateIds: number;
}

/** Both sides, read and aligned, with what was learned on the way. */
export interface LoadedDatasets {
  readonly reference: SideSummary;
  readonly current: SideSummary;
  readonly schema: DatasetSchema;
  readonly inference: readonly ColumnInference[];
  /** Analysed columns in file order, roles included. */
  readonly columns: ReadonlyMap<string, LoadedColumn>;
  readonly onlyInReference: readonly string[];
  readonly onlyInCurrent: readonly string[];
  readonly warnings: readonly string[];
}
