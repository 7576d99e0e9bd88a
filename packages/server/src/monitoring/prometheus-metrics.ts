/**
 * `/metrics` in the Prometheus text exposition format (version 0.0.4): service health (ingested rows,
 * ingest rate, buffer depth, scheduler ticks and lag, monitor and channel failures) and every monitor's
 * latest window value with model, monitor, kind, metric and segment labels. Rendering is pure; the
 * ingest counter decorates the buffer so ingest code stays unaware of metrics.
 */
import type { IngestBuffer } from "../ingest/ingest-buffer.js";
import type { SchedulerStats } from "../scheduler/monitor-scheduler.js";
import type { MonitorRecord, MonitorResultRecord } from "./monitoring-records.js";

/** Counts ingested rows and derives a rate over the last minute. */
export interface IngestCounter {
  record(rows: number, atMs: number): void;
  totalRows(): number;
  ratePerSecond(atMs: number): number;
}

const rateWindowMs = 60_000;

/** Creates an ingest counter (per-second buckets of the last minute). */
export function createIngestCounter(): IngestCounter {
  let total = 0;
  const buckets = new Map<number, number>();
  const prune = (atMs: number): void => {
    for (const second of buckets.keys()) if (second * 1000 <= atMs - rateWindowMs) buckets.delete(second);
  };
  return {
    record(rows, atMs) {
      total += rows;
      const second = Math.floor(atMs / 1000);
      buckets.set(second, (buckets.get(second) ?? 0) + rows);
      prune(atMs);
    },
    totalRows: () => total,
    ratePerSecond(atMs) {
      prune(atMs);
      let rows = 0;
      for (const count of buckets.values()) rows += count;
      return rows / (rateWindowMs / 1000);
    },
  };
}

/** Wraps an ingest buffer so every committed row is counted. */
export function toCountedIngestBuffer(
  buffer: IngestBuffer,
  counter: IngestCounter,
  clock: () => Date,
): IngestBuffer {
  return {
    ...buffer,
    async submit(batch) {
      const outcome = await buffer.submit(batch);
      counter.record(outcome.inserted, clock().getTime());
      return outcome;
    },
  };
}

/** Everything one scrape shows. */
export interface MetricsSnapshot {
  readonly ingestedRows: number;
  readonly ingestRatePerSecond: number;
  readonly bufferedRows: number;
  readonly scheduler: SchedulerStats;
  readonly channelFailures: number;
  readonly results: readonly {
    readonly result: MonitorResultRecord;
    readonly monitor: MonitorRecord;
    readonly modelName: string;
  }[];
}

/** Escapes a label value (backslash, double quote, newline) as the text format requires. */
export function toLabelValue(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}

function toSample(name: string, labels: Readonly<Record<string, string>>, value: number): string {
  const pairs = Object.entries(labels).map(([key, label]) => `${key}="${toLabelValue(label)}"`);
  const text = Number.isFinite(value)
    ? String(value)
    : Number.isNaN(value)
      ? "NaN"
      : value > 0
        ? "+Inf"
        : "-Inf";
  return `${name}${pairs.length === 0 ? "" : `{${pairs.join(",")}}`} ${text}`;
}

function family(name: string, type: "counter" | "gauge", help: string, samples: readonly string[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples];
}

/** Renders the snapshot in the Prometheus text format. */
export function renderPrometheusMetrics(snapshot: MetricsSnapshot): string {
  const { scheduler } = snapshot;
  const modelSamples: string[] = [];
  const statusSamples: string[] = [];
  for (const { result, monitor, modelName } of snapshot.results) {
    const labels = {
      model_id: monitor.modelId,
      model: modelName,
      monitor_id: monitor.id,
      monitor: monitor.name,
      kind: monitor.kind,
      metric: monitor.metric,
      segment: result.segment ?? "",
    };
    if (result.value !== null) modelSamples.push(toSample("sextant_monitor_value", labels, result.value));
    statusSamples.push(toSample("sextant_monitor_firing", labels, result.status === "firing" ? 1 : 0));
  }
  const lines = [
    ...family("sextant_ingest_rows_total", "counter", "Event rows durably ingested since start.", [
      toSample("sextant_ingest_rows_total", {}, snapshot.ingestedRows),
    ]),
    ...family("sextant_ingest_rows_per_second", "gauge", "Ingested rows per second over the last minute.", [
      toSample("sextant_ingest_rows_per_second", {}, snapshot.ingestRatePerSecond),
    ]),
    ...family("sextant_ingest_buffer_rows", "gauge", "Rows waiting in the ingest buffer.", [
      toSample("sextant_ingest_buffer_rows", {}, snapshot.bufferedRows),
    ]),
    ...family("sextant_scheduler_ticks_total", "counter", "Scheduler evaluation ticks since start.", [
      toSample("sextant_scheduler_ticks_total", {}, scheduler.ticks),
    ]),
    ...family(
      "sextant_scheduler_lag_seconds",
      "gauge",
      "Duration of the last scheduler tick past its due time.",
      [toSample("sextant_scheduler_lag_seconds", {}, scheduler.lastLagMs / 1000)],
    ),
    ...family(
      "sextant_scheduler_last_tick_timestamp_seconds",
      "gauge",
      "Unix time of the last scheduler tick (0 = none yet).",
      [
        toSample(
          "sextant_scheduler_last_tick_timestamp_seconds",
          {},
          (scheduler.lastTickAt?.getTime() ?? 0) / 1000,
        ),
      ],
    ),
    ...family("sextant_monitor_failures_total", "counter", "Monitor evaluations that failed.", [
      toSample("sextant_monitor_failures_total", {}, scheduler.monitorFailures),
    ]),
    ...family("sextant_channel_failures_total", "counter", "Failed notification delivery attempts.", [
      toSample("sextant_channel_failures_total", {}, snapshot.channelFailures),
    ]),
    ...family("sextant_monitor_value", "gauge", "Latest window value of each monitor scope.", modelSamples),
    ...family(
      "sextant_monitor_firing",
      "gauge",
      "1 when the monitor scope's latest window is firing.",
      statusSamples,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
