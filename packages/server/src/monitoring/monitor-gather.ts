/**
 * The gather step of a monitor run: resolves the monitor's columns from the version schema and its
 * baseline into store sources, asks the store for binned counts or values of the windows and the baseline,
 * and turns them into one observation per window through the pure derive functions.
 */
import {
  fitCbpeCalibration,
  type CbpeCalibration,
  type KpiAggregation,
  type TimeWindow,
} from "@sextant/core";
import type { ColumnSpec, SegmentCondition } from "@sextant/sdk";
import type { BinnedColumn, GatherSource, GroupBins, GatheredValues } from "../storage/monitoring-store.js";
import {
  cached,
  findColumn,
  noBaseline,
  streamOf,
  type GatherContext,
  type GatheredBaseline,
  type GatheredScope,
} from "./gather-context.js";
import {
  deriveDriftObservation,
  deriveQualityObservation,
  type BinnedKind,
  type WindowObservation,
} from "./bin-observations.js";
import { gatherEmbeddingDrift } from "./embedding-gather.js";
import { gatherIngestQuality, ingestQualityMetrics } from "./ingest-quality-gather.js";
import type { MonitorRecord } from "./monitoring-records.js";
import { gatherRawDrift, needsRawValues } from "./auto-drift-gather.js";
import {
  computeRealisedMetric,
  deriveDetectorObservation,
  deriveEstimatedObservation,
  deriveFairnessObservation,
  deriveKpiObservation,
  derivePerformanceObservation,
  type LabelledScores,
} from "./value-observations.js";

export type { GatherContext, GatheredBaseline, GatheredScope } from "./gather-context.js";

const deciles = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

function binnedKindOf(column: ColumnSpec): BinnedKind | null {
  if (column.type === "numeric") return "numeric";
  if (
    column.type === "categorical" ||
    column.type === "boolean" ||
    column.type === "string" ||
    column.type === "text"
  ) {
    return "categorical";
  }
  return null;
}

function firstOfRole(columns: readonly ColumnSpec[], ...roles: ColumnSpec["role"][]): ColumnSpec {
  for (const role of roles) {
    const column = columns.find((candidate) => candidate.role === role);
    if (column !== undefined) return column;
  }
  throw new Error(`the version schema has no ${roles.join(" or ")} column`);
}

/** The columns a binned monitor measures. */
export function selectMonitoredColumns(monitor: MonitorRecord, columns: readonly ColumnSpec[]): ColumnSpec[] {
  if (monitor.columns.length > 0) return monitor.columns.map((name) => findColumn(columns, name));
  switch (monitor.kind) {
    case "prediction_drift":
      return [firstOfRole(columns, "prediction_score", "prediction_label")];
    case "target_drift":
      return [firstOfRole(columns, "target")];
    case "text_drift":
      return columns.filter((c) => c.role === "feature" && c.type === "text");
    default:
      return columns.filter((c) => c.role === "feature" && binnedKindOf(c) !== null && c.type !== "text");
  }
}

async function toBinnedColumns(
  context: GatherContext,
  monitor: MonitorRecord,
  columns: readonly ColumnSpec[],
  segment: readonly SegmentCondition[] | null,
  baseline: GatherSource,
): Promise<{ binned: BinnedColumn[]; kinds: { name: string; kind: BinnedKind }[] }> {
  const numeric = columns.filter((c) => binnedKindOf(c) === "numeric");
  const edges = await cached(context, `edges:${JSON.stringify(baseline)}`, () =>
    context.store.readNumericEdges({
      source: baseline,
      segment,
      columns: numeric.map((c) => ({ name: c.name, stream: streamOf(c) })),
      quantiles: deciles,
    }),
  );
  const outOfRange = monitor.metric === "out_of_range_share";
  const binned = columns.map((column): BinnedColumn => {
    const base = { name: column.name, stream: streamOf(column) };
    if (binnedKindOf(column) !== "numeric") return { ...base, kind: "categorical" };
    const columnEdges = edges[column.name] ?? [];
    if (!outOfRange) return { ...base, kind: "numeric", edges: columnEdges };
    const low = columnEdges[0];
    const high = columnEdges[columnEdges.length - 1];
    const rangeEdges =
      low === undefined || high === undefined ? [] : [low - 1e-9 * Math.max(1, Math.abs(low)), high];
    return { ...base, kind: "numeric", edges: rangeEdges };
  });
  const kinds = columns.map((column) => ({ name: column.name, kind: binnedKindOf(column) ?? "categorical" }));
  return { binned, kinds };
}

