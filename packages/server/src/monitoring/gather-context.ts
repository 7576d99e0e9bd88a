/**
 * What every gather function of a monitor run shares: the context (store, schema columns, baseline
 * sources, per-run cache), the shape of what a gather returns, and the small helpers around them.
 */
import type { TimeWindow } from "@sextant/core";
import type { ColumnSpec } from "@sextant/sdk";
import type { EventStream, GatherSource } from "../storage/monitoring-store.js";
import type { Store } from "../storage/store.js";
import type { WindowObservation } from "./bin-observations.js";

/** Baseline facts for conditions: whole-baseline value, chunk values, dummy value. */
export interface GatheredBaseline {
  readonly value: number | null;
  readonly chunkValues: readonly number[];
  readonly dummyValue: number | null;
}

/** Observations of a scope's windows, the baseline facts and the detector state to keep. */
export interface GatheredScope {
  readonly observations: readonly WindowObservation[];
  readonly baseline: GatheredBaseline;
  readonly detectorState: unknown;
}

/** What gathering needs besides the monitor. */
export interface GatherContext {
  readonly store: Store;
  readonly columns: readonly ColumnSpec[];
  /** The baseline source, or per-window sources for a trailing baseline. */
  readonly baselineFor: (window: TimeWindow) => GatherSource;
  readonly isFixedBaseline: boolean;
  readonly cache: Map<string, unknown>;
  readonly cacheKey: string;
  readonly detectorState: unknown;
}

/** No baseline facts (conditions that need them resolve to no_data). */
export const noBaseline: GatheredBaseline = { value: null, chunkValues: [], dummyValue: null };

/** The stream a column is stored in. */
export function streamOf(column: ColumnSpec): EventStream {
  if (column.role === "target") return "labels";
  if (column.role === "business_outcome") return "outcomes";
  return "predictions";
}

/** The schema column of a name; throws when the schema lacks it. */
export function findColumn(columns: readonly ColumnSpec[], name: string): ColumnSpec {
  const column = columns.find((candidate) => candidate.name === name);
  if (column === undefined) throw new Error(`column ${name} is not in the version schema`);
  return column;
}

/** Loads once per run and baseline when the baseline is fixed (the runner's cache), else every time. */
export async function cached<T>(context: GatherContext, key: string, load: () => Promise<T>): Promise<T> {
  if (!context.isFixedBaseline) return load();
  const full = `${context.cacheKey}:${key}`;
  if (context.cache.has(full)) return context.cache.get(full) as T;
  const value = await load();
  context.cache.set(full, value);
  return value;
}
