/**
 * Schema inference for batch files: which analysis kind a column gets from its storage type and value
 * counts. Booleans are categorical; integers with at most 10 distinct values are categorical; strings with
 * distinct values at most half of their non-missing values are categorical, other strings are text;
 * numeric lists are embeddings. Strings that are numbers (all, or nearly all) are numeric.
 */

/** How a column is analysed. */
export type SchemaColumnKind = "numeric" | "categorical" | "text" | "embedding";

/** Every analysis kind, in display order. */
export const schemaColumnKinds: readonly SchemaColumnKind[] = ["numeric", "categorical", "text", "embedding"];

/** The physical type of a column as the file stores it. */
export type StorageType = "integer" | "float" | "boolean" | "string" | "numeric_list" | "temporal" | "other";

/** What inference needs to know about one column over reference ∪ current. */
export interface ColumnStorageFacts {
  readonly name: string;
  readonly storage: StorageType;
  readonly nonMissingCount: number;
  /** Distinct non-missing values; only read for integers and strings. */
  readonly distinctCount: number;
  /** For strings: how many non-missing values parse as finite numbers. */
  readonly numberLikeCount: number;
}

/** An inferred kind with the reason, so the CLI can print why. */
export interface InferredColumnKind {
  readonly kind: SchemaColumnKind | undefined;
  readonly reason: string;
}

/** At most this many distinct integers make an integer column categorical. */
export const maxCategoricalIntegerValues = 10;
/** Strings with a distinct share at most this are categorical. */
export const maxCategoricalStringShare = 0.5;
/** Strings with at least this share of numbers are numeric (the rest are type errors). */
export const minNumberLikeShare = 0.9;

/** Infers a column's kind; `kind` is undefined for columns that are not analysed (dates, structs). */
export function selectInferredColumnKind(facts: ColumnStorageFacts): InferredColumnKind {
  switch (facts.storage) {
    case "boolean":
      return { kind: "categorical", reason: "boolean" };
    case "float":
      return { kind: "numeric", reason: "floating-point numbers" };
    case "integer":
      return facts.distinctCount <= maxCategoricalIntegerValues
        ? { kind: "categorical", reason: `integers with ${facts.distinctCount} distinct values (<= 10)` }
        : { kind: "numeric", reason: `integers with ${facts.distinctCount} distinct values` };
    case "numeric_list":
      return { kind: "embedding", reason: "list of numbers" };
    case "string":
      return selectStringKind(facts);
    case "temporal":
      return { kind: undefined, reason: "date/time column (use --timestamp)" };
    case "other":
      return { kind: undefined, reason: "unsupported storage type" };
  }
}

function selectStringKind(facts: ColumnStorageFacts): InferredColumnKind {
  const n = facts.nonMissingCount;
  if (n > 0 && facts.numberLikeCount / n >= minNumberLikeShare) {
    return { kind: "numeric", reason: "strings holding numbers" };
  }
  const share = n === 0 ? 0 : facts.distinctCount / n;
  return share <= maxCategoricalStringShare
    ? { kind: "categorical", reason: `strings, ${formatPercent(share)} distinct (<= 50%)` }
    : { kind: "text", reason: `strings, ${formatPercent(share)} distinct (> 50%)` };
}

function formatPercent(share: number): string {
  return `${(share * 100).toFixed(share < 0.01 ? 2 : 0)}%`;
}