async function gatherBinned(
  context: GatherContext,
  monitor: MonitorRecord,
  segment: readonly SegmentCondition[] | null,
  windows: readonly TimeWindow[],
): Promise<GatheredScope> {
  const isQuality = monitor.kind === "data_quality";
  if (isQuality && ingestQualityMetrics.has(monitor.metric)) {
    return gatherIngestQuality(context, monitor, segment, windows);
  }
  const columns =
    isQuality && (monitor.metric === "volume" || monitor.metric === "freshness")
      ? []
      : selectMonitoredColumns(monitor, context.columns);
  if (!isQuality && columns.length === 0) throw new Error("no column to measure");
  if (!isQuality && needsRawValues(monitor, columns)) {
    return gatherRawDrift(context, monitor, columns, segment, windows);
  }
  const observations: WindowObservation[] = [];
  const groups = context.isFixedBaseline ? [windows] : windows.map((window) => [window]);
  for (const group of groups) {
    const first = group[0];
    if (first === undefined) continue;
    const baselineSource = context.baselineFor(first);
    const { binned, kinds } = await toBinnedColumns(context, monitor, columns, segment, baselineSource);
    const baselineBins = await cached(
      context,
      `bins:${monitor.metric}:${JSON.stringify(baselineSource)}`,
      () => context.store.readBins({ source: baselineSource, segment, columns: binned }),
    );
    const windowBins = await context.store.readBins({
      source: { kind: "windows", versionId: monitor.versionId, windows: group },
      segment,
      columns: binned,
    });
    const byIndex = new Map<number, GroupBins>(windowBins.map((bins) => [bins.windowIndex, bins]));
    group.forEach((_, index) => {
      const window = byIndex.get(index);
      const baseline = baselineBins[0];
      observations.push(
        isQuality
          ? deriveQualityObservation({
              metric: monitor.metric,
              column: columns[0]?.name ?? null,
              baseline,
              window,
            })
          : deriveDriftObservation({
              metric: typeof monitor.params.method === "string" ? monitor.params.method : monitor.metric,
              columns: kinds,
              baseline,
              window,
              dataset: monitor.kind === "dataset_drift" || kinds.length > 1,
              ...(typeof monitor.params.driftShareThreshold === "number"
                ? { driftShareThreshold: monitor.params.driftShareThreshold }
                : {}),
            }),
      );
    });
  }
  return { observations, baseline: noBaseline, detectorState: null };
}

function toLabel(value: unknown, positiveClass: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value === 1 ? 1 : value === 0 ? 0 : null;
  return toLabelText(value) === toLabelText(positiveClass ?? "1") ? 1 : 0;
}

function toLabelText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "bigint"
    ? String(value)
    : JSON.stringify(value);
}

function splitByWindow<T>(
  values: GatheredValues,
  windowCount: number,
  row: (index: number) => T | null,
): T[][] {
  const out: T[][] = Array.from({ length: windowCount }, () => []);
  for (let i = 0; i < values.windowIndex.length; i++) {
    const item = row(i);
    if (item !== null) out[values.windowIndex[i]!]?.push(item);
  }
  return out;
}

function toLabelledScores(pairs: readonly { score: number; label: number }[]): LabelledScores {
  return { scores: pairs.map((p) => p.score), labels: pairs.map((p) => p.label) };
}

function chunk<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length && size > 0; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}

