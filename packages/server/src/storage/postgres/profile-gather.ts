/**
 * Gather reads answered from the per-hour window profiles instead of raw rows (decision 0013): binned
 * counts per window and numeric edges, for requests whose windows are whole UTC hours, without a segment
 * or a label join, on prediction-stream columns of a version profiled since its creation. Counts, missing,
 * volume and category counts are exact; numeric bin counts come from the log-bucket sketch and are exact
 * except for values in the sketch bucket an edge cuts (within a factor γ ≈ 1.0202 of the edge); numeric
 * edges are clean sketch cuts within 2.02% of the exact order statistic (bins at them are exact), min and
 * max exact. Any other request,
 * or a categorical column whose profile overflowed its value limit, is read from raw rows.
 */
import {
  computeSketchCut,
  computeSketchCutQuantiles,
  countSketchAtOrBelow,
  mergeSketches,
  type SketchSummary,
  toSketchKey,
  type TimeWindow,
} from "@sextant/core";
import type {
  BinnedColumn,
  ColumnBins,
  GatherColumn,
  GatherRequest,
  GroupBins,
} from "../monitoring-store.js";
import { readBins, readNumericEdges, type QueryFn } from "./monitoring-gather.js";
import { type ColumnProfile, type HourProfile, mergeColumnProfile, profileGrainMs } from "./hour-profiles.js";

/** The windows a request covers when profiles can answer it, else null. */
function toProfiledWindows(request: GatherRequest<GatherColumn>): readonly TimeWindow[] | null {
  if (request.labelledOnly === true || (request.segment ?? []).length > 0) return null;
  if (request.columns.some((column) => column.stream !== "predictions")) return null;
  const { source } = request;
  const windows =
    source.kind === "windows"
      ? source.windows
      : source.kind === "range"
        ? [{ startMs: source.fromMs, endMs: source.toMs }]
        : null;
  if (windows === null || windows.length === 0) return null;
  const isWholeHours = windows.every(
    (w) => w.endMs > w.startMs && w.startMs % profileGrainMs === 0 && w.endMs % profileGrainMs === 0,
  );
  return isWholeHours ? windows : null;
}

/** A window's rows and merged column profiles. */
interface WindowProfile {
  rowCount: number;
  readonly columns: Map<string, ColumnProfile>;
}

/**
 * Row counts and merged column profiles per window index (windows with rows only), or null when the
 * version has events from before profiles existed.
 */
async function readMergedProfiles(
  query: QueryFn,
  versionId: string,
  windows: readonly TimeWindow[],
  columns: readonly string[],
): Promise<Map<number, WindowProfile> | null> {
  const gap = await query("SELECT 1 FROM window_profile_gaps WHERE version_id = $1", [versionId]);
  if (gap.length > 0) return null;
  const from = Math.min(...windows.map((w) => w.startMs));
  const to = Math.max(...windows.map((w) => w.endMs));
  const rows = await query(
    `SELECT (extract(epoch FROM hour_start) * 1000)::float8 AS h, profile FROM window_profiles
     WHERE version_id = $1 AND hour_start >= to_timestamp($2 / 1000.0) AND hour_start < to_timestamp($3 / 1000.0)`,
    [versionId, from, to],
  );
  const merged = new Map<number, WindowProfile>();
  for (const row of rows) {
    const hour = Number(row.h);
    const index = windows.findIndex((w) => w.startMs <= hour && hour < w.endMs);
    if (index < 0) continue;
    let window = merged.get(index);
    if (window === undefined) {
      window = { rowCount: 0, columns: new Map() };
      merged.set(index, window);
    }
    const profile = JSON.parse(row.profile as string) as HourProfile;
    window.rowCount += profile.n;
    columns.forEach((name) => {
      const next = profile.c[name];
      if (next === undefined) return;
      const known = window.columns.get(name);
      if (known === undefined) window.columns.set(name, next);
      else mergeColumnProfile(known, next);
    });
  }
  return merged;
}

/** Values present (not null, not NaN) in a merged column. */
function presentOf(column: ColumnProfile): number {
  return column.r - column.m - column.x;
}

function toSummary(column: ColumnProfile): SketchSummary | null {
  if (column.k === undefined || column.lo === undefined || column.hi === undefined) return null;
  const buckets = new Map<number, number>();
  for (let i = 0; i < column.k.length; i += 2) buckets.set(column.k[i]!, column.k[i + 1]!);
  return { buckets, min: column.lo, max: column.hi };
}

