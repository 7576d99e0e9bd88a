/**
 * Assembles the whole report document from loaded data: feature drift and dataset verdict, target and
 * prediction drift, data quality, performance, fairness, segments, text and embedding drift. Pure
 * computation on in-memory data (the clock arrives as `generatedAt`); rendering lives elsewhere.
 */
import {
  computeNumericColumnQualityFromSorted,
  isDriftMethodApplicable,
  prepareSortedNumericColumn,
  type DriftColumn,
  type NumericColumnQuality,
} from "@sextant/core";
import type { LoadedColumn, LoadedDatasets } from "../files/loaded-datasets.js";
import { InputError } from "../files/input-error.js";
import { computeDriftSection, prepareColumns, toDriftColumn, type DriftSettings } from "./drift-section.js";
import {
  isWorkerWorthwhile,
  runFeatureDrift,
  type FeatureDriftResult,
  type FeatureDriftWorker,
} from "./feature-drift-runner.js";
import { computeFairnessEntry, deriveBinaryOutcomes } from "./fairness-section.js";
import { computePerformanceSection, type PerformanceColumns } from "./performance-section.js";
import { computeColumnQualityEntry, computeQualitySection, countQualityIssues } from "./quality-section.js";
import { reportSchemaVersion, type ReportDocument, type SidePair } from "./report-model.js";
import { computeSegmentEntries } from "./segment-section.js";
import { computeEmbeddingEntry, computeTextEntry } from "./text-embedding-sections.js";

/** What a report is computed with. */
export interface BuildReportOptions {
  readonly drift: DriftSettings;
  readonly toolVersion: string;
  readonly generatedAt: Date;
  readonly onProgress?: (fraction: number, label: string) => void;
  /** Starts a worker thread to share the feature drift with (large inputs); none: all runs here. */
  readonly startWorker?: () => FeatureDriftWorker | undefined;
}

function checkMethods(data: LoadedDatasets, drift: DriftSettings): void {
  for (const [name, method] of Object.entries(drift.methodByColumn)) {
    const column = data.columns.get(name);
    if (column === undefined) continue;
    const kind = column.kind === "text" ? undefined : column.kind;
    if (kind === undefined || !isDriftMethodApplicable(method, kind)) {
      throw new InputError(
        "METHOD_NOT_APPLICABLE",
        `drift method ${method} does not apply to ${column.kind} column ${name}`,
      );
    }
  }
}

function toPerformanceColumns(data: LoadedDatasets): PerformanceColumns | undefined {
  const roles = data.schema.roles;
  const target = roles.target === undefined ? undefined : data.columns.get(roles.target);
  if (target === undefined || roles.target === undefined) return undefined;
  const prediction = roles.prediction === undefined ? undefined : data.columns.get(roles.prediction);
  const probaNames = roles.predictionProba ?? [];
  return {
    targetName: roles.target,
    target,
    ...(prediction === undefined || roles.prediction === undefined
      ? {}
      : { predictionName: roles.prediction, prediction }),
    probaNames,
    proba: probaNames.map((n) => data.columns.get(n)).filter((c): c is LoadedColumn => c !== undefined),
  };
}

/** Drift of role columns (target, predictions), reusing sides already sorted by the performance section. */
function driftOf(input: {
  readonly names: readonly string[];
  readonly data: LoadedDatasets;
  readonly drift: DriftSettings;
  readonly sorted: ReadonlyMap<string, SidePair<Float64Array>>;
}) {
  const prepared = input.names.flatMap((n) => {
    const loaded = input.data.columns.get(n);
    const sorted = input.sorted.get(n);
    if (loaded?.kind === "numeric" && sorted !== undefined) {
      return [
        prepareSortedNumericColumn({
          name: n,
          referenceSorted: sorted.reference,
          currentSorted: sorted.current,
          referenceMissing: loaded.reference.length - sorted.reference.length,
          currentMissing: loaded.current.length - sorted.current.length,
        }),
      ];
    }
    const c = loaded === undefined ? undefined : toDriftColumn(n, loaded);
    return c === undefined ? [] : prepareColumns([c]);
  });
  return computeDriftSection({
    prepared,
    settings: { ...input.drift, correction: "none" },
    withCharts: true,
  });
}

/** A numeric column's quality from its finite values sorted (`sorted`), or undefined to compute it. */
function qualityFromSorted(
  column: LoadedColumn,
  sorted: SidePair<Float64Array> | undefined,
): NumericColumnQuality | undefined {
  if (column.kind !== "numeric" || sorted === undefined) return undefined;
  return computeNumericColumnQualityFromSorted({
    referenceSorted: sorted.reference,
    currentSorted: sorted.current,
    referenceMissing: column.reference.length - sorted.reference.length,
    currentMissing: column.current.length - sorted.current.length,
  });
}

/** The analysed columns that are features: every one but the target, prediction and probabilities. */
function selectFeatures(data: LoadedDatasets): Map<string, LoadedColumn> {
  const roles = data.schema.roles;
  const outputs = new Set(
    [roles.target, roles.prediction, ...(roles.predictionProba ?? [])].filter((n) => n !== undefined),
  );
  return new Map([...data.columns].filter(([name]) => !outputs.has(name)));
}

/**
 * Computes the report document. Throws `InputError` for a drift method that does not fit its column.
 * With `options.startWorker` and a large input, the feature drift runs partly in a worker thread while
 * the other sections are computed here. `data` is consumed: without segments its numeric features'
 * arrays are sorted in place (same values, row order lost), so build one report per load.
 */