async function readScorePairs(
  context: GatherContext,
  monitor: MonitorRecord,
  source: GatherSource,
  segment: readonly SegmentCondition[] | null,
  windowCount: number,
  labelledOnly: boolean,
): Promise<{ score: number; label: number | null }[][]> {
  const score = firstOfRole(context.columns, "prediction_score");
  const target = firstOfRole(context.columns, "target");
  const values = await context.store.readValues({
    source,
    segment,
    labelledOnly,
    columns: [
      { name: score.name, stream: "predictions" },
      { name: target.name, stream: "labels" },
    ],
  });
  const scores = values.columns[score.name] ?? [];
  const labels = values.columns[target.name] ?? [];
  return splitByWindow(values, windowCount, (i) => {
    const s = scores[i];
    return typeof s === "number"
      ? { score: s, label: toLabel(labels[i], monitor.params.positiveClass) }
      : null;
  });
}

function onlyLabelled(
  pairs: readonly { score: number; label: number | null }[],
): { score: number; label: number }[] {
  return pairs.flatMap((p) => (p.label === null ? [] : [{ score: p.score, label: p.label }]));
}

async function gatherPerformance(
  context: GatherContext,
  monitor: MonitorRecord,
  segment: readonly SegmentCondition[] | null,
  windows: readonly TimeWindow[],
): Promise<GatheredScope> {
  const threshold = typeof monitor.params.threshold === "number" ? monitor.params.threshold : 0.5;
  const estimated = monitor.kind === "estimated_performance";
  const windowPairs = await readScorePairs(
    context,
    monitor,
    { kind: "windows", versionId: monitor.versionId, windows },
    segment,
    windows.length,
    !estimated,
  );
  const first = windows[0];
  if (first === undefined) return { observations: [], baseline: noBaseline, detectorState: null };
  const baselineSource = context.baselineFor(first);
  const reference = await cached(context, `pairs:${JSON.stringify(baselineSource)}`, async () =>
    toLabelledScores(
      onlyLabelled((await readScorePairs(context, monitor, baselineSource, segment, 1, true))[0] ?? []),
    ),
  );
  const baseline = computePerformanceBaseline(reference, monitor.metric, threshold);
  if (!estimated) {
    const observations = windowPairs.map((pairs) =>
      derivePerformanceObservation(toLabelledScores(onlyLabelled(pairs)), monitor.metric, threshold),
    );
    return { observations, baseline, detectorState: null };
  }
  const calibration = await cached(context, `cbpe:${JSON.stringify(baselineSource)}`, () =>
    Promise.resolve(fitCbpeCalibration({ scores: reference.scores, labels: reference.labels, seed: 42 })),
  );
  if (calibration.status !== "ok") throw new Error(`CBPE calibration failed: ${calibration.reason}`);
  const fitted: CbpeCalibration = calibration;
  const observations = windowPairs.map((pairs) =>
    deriveEstimatedObservation({
      calibration: fitted,
      scores: pairs.map((p) => p.score),
      labelled: toLabelledScores(onlyLabelled(pairs)),
      metric: monitor.metric,
      threshold,
    }),
  );
  return { observations, baseline, detectorState: null };
}

function computePerformanceBaseline(
  reference: LabelledScores,
  metric: string,
  threshold: number,
): GatheredBaseline {
  if (reference.labels.length === 0) return noBaseline;
  const value = computeRealisedMetric(reference, metric, threshold);
  const indices = reference.labels.map((_, i) => i);
  const chunkValues = chunk(indices, 10).flatMap((part) => {
    const v = computeRealisedMetric(
      { scores: part.map((i) => reference.scores[i]!), labels: part.map((i) => reference.labels[i]!) },
      metric,
      threshold,
    );
    return v === null ? [] : [v];
  });
  const prevalence = reference.labels.reduce((sum, label) => sum + label, 0) / reference.labels.length;
  const dummyValue = computeRealisedMetric(
    { scores: reference.labels.map(() => prevalence), labels: reference.labels },
    metric,
    threshold,
  );
  return { value, chunkValues, dummyValue };
}

