/**
 * Data-quality metrics read from what ingest saw rather than from stored values (decision 0011):
 * `type_error_share` (rows rejected for a value of the wrong type, over the rows a stream received in the
 * window, by receipt time) and `schema_change` (columns added, removed or changed between the schema in
 * effect for the baseline and for the window, plus unknown fields in the window's payloads).
 */
import { computeSchemaChange, type TimeWindow } from "@sextant/core";
import type { ColumnSpec, SegmentCondition } from "@sextant/sdk";
import type { EventStream, ReceiptsInRange, SchemaRevisionRecord } from "../storage/monitoring-store.js";
import type { WindowObservation } from "./bin-observations.js";
import { cached, noBaseline, type GatherContext, type GatheredScope } from "./gather-context.js";
import type { MonitorRecord } from "./monitoring-records.js";

/** Data-quality metrics this module gathers. */
export const ingestQualityMetrics: ReadonlySet<string> = new Set(["type_error_share", "schema_change"]);

const streams: readonly EventStream[] = ["predictions", "labels", "outcomes"];

/** Per-window tallies of what a stream received. */
export interface WindowReceipts {
  stored: number;
  rejected: number;
  typeErrorRows: number;
  typeErrorsByField: Record<string, number>;
  unknownFields: Record<string, number>;
}

/** The window holding `ms` (windows ascending, half-open), or -1. */
function findWindowIndex(windows: readonly TimeWindow[], ms: number): number {
  let low = 0;
  let high = windows.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const window = windows[mid]!;
    if (ms < window.startMs) high = mid - 1;
    else if (ms >= window.endMs) low = mid + 1;
    else return mid;
  }
  return -1;
}

function add(target: Record<string, number>, source: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + count;
}

/** Assigns stored rows and rejections to the windows of their receipt time. */
export function tallyReceipts(windows: readonly TimeWindow[], receipts: ReceiptsInRange): WindowReceipts[] {
  const tallies = windows.map((): WindowReceipts => ({
    stored: 0,
    rejected: 0,
    typeErrorRows: 0,
    typeErrorsByField: {},
    unknownFields: {},
  }));
  for (const receipt of receipts.stored) {
    const tally = tallies[findWindowIndex(windows, receipt.receivedAtMs)];
    if (tally !== undefined) tally.stored += receipt.rows;
  }
  for (const rejection of receipts.rejections) {
    const tally = tallies[findWindowIndex(windows, rejection.receivedAt.getTime())];
    if (tally === undefined) continue;
    tally.rejected += rejection.rejectedRows;
    tally.typeErrorRows += rejection.typeErrorRows;
    add(tally.typeErrorsByField, rejection.typeErrorsByField);
    add(tally.unknownFields, rejection.unknownFields);
  }
  return tallies;
}

/** The schema in effect at `ms`: the newest revision saved by then, else the first, else the current one. */
export function selectSchemaAt(
  revisions: readonly SchemaRevisionRecord[],
  current: readonly ColumnSpec[],
  ms: number,
): { revision: number | null; columns: readonly ColumnSpec[] } {
  let chosen: SchemaRevisionRecord | undefined = revisions[0];
  for (const revision of revisions) if (revision.savedAt.getTime() <= ms) chosen = revision;
  return chosen === undefined
    ? { revision: null, columns: current }
    : { revision: chosen.revision, columns: chosen.columns };
}

function selectStream(monitor: MonitorRecord): EventStream {
  const stream = monitor.params.stream ?? "predictions";
  if (!streams.includes(stream as EventStream)) {
    throw new Error("params.stream must be predictions, labels or outcomes");
  }
  return stream as EventStream;
}

/** The instant whose schema the baseline was measured under. */
async function findBaselineInstant(context: GatherContext, window: TimeWindow): Promise<number> {
  const source = context.baselineFor(window);
  if (source.kind === "range") return source.toMs - 1;
  if (source.kind === "windows") return window.startMs - 1;
  const reference = await cached(context, `reference:${source.referenceId}`, () =>
    context.store.findReference(source.referenceId),
  );
  if (reference === undefined) throw new Error(`reference ${source.referenceId} no longer exists`);
  return reference.createdAt.getTime();
}

/** Observations of `type_error_share` or `schema_change` for one scope's windows. */
export async function gatherIngestQuality(
  context: GatherContext,
  monitor: MonitorRecord,
  segment: readonly SegmentCondition[] | null,
  windows: readonly TimeWindow[],
): Promise<GatheredScope> {
  if (segment !== null && segment.length > 0) {
    const reason = "rejected rows are counted per version, not per segment";
    return {
      observations: windows.map(() => ({ observation: { kind: "insufficient_data", reason }, evidence: {} })),
      baseline: noBaseline,
      detectorState: null,
    };
  }
  const stream = selectStream(monitor);
  const receipts = await context.store.readReceipts({
    versionId: monitor.versionId,
    stream,
    fromMs: windows[0]!.startMs,
    toMs: windows[windows.length - 1]!.endMs,
  });
  const tallies = tallyReceipts(windows, receipts);
  if (monitor.metric === "type_error_share") {
    const column = monitor.columns[0];
    return {
      observations: tallies.map((tally): WindowObservation => {
        const received = tally.stored + tally.rejected;
        const count = column === undefined ? tally.typeErrorRows : (tally.typeErrorsByField[column] ?? 0);
        const evidence = {
          stream,
          received,
          rejected: tally.rejected,
          typeErrorRows: count,
          byField: tally.typeErrorsByField,
        };
        if (received === 0) {
          return {
            observation: { kind: "insufficient_data", reason: "no rows received in the window" },
            evidence,
          };
        }
        return { observation: { kind: "value", value: count / received, sampleSize: received }, evidence };
      }),
      baseline: noBaseline,
      detectorState: null,
    };
  }
  const revisions = await context.store.listSchemaRevisions(monitor.versionId);
  const observations: WindowObservation[] = [];
  for (const [index, window] of windows.entries()) {
    const tally = tallies[index]!;
    const before = selectSchemaAt(revisions, context.columns, await findBaselineInstant(context, window));
    const after = selectSchemaAt(revisions, context.columns, window.endMs - 1);
    const change = computeSchemaChange({
      baseline: before.columns,
      window: after.columns,
      unknownFields: Object.keys(tally.unknownFields),
    });
    observations.push({
      observation: { kind: "value", value: change.changeCount, sampleSize: tally.stored + tally.rejected },
      evidence: {
        stream,
        baselineRevision: before.revision,
        windowRevision: after.revision,
        added: change.added,
        removed: change.removed,
        changed: change.changed,
        unknownFields: change.unknownFields,
      },
    });
  }
  return { observations, baseline: noBaseline, detectorState: null };
}
