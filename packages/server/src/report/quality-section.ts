/**
 * Data quality for the report: per column missing shares, constant sides, type errors, out-of-range
 * values and new categories (from `@sextant/core` quality functions); per dataset duplicate rows and ids
 * and the columns present on one side only.
 */
import {
  computeCategoricalColumnQuality,
  computeNumericColumnQuality,
  type CategoricalColumnQuality,
  type NumericColumnQuality,
} from "@sextant/core";
import type { LoadedColumn, LoadedDatasets } from "../files/loaded-datasets.js";
import type { ColumnQualityEntry, QualityEntry } from "./report-model.js";

function share(count: number, size: number): number {
  return size === 0 ? 0 : count / size;
}

function countNull(values: readonly (string | null)[]): number {
  let n = 0;
  for (const v of values) if (v === null) n++;
  return n;
}

function distinctText(values: readonly (string | null)[]): number {
  return new Set(values.filter((v) => v !== null)).size;
}

/** Quality of one loaded column; `numeric` is its numeric quality when already computed (from sorted sides). */
export function computeColumnQualityEntry(
  name: string,
  column: LoadedColumn,
  known?: NumericColumnQuality | CategoricalColumnQuality,
): ColumnQualityEntry {
  switch (column.kind) {
    case "numeric": {
      const q =
        known?.kind === "numeric" ? known : computeNumericColumnQuality(column.reference, column.current);
      return {
        name,
        kind: "numeric",
        missing_share: { reference: q.missingReference.share, current: q.missingCurrent.share },
        missing_count: { reference: q.missingReference.count, current: q.missingCurrent.count },
        constant: { reference: q.constantReference, current: q.constantCurrent },
        type_errors: column.typeErrors,
        out_of_range_count: q.outOfRangeCount,
        out_of_range_share: q.outOfRangeShare,
        ...(q.referenceMin === undefined
          ? {}
          : { reference_range: [q.referenceMin, q.referenceMax!] as [number, number] }),
      };
    }
    case "categorical": {
      const q = known?.kind === "categorical" ? known : computeCategoricalColumnQuality(column);
      return {
        name,
        kind: "categorical",
        missing_share: { reference: q.missingReference.share, current: q.missingCurrent.share },
        missing_count: { reference: q.missingReference.count, current: q.missingCurrent.count },
        constant: { reference: q.constantReference, current: q.constantCurrent },
        type_errors: { reference: 0, current: 0 },
        new_categories: q.newCategories.slice(0, 50).map(String),
        new_category_count: q.newCategoryCount,
        new_category_share: q.newCategoryShare,
        missing_categories: q.missingCategories.slice(0, 50).map(String),
      };
    }
    case "text": {
      const r = countNull(column.reference);
      const c = countNull(column.current);
      return {
        name,
        kind: "text",
        missing_share: {
          reference: share(r, column.reference.length),
          current: share(c, column.current.length),
        },
        missing_count: { reference: r, current: c },
        constant: {
          reference: distinctText(column.reference) === 1,
          current: distinctText(column.current) === 1,
        },
        type_errors: { reference: 0, current: 0 },
      };
    }
    case "embedding": {
      const sizeR = column.reference.rowCount + column.missing.reference;
      const sizeC = column.current.rowCount + column.missing.current;
      return {
        name,
        kind: "embedding",
        missing_share: {
          reference: share(column.missing.reference, sizeR),
          current: share(column.missing.current, sizeC),
        },
        missing_count: { ...column.missing },
        constant: { reference: false, current: false },
        type_errors: { reference: 0, current: 0 },
      };
    }
  }
}

/** Counts the quality findings worth a reader's attention (for the summary). */
export function countQualityIssues(quality: QualityEntry): number {
  let issues = quality.duplicate_rows.current > 0 ? 1 : 0;
  issues += quality.columns_only_in_reference.length + quality.columns_only_in_current.length;
  for (const c of quality.columns) {
    if (c.missing_share.current > 0) issues++;
    if (c.constant.current) issues++;
    if (c.type_errors.current > 0) issues++;
    if ((c.out_of_range_count ?? 0) > 0) issues++;
    if ((c.new_category_count ?? 0) > 0) issues++;
  }
  return issues;
}

/**
 * The quality section of a report; `known` holds columns' quality already computed (by feature drift),
 * `entries` column entries already computed (e.g. while another thread was still scoring features).
 */
export function computeQualitySection(
  data: LoadedDatasets,
  hasIdColumn: boolean,
  known: Readonly<Record<string, NumericColumnQuality | CategoricalColumnQuality>> = {},
  entries: ReadonlyMap<string, ColumnQualityEntry> = new Map(),
): QualityEntry {
  return {
    duplicate_rows: { reference: data.reference.duplicateRows, current: data.current.duplicateRows },
    duplicate_ids: hasIdColumn
      ? { reference: data.reference.duplicateIds, current: data.current.duplicateIds }
      : null,
    columns_only_in_reference: [...data.onlyInReference],
    columns_only_in_current: [...data.onlyInCurrent],
    columns: [...data.columns].map(
      ([name, column]) =>
        entries.get(name) ??
        computeColumnQualityEntry(name, column, Object.hasOwn(known, name) ? known[name] : undefined),
    ),
  };
}