async function gatherValues(
  context: GatherContext,
  monitor: MonitorRecord,
  segment: readonly SegmentCondition[] | null,
  windows: readonly TimeWindow[],
): Promise<GatheredScope> {
  const source: GatherSource = { kind: "windows", versionId: monitor.versionId, windows };
  if (monitor.kind === "business_kpi") {
    const aggregation = toKpiAggregation(monitor);
    const names =
      aggregation.kind === "ratio"
        ? [aggregation.numeratorColumn, aggregation.denominatorColumn]
        : [aggregation.column];
    const values = await context.store.readValues({
      source,
      segment,
      columns: names.map((name) => ({ name, stream: streamOf(findColumn(context.columns, name)) })),
    });
    const records = splitByWindow(values, windows.length, (i) =>
      Object.fromEntries(
        names.map((name) => [name, (values.columns[name]?.[i] ?? null) as number | boolean | null]),
      ),
    );
    return {
      observations: records.map((r) => deriveKpiObservation(r, aggregation)),
      baseline: noBaseline,
      detectorState: null,
    };
  }
  const pairs = await readScorePairs(context, monitor, source, segment, windows.length, true);
  const threshold = typeof monitor.params.threshold === "number" ? monitor.params.threshold : 0.5;
  if (monitor.kind === "streaming_detector") {
    let state = context.detectorState;
    const observations = pairs.map((windowPairs) => {
      const errors = onlyLabelled(windowPairs).map((p) =>
        (p.score >= threshold ? 1 : 0) === p.label ? 0 : 1,
      );
      const result = deriveDetectorObservation({
        detector: String(monitor.params.detector ?? "page_hinkley"),
        errors,
        state,
      });
      state = result.state;
      return { observation: result.observation, evidence: result.evidence };
    });
    return { observations, baseline: noBaseline, detectorState: state };
  }
  const attribute = String(
    monitor.params.protectedAttribute ?? firstOfRole(context.columns, "protected_attribute").name,
  );
  const groups = await context.store.readValues({
    source,
    segment,
    labelledOnly: true,
    columns: [{ name: attribute, stream: "predictions" }],
  });
  const groupValues = groups.columns[attribute] ?? [];
  const grouped = splitByWindow(groups, windows.length, (i) => String(groupValues[i] ?? "(missing)"));
  const observations = pairs.map((windowPairs, index) => {
    const labelled = windowPairs.map((p, i) => ({ ...p, group: grouped[index]?.[i] ?? "(missing)" }));
    const kept = labelled.filter((p) => p.label !== null);
    return deriveFairnessObservation({
      labels: kept.map((p) => p.label as number),
      predictions: kept.map((p) => (p.score >= threshold ? 1 : 0)),
      groups: kept.map((p) => p.group),
      metric: monitor.metric,
    });
  });
  return { observations, baseline: noBaseline, detectorState: null };
}

function toKpiAggregation(monitor: MonitorRecord): KpiAggregation {
  const kind = monitor.metric;
  if (kind === "ratio") {
    return {
      kind: "ratio",
      numeratorColumn: String(monitor.params.numerator),
      denominatorColumn: String(monitor.params.denominator),
    };
  }
  if (kind !== "mean" && kind !== "sum" && kind !== "rate")
    throw new Error(`unknown KPI aggregation ${kind}`);
  const column = monitor.columns[0];
  if (column === undefined) throw new Error("a business KPI monitor names its outcome column");
  return { kind, column };
}

/** Gathers the observations of one scope's windows (ascending, non-empty). */
export function gatherScope(
  context: GatherContext,
  monitor: MonitorRecord,
  segment: readonly SegmentCondition[] | null,
  windows: readonly TimeWindow[],
): Promise<GatheredScope> {
  switch (monitor.kind) {
    case "data_drift":
    case "dataset_drift":
    case "prediction_drift":
    case "target_drift":
    case "text_drift":
    case "data_quality":
      return gatherBinned(context, monitor, segment, windows);
    case "performance":
    case "estimated_performance":
      return gatherPerformance(context, monitor, segment, windows);
    case "fairness":
    case "business_kpi":
    case "streaming_detector":
      return gatherValues(context, monitor, segment, windows);
    case "embedding_drift":
      return gatherEmbeddingDrift(context, monitor, segment, windows);
  }
}