/** Numeric bins like the raw read: bin j holds values with j edges below them; NaN is dropped. */
function toNumericBins(column: ColumnProfile, edges: readonly number[]): Map<string, number> | null {
  const counts = new Map<string, number>();
  const present = presentOf(column);
  if (edges.length === 0) {
    if (present + column.x > 0) counts.set("0", present + column.x);
    return counts;
  }
  if (present === 0) return counts;
  const summary = toSummary(column);
  if (summary === null) return null;
  const sorted = [...edges].sort((a, b) => a - b);
  let below = 0;
  sorted.forEach((edge, index) => {
    const atOrBelow = countSketchAtOrBelow(summary, edge).estimate;
    if (atOrBelow > below) counts.set(String(index), atOrBelow - below);
    below = Math.max(below, atOrBelow);
  });
  if (present > below) counts.set(String(sorted.length), present - below);
  return counts;
}

/** Binned counts per window from profiles, or null when profiles cannot answer the request exactly. */
export async function readProfiledBins(
  query: QueryFn,
  request: GatherRequest<BinnedColumn>,
): Promise<GroupBins[] | null> {
  const windows = toProfiledWindows(request);
  if (windows === null) return null;
  const names = request.columns.map((column) => column.name);
  const merged = await readMergedProfiles(query, request.source.versionId, windows, names);
  if (merged === null) return null;
  const groups: GroupBins[] = [];
  for (const [windowIndex, window] of [...merged].sort(([a], [b]) => a - b)) {
    if (window.rowCount === 0) continue;
    const columns: Record<string, ColumnBins> = {};
    for (const column of request.columns) {
      const profile = window.columns.get(column.name) ?? { r: 0, m: 0, x: 0 };
      const missing = window.rowCount - (profile.r - profile.m);
      let counts: Map<string, number> | null;
      if (column.kind === "numeric") counts = toNumericBins(profile, column.edges);
      else if ((profile.o ?? 0) > 0 || (profile.v === undefined && presentOf(profile) > 0)) counts = null;
      else counts = new Map(Object.entries(profile.v ?? {}).filter(([, count]) => count > 0));
      if (counts === null) return null;
      columns[column.name] = { counts, missing };
    }
    groups.push({ windowIndex, rowCount: window.rowCount, columns });
  }
  return groups;
}

/** Min, sketch quantiles and max of numeric columns from profiles, or null when they cannot answer. */
export async function readProfiledNumericEdges(
  query: QueryFn,
  request: GatherRequest<GatherColumn> & { readonly quantiles: readonly number[] },
): Promise<Record<string, number[]> | null> {
  const windows = toProfiledWindows(request);
  if (windows === null || request.columns.length === 0) return null;
  const names = request.columns.map((column) => column.name);
  const merged = await readMergedProfiles(query, request.source.versionId, windows, names);
  if (merged === null) return null;
  const edges: Record<string, number[]> = {};
  for (const name of names) {
    let summary: SketchSummary | null = null;
    for (const window of merged.values()) {
      const column = window.columns.get(name);
      if (column === undefined || presentOf(column) === 0) continue;
      const next = toSummary(column);
      if (next === null) return null;
      summary =
        summary === null
          ? next
          : {
              buckets: mergeSketches(summary.buckets, next.buckets),
              min: Math.min(summary.min, next.min),
              max: Math.max(summary.max, next.max),
            };
    }
    const values =
      summary === null
        ? []
        : [summary.min, ...computeSketchCutQuantiles(summary, request.quantiles), summary.max];
    edges[name] = [...new Set(values.filter((value) => Number.isFinite(value)))].sort((a, b) => a - b);
  }
  return edges;
}

/** Binned counts from profiles when they can answer, else from raw rows. */
export async function readBinsPreferringProfiles(
  query: QueryFn,
  request: GatherRequest<BinnedColumn>,
): Promise<GroupBins[]> {
  return (await readProfiledBins(query, request)) ?? readBins(query, request);
}

/** Interior edges moved up to the sketch's clean cut above them (min and max kept), deduplicated. */
function snapInteriorEdges(edges: readonly number[]): number[] {
  const max = edges[edges.length - 1];
  if (max === undefined) return [];
  const snapped = edges.map((edge, index) =>
    index === 0 || index === edges.length - 1 ? edge : Math.min(max, computeSketchCut(toSketchKey(edge)!)),
  );
  return [...new Set(snapped)].sort((a, b) => a - b);
}

/**
 * Numeric edges from profiles when they can answer, else from raw rows; either way interior edges are
 * clean sketch cuts (within 2.02% of the exact quantile), so window bins read from profiles are exact
 * at them and only the outer edges (min, max) cut a sketch bucket.
 */
export async function readNumericEdgesPreferringProfiles(
  query: QueryFn,
  request: GatherRequest<GatherColumn> & { readonly quantiles: readonly number[] },
): Promise<Record<string, number[]>> {
  const profiled = await readProfiledNumericEdges(query, request);
  if (profiled !== null) return profiled;
  const raw = await readNumericEdges(query, request);
  return Object.fromEntries(Object.entries(raw).map(([name, edges]) => [name, snapInteriorEdges(edges)]));
}