export async function buildReport(
  data: LoadedDatasets,
  options: BuildReportOptions,
): Promise<ReportDocument> {
  checkMethods(data, options.drift);
  const featureColumns: DriftColumn[] = [];
  for (const [name, column] of selectFeatures(data)) {
    const c = toDriftColumn(name, column);
    if (c !== undefined) featureColumns.push(c);
  }
  options.onProgress?.(0.7, "computing drift");
  const worker =
    options.startWorker !== undefined && isWorkerWorthwhile(featureColumns)
      ? options.startWorker()
      : undefined;
  try {
    const featureDrift = runFeatureDrift({
      columns: featureColumns,
      settings: options.drift,
      worker,
      // After this only segments read numeric features row by row (their quality and charts come from
      // the sorted sides): without segments, the loaded arrays are sorted where they are.
      sortInPlace: data.schema.roles.segments.length === 0,
    });
    // Awaited after the other sections; if one of those throws first, this rejection is not the news.
    featureDrift.catch(() => undefined);
    return await assembleReport(data, options, featureDrift);
  } finally {
    worker?.terminate();
  }
}

async function assembleReport(
  data: LoadedDatasets,
  options: BuildReportOptions,
  featureDrift: Promise<FeatureDriftResult>,
): Promise<ReportDocument> {
  const progress = options.onProgress ?? (() => undefined);
  const { drift } = options;
  const roles = data.schema.roles;
  const features = selectFeatures(data);
  const performanceColumns = toPerformanceColumns(data);
  progress(0.8, "computing performance");
  const sortedScores = new Map<string, SidePair<Float64Array>>();
  const performance =
    performanceColumns === undefined
      ? undefined
      : computePerformanceSection(performanceColumns, (column, sorted) => sortedScores.set(column, sorted));
  const outcomes =
    performance?.task === "binary" && performanceColumns !== undefined && roles.protected.length > 0
      ? deriveBinaryOutcomes({
          target: performanceColumns.target,
          positiveLabel: performance.positive_label ?? "1",
          ...(performanceColumns.prediction === undefined
            ? {}
            : { prediction: performanceColumns.prediction }),
          ...(performanceColumns.proba[0] === undefined ? {} : { score: performanceColumns.proba[0] }),
        })
      : undefined;
  const fairness = roles.protected.flatMap((name) => {
    const groups = data.columns.get(name);
    return outcomes === undefined || groups?.kind !== "categorical"
      ? []
      : [computeFairnessEntry({ column: name, groups, ...outcomes })];
  });
  progress(0.85, "comparing segments");
  const segments = roles.segments.flatMap((name) => {
    const segment = data.columns.get(name);
    return segment?.kind !== "categorical"
      ? []
      : computeSegmentEntries({
          segmentName: name,
          segment,
          features,
          performance: performanceColumns,
          settings: drift,
        });
  });
  const text = [...features].flatMap(([name, c]) =>
    c.kind === "text" ? [computeTextEntry(name, c, drift)] : [],
  );
  const targetDrift =
    roles.target === undefined
      ? undefined
      : driftOf({ names: [roles.target], data, drift, sorted: sortedScores }).columns[0];
  const predictionNames = [roles.prediction, ...(roles.predictionProba ?? [])].filter(
    (n): n is string => n !== undefined,
  );
  const predictionDrift = driftOf({ names: predictionNames, data, drift, sorted: sortedScores }).columns;
  // Quality of the columns feature drift does not cover, computed while the worker may still run (feature
  // drift gives numeric and categorical features theirs); score columns from the sides performance sorted.
  const earlyQuality = new Map(
    [...data.columns]
      .filter(([name, c]) => !features.has(name) || (c.kind !== "numeric" && c.kind !== "categorical"))
      .map(([name, c]) => [
        name,
        computeColumnQualityEntry(name, c, qualityFromSorted(c, sortedScores.get(name))),
      ]),
  );
  const { section: main, embeddings: preparedEmbeddings } = await featureDrift;
  const quality = computeQualitySection(data, roles.id !== undefined, main.columnQuality, earlyQuality);
  const embeddings = preparedEmbeddings.flatMap((p) => {
    const entry = main.columns.find((c) => c.name === p.name);
    return entry === undefined ? [] : [computeEmbeddingEntry(p, entry)];
  });
  const roleEntries: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(roles)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0))
      roleEntries[key] = value as string | string[];
  }
  return {
    schema_version: reportSchemaVersion,
    generated_at: options.generatedAt.toISOString(),
    tool: { name: "sextant", version: options.toolVersion },
    inputs: {
      reference: {
        path: data.reference.path,
        rows: data.reference.rowCount,
        columns: data.reference.columnCount,
      },
      current: { path: data.current.path, rows: data.current.rowCount, columns: data.current.columnCount },
    },
    settings: {
      drift_policy: drift.policy,
      correction: drift.correction,
      drift_share_threshold: drift.driftShareThreshold,
      roles: roleEntries,
    },
    schema: data.inference.map((c) => ({
      name: c.name,
      kind: c.kind ?? null,
      storage: c.storage,
      source: c.source,
      reason: c.reason,
    })),
    warnings: [...data.warnings],
    summary: {
      rows: { reference: data.reference.rowCount, current: data.current.rowCount },
      columns_analysed: main.columns.length + text.length,
      drifted_columns: main.columns.filter((c) => c.drifted).map((c) => c.name),
      dataset_drifted: main.dataset.drifted,
      drift_share: main.dataset.drift_share,
      quality_issues: countQualityIssues(quality),
    },
    columns: main.columns,
    dataset: main.dataset,
    quality,
    target_drift: targetDrift ?? null,
    prediction_drift: predictionDrift,
    performance: performance ?? null,
    fairness,
    segments,
    text,
    embeddings,
  };
}
