/**
 * Embedding drift (STATISTICS.md): each window's vectors against the baseline's with `mmd` (unbiased MMD²,
 * RBF kernel, seeded permutation p-value; the `auto` choice) or `centroid_distance` (euclidean or cosine).
 * The store returns a seeded sample of at most `maxRowsPerSide` vectors per window and for the baseline
 * (the rows whose md5(seed:event id) sorts first), so a busy window stays as fast as a small one; the
 * sample size is recorded. One column gives its score; several give the share of drifted columns.
 */
import {
  DEFAULT_MMD_MAX_ROWS_PER_SIDE,
  DEFAULT_MMD_PERMUTATION_COUNT,
  DEFAULT_MMD_SEED,
  computeColumnDrift,
  prepareDriftColumn,
  toEmbeddingMatrix,
  type DriftMethodOptions,
  type EmbeddingMatrix,
  type PreparedColumn,
  type TimeWindow,
} from "@sextant/core";
import type { ColumnSpec, SegmentCondition } from "@sextant/sdk";
import type { EmbeddingSample, GatherSource } from "../storage/monitoring-store.js";
import { deriveDriftFromPrepared, type WindowObservation } from "./bin-observations.js";
import { cached, findColumn, noBaseline, type GatherContext, type GatheredScope } from "./gather-context.js";
import type { MonitorRecord } from "./monitoring-records.js";

/** The embedding columns a monitor measures: its named columns, else every embedding feature. */
export function selectEmbeddingColumns(monitor: MonitorRecord, columns: readonly ColumnSpec[]): ColumnSpec[] {
  const chosen =
    monitor.columns.length > 0
      ? monitor.columns.map((name) => findColumn(columns, name))
      : columns.filter((c) => c.role === "feature" && c.type === "embedding");
  for (const column of chosen) {
    if (column.type !== "embedding") throw new Error(`column ${column.name} is not an embedding column`);
  }
  if (chosen.length === 0) throw new Error("the version schema has no embedding feature");
  return chosen;
}

function integerParam(monitor: MonitorRecord, name: string, fallback: number, min: number): number {
  const value = monitor.params[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`params.${name} must be an integer >= ${min}`);
  }
  return value;
}

/** Method and options of an embedding monitor (`metric` or `params.method`; anything else means mmd). */
export function resolveEmbeddingSettings(monitor: MonitorRecord): {
  method: "mmd" | "centroid_distance";
  options: DriftMethodOptions;
  maxRowsPerSide: number;
  seed: number;
} {
  const named = typeof monitor.params.method === "string" ? monitor.params.method : monitor.metric;
  const method = named === "centroid_distance" ? "centroid_distance" : "mmd";
  const metric = monitor.params.centroidMetric;
  if (metric !== undefined && metric !== "euclidean" && metric !== "cosine") {
    throw new Error("params.centroidMetric must be euclidean or cosine");
  }
  const seed = integerParam(monitor, "seed", DEFAULT_MMD_SEED, 0);
  const maxRowsPerSide = integerParam(monitor, "maxRowsPerSide", DEFAULT_MMD_MAX_ROWS_PER_SIDE, 2);
  const permutationCount = integerParam(monitor, "permutationCount", DEFAULT_MMD_PERMUTATION_COUNT, 1);
  return {
    method,
    maxRowsPerSide,
    seed,
    options: {
      seed,
      permutationCount,
      maxRowsPerSide,
      ...(metric === undefined ? {} : { centroidMetric: metric }),
    },
  };
}

function toMatrices(sample: EmbeddingSample, groupCount: number): EmbeddingMatrix[] {
  const rows: (readonly number[])[][] = Array.from({ length: groupCount }, () => []);
  sample.vectors.forEach((vector, i) => rows[sample.windowIndex[i]!]?.push(vector));
  return rows.map((group) => toEmbeddingMatrix(group));
}

function distance(prepared: PreparedColumn, metric: "euclidean" | "cosine"): number | null {
  const result = computeColumnDrift({
    column: prepared,
    method: "centroid_distance",
    options: { centroidMetric: metric },
  });
  return result.status === "ok" && Number.isFinite(result.score) ? result.score : null;
}

/** Observations of embedding drift for one scope's windows. */
export async function gatherEmbeddingDrift(
  context: GatherContext,
  monitor: MonitorRecord,
  segment: readonly SegmentCondition[] | null,
  windows: readonly TimeWindow[],
): Promise<GatheredScope> {
  const columns = selectEmbeddingColumns(monitor, context.columns);
  const settings = resolveEmbeddingSettings(monitor);
  const read = (source: GatherSource, column: ColumnSpec) =>
    context.store.readEmbeddings({
      source,
      segment,
      columns: [{ name: column.name, stream: "predictions" }],
      maxRowsPerGroup: settings.maxRowsPerSide,
      seed: settings.seed,
    });
  const groups = context.isFixedBaseline ? [windows] : windows.map((window) => [window]);
  const observations: WindowObservation[] = [];
  for (const group of groups) {
    const baselineSource = context.baselineFor(group[0]!);
    const perColumn = await Promise.all(
      columns.map(async (column) => {
        const baseline = await cached(
          context,
          `embedding:${column.name}:${settings.seed}:${settings.maxRowsPerSide}:${JSON.stringify(baselineSource)}`,
          () => read(baselineSource, column),
        );
        const current = await read({ kind: "windows", versionId: monitor.versionId, windows: group }, column);
        return {
          column,
          reference: toMatrices(baseline, 1)[0]!,
          referenceTotal: baseline.totals.get(0) ?? 0,
          current: toMatrices(current, group.length),
          totals: current.totals,
        };
      }),
    );
    group.forEach((_, index) => {
      const rowCount = Math.max(0, ...perColumn.map((c) => c.totals.get(index) ?? 0));
      if (perColumn.every((c) => c.referenceTotal === 0)) {
        observations.push({
          observation: { kind: "insufficient_data", reason: "the baseline has no embeddings" },
          evidence: {},
        });
        return;
      }
      if (rowCount === 0) {
        observations.push({
          observation: { kind: "insufficient_data", reason: "no embeddings in the window" },
          evidence: {},
        });
        return;
      }
      const prepared = perColumn.map((c) =>
        prepareDriftColumn({
          name: c.column.name,
          kind: "embedding",
          reference: c.reference,
          current: c.current[index] ?? toEmbeddingMatrix([]),
        }),
      );
      const observed = deriveDriftFromPrepared({
        metric: settings.method,
        prepared,
        rowCount,
        dataset: monitor.kind === "dataset_drift" || prepared.length > 1,
        options: settings.options,
      });
      const sampled = perColumn.map((c, i) => ({
        column: c.column.name,
        referenceRows: c.referenceTotal,
        currentRows: c.totals.get(index) ?? 0,
        sampledReferenceRows: c.reference.rowCount,
        sampledCurrentRows: prepared[i]!.currentSize,
        centroidEuclidean: distance(prepared[i]!, "euclidean"),
        centroidCosine: distance(prepared[i]!, "cosine"),
      }));
      // The sample size is the window's embedding count, not the subsample's, so minSampleSize keeps its meaning.
      const observation =
        observed.observation.kind === "value"
          ? { ...observed.observation, sampleSize: rowCount }
          : observed.observation;
      observations.push({
        observation,
        evidence: { ...observed.evidence, maxRowsPerSide: settings.maxRowsPerSide, embeddings: sampled },
      });
    });
  }
  return { observations, baseline: noBaseline, detectorState: null };
}
