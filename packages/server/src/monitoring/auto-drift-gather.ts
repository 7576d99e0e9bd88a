/**
 * Drift on raw values: under core's `auto` policy (no explicit method) the policy picks per column, as the
 * batch report does, and picks raw-value tests for numeric columns (KS on small references, normed
 * Wasserstein on large ones); text columns are measured through their descriptors (length, non-letter
 * share, out-of-vocabulary share), each a numeric column `column.descriptor`. So numeric and text columns
 * are gathered as raw values, categorical and boolean ones as exact counts. Fixed baselines are read once
 * per run; windows are read in groups to bound memory.
 */
import {
  computeTextDescriptors,
  isDriftMethodId,
  prepareDriftColumn,
  textDescriptorNames,
  type PreparedColumn,
  type TextDescriptorId,
  type TimeWindow,
} from "@sextant/core";
import type { ColumnSpec, SegmentCondition } from "@sextant/sdk";
import type { BinnedColumn, GatheredValues, GatherSource, GroupBins } from "../storage/monitoring-store.js";
import { deriveDriftFromPrepared, toPreparedColumn, type WindowObservation } from "./bin-observations.js";
import { cached, noBaseline, streamOf, type GatherContext, type GatheredScope } from "./gather-context.js";
import type { MonitorRecord } from "./monitoring-records.js";

/** Windows read per query for a fixed baseline (raw values of a group are held in memory at once). */
const windowsPerRead = 24;

/** The drift method a monitor names (`params.method`, else its metric), if it is a method id. */
export function selectExplicitDriftMethod(monitor: MonitorRecord): string | undefined {
  const named = typeof monitor.params.method === "string" ? monitor.params.method : monitor.metric;
  return isDriftMethodId(named) ? named : undefined;
}

/** True when raw values are needed: text columns, or numeric ones under the `auto` policy. */
export function needsRawValues(monitor: MonitorRecord, columns: readonly ColumnSpec[]): boolean {
  if (columns.some((c) => c.type === "text")) return true;
  return selectExplicitDriftMethod(monitor) === undefined && columns.some((c) => c.type === "numeric");
}

const descriptorIds = Object.keys(textDescriptorNames) as TextDescriptorId[];

function toTexts(values: readonly (number | string | boolean | null)[]): (string | null)[] {
  return values.map((value) => (typeof value === "string" ? value : null));
}

function toNumbers(values: readonly (number | string | boolean | null)[]): Float64Array {
  return Float64Array.from(values, (value) => (typeof value === "number" ? value : Number.NaN));
}

/** Row positions of each window in gathered values (rows come ordered by window). */
function indexByWindow(values: GatheredValues, windowCount: number): number[][] {
  const rows: number[][] = Array.from({ length: windowCount }, () => []);
  values.windowIndex.forEach((wi, i) => rows[wi]?.push(i));
  return rows;
}

interface SideData {
  readonly values: GatheredValues;
  readonly bins: readonly GroupBins[];
}

async function readSide(
  context: GatherContext,
  source: GatherSource,
  segment: readonly SegmentCondition[] | null,
  raw: readonly ColumnSpec[],
  categorical: readonly BinnedColumn[],
): Promise<SideData> {
  const values = await context.store.readValues({
    source,
    segment,
    columns: raw.map((c) => ({ name: c.name, stream: streamOf(c) })),
  });
  const bins =
    categorical.length === 0 ? [] : await context.store.readBins({ source, segment, columns: categorical });
  return { values, bins };
}

function pick(values: GatheredValues, name: string, rows: readonly number[]): Float64Array {
  const column = values.columns[name] ?? [];
  return toNumbers(rows.map((i) => column[i] ?? null));
}

/** Observations of drift over numeric and text (raw values) and categorical (counts) columns. */
export async function gatherRawDrift(
  context: GatherContext,
  monitor: MonitorRecord,
  columns: readonly ColumnSpec[],
  segment: readonly SegmentCondition[] | null,
  windows: readonly TimeWindow[],
): Promise<GatheredScope> {
  const raw = columns.filter((c) => c.type === "numeric" || c.type === "text");
  const categorical: BinnedColumn[] = columns
    .filter((c) => c.type !== "numeric" && c.type !== "text")
    .map((c) => ({ name: c.name, stream: streamOf(c), kind: "categorical" }));
  const dataset = monitor.kind === "dataset_drift" || columns.length > 1;
  const threshold = monitor.params.driftShareThreshold;
  const observations: WindowObservation[] = [];
  const size = context.isFixedBaseline ? windowsPerRead : 1;
  for (let start = 0; start < windows.length; start += size) {
    const group = windows.slice(start, start + size);
    const baselineSource = context.baselineFor(group[0]!);
    const baseline = await cached(context, `auto:${JSON.stringify(baselineSource)}`, () =>
      readSide(context, baselineSource, segment, raw, categorical),
    );
    const current = await readSide(
      context,
      { kind: "windows", versionId: monitor.versionId, windows: group },
      segment,
      raw,
      categorical,
    );
    const baselineRows = indexByWindow(baseline.values, 1)[0] ?? [];
    const baselineBins = baseline.bins[0];
    const windowRows = indexByWindow(current.values, group.length);
    const windowBins = new Map(current.bins.map((bins) => [bins.windowIndex, bins]));
    group.forEach((_, index) => {
      const rows = windowRows[index] ?? [];
      const bins = windowBins.get(index);
      const rowCount = raw.length > 0 ? rows.length : (bins?.rowCount ?? 0);
      const baselineCount = raw.length > 0 ? baselineRows.length : (baselineBins?.rowCount ?? 0);
      if (baselineCount === 0) {
        observations.push({
          observation: { kind: "insufficient_data", reason: "the baseline has no rows" },
          evidence: {},
        });
        return;
      }
      if (rowCount === 0) {
        observations.push({
          observation: { kind: "insufficient_data", reason: "no rows in the window" },
          evidence: {},
        });
        return;
      }
      const prepared = columns.flatMap((column): PreparedColumn[] => {
        if (column.type === "text") {
          const text = (values: GatheredValues, at: readonly number[]) =>
            toTexts(at.map((i) => values.columns[column.name]?.[i] ?? null));
          const descriptors = computeTextDescriptors(
            text(baseline.values, baselineRows),
            text(current.values, rows),
          );
          return descriptorIds.map((id) =>
            prepareDriftColumn({
              name: `${column.name}.${id}`,
              kind: "numeric",
              reference: descriptors.reference[id],
              current: descriptors.current[id],
            }),
          );
        }
        if (column.type === "numeric") {
          return [
            prepareDriftColumn({
              name: column.name,
              kind: "numeric",
              reference: pick(baseline.values, column.name, baselineRows),
              current: pick(current.values, column.name, rows),
            }),
          ];
        }
        const empty = { counts: new Map<string, number>(), missing: 0 };
        return [
          toPreparedColumn(
            column.name,
            "categorical",
            baselineBins?.columns[column.name] ?? empty,
            bins?.columns[column.name] ?? empty,
          ),
        ];
      });
      observations.push(
        deriveDriftFromPrepared({
          metric: selectExplicitDriftMethod(monitor) ?? "auto",
          prepared,
          rowCount,
          dataset: dataset || prepared.length > 1,
          ...(typeof threshold === "number" ? { driftShareThreshold: threshold } : {}),
        }),
      );
    });
  }
  return { observations, baseline: noBaseline, detectorState: null };
}
