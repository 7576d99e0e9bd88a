/**
 * Assembles the whole report document from loaded data: feature drift and dataset verdict, target and
 * prediction drift, data quality, performance, fairness, segments, text and embedding drift. Pure
 * computation on in-memory data (the clock arrives as `generatedAt`); rendering lives elsewhere.
 */
import { isDriftMethodApplicable, type PreparedColumn } from "@sextant/core";
import type { LoadedColumn, LoadedDatasets } from "../files/loaded-datasets.js";
import { InputError } from "../files/input-error.js";
import { computeDriftSection, prepareColumns, toDriftColumn, type DriftSettings } from "./drift-section.js";
import { computeFairnessEntry, deriveBinaryOutcomes } from "./fairness-section.js";
import { computePerformanceSection, type PerformanceColumns } from "./performance-section.js";
import { computeQualitySection, countQualityIssues } from "./quality-section.js";
import { reportSchemaVersion, type ReportDocument } from "./report-model.js";
import { computeSegmentEntries } from "./segment-section.js";
import { computeEmbeddingEntry, computeTextEntry } from "./text-embedding-sections.js";

/** What a report is computed with. */
export interface BuildReportOptions {
  readonly drift: DriftSettings;
  readonly toolVersion: string;
  readonly generatedAt: Date;
  readonly onProgress?: (fraction: number, label: string) => void;
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

function driftOf(names: readonly string[], data: LoadedDatasets, drift: DriftSettings) {
  const columns = names.flatMap((n) => {
    const loaded = data.columns.get(n);
    const c = loaded === undefined ? undefined : toDriftColumn(n, loaded);
    return c === undefined ? [] : [c];
  });
  return computeDriftSection({
    prepared: prepareColumns(columns),
    settings: { ...drift, correction: "none" },
    withCharts: true,
  });
}

/** Computes the report document. Throws `InputError` for a drift method that does not fit its column. */
export function buildReport(data: LoadedDatasets, options: BuildReportOptions): ReportDocument {
  const progress = options.onProgress ?? (() => undefined);
  const { drift } = options;
  checkMethods(data, drift);
  const roles = data.schema.roles;
  const outputs = new Set(
    [roles.target, roles.prediction, ...(roles.predictionProba ?? [])].filter((n) => n !== undefined),
  );
  const features = new Map([...data.columns].filter(([name]) => !outputs.has(name)));
  const prepared: PreparedColumn[] = [];
  for (const [name, column] of features) {
    const c = toDriftColumn(name, column);
    if (c !== undefined) prepared.push(...prepareColumns([c]));
  }
  progress(0.7, "computing drift");
  const main = computeDriftSection({ prepared, settings: drift, withCharts: true });
  const performanceColumns = toPerformanceColumns(data);
  progress(0.8, "computing performance");
  const performance =
    performanceColumns === undefined ? undefined : computePerformanceSection(performanceColumns);
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
  const embeddings = prepared.flatMap((p) => {
    const entry = main.columns.find((c) => c.name === p.name);
    return p.columnKind === "embedding" && entry !== undefined ? [computeEmbeddingEntry(p, entry)] : [];
  });
  const quality = computeQualitySection(data, roles.id !== undefined);
  const targetDrift =
    roles.target === undefined ? undefined : driftOf([roles.target], data, drift).columns[0];
  const predictionNames = [roles.prediction, ...(roles.predictionProba ?? [])].filter(
    (n): n is string => n !== undefined,
  );
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
    prediction_drift: driftOf(predictionNames, data, drift).columns,
    performance: performance ?? null,
    fairness,
    segments,
    text,
    embeddings,
  };
}
