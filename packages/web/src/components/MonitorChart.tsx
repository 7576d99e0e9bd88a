/** One monitor's results over time, with its fixed thresholds; optional extra series from the evidence. */
import { useMemo } from "react";
import type { MonitorItem, MonitorResult } from "../api/api-types.js";
import { TimeSeriesChart, type TimeSeries } from "../charts/TimeSeriesChart.js";
import { deriveThresholdLines } from "../model/monitor-thresholds.js";
import { EmptyState } from "./EmptyState.js";

const noSeries: readonly { readonly key: string; readonly label: string }[] = [];

/** Props of MonitorChart. */
export interface MonitorChartProps {
  readonly monitor: MonitorItem;
  readonly results: readonly MonitorResult[];
  /** Plots `evidence[key]` as another line, e.g. the realised value of an estimated metric. */
  readonly evidenceSeries?: readonly { readonly key: string; readonly label: string }[];
  readonly valueLabel?: string;
}

/** Draws the monitor's value per window (whole traffic). */
export function MonitorChart({ monitor, results, evidenceSeries = noSeries, valueLabel }: MonitorChartProps) {
  const whole = useMemo(() => results.filter((r) => r.segment === null), [results]);
  const timesMs = useMemo(() => whole.map((r) => Date.parse(r.windowStart)), [whole]);
  const series = useMemo<TimeSeries[]>(
    () => [
      { label: valueLabel ?? monitor.metric, values: whole.map((r) => r.value) },
      ...evidenceSeries.map((s) => ({
        label: s.label,
        dash: true,
        values: whole.map((r) => {
          const v = r.evidence[s.key];
          return typeof v === "number" ? v : null;
        }),
      })),
    ],
    [whole, monitor.metric, evidenceSeries, valueLabel],
  );
  const thresholds = useMemo(() => deriveThresholdLines(monitor.condition), [monitor.condition]);
  if (whole.length === 0) {
    return (
      <EmptyState title={`${monitor.name}: no results yet`}>
        The monitor has not evaluated a window yet. Run it from its page, or wait for the scheduler.
      </EmptyState>
    );
  }
  return (
    <figure className="chart-figure">
      <figcaption>
        {monitor.name}{" "}
        <span className="muted">
          ({monitor.metric}, {monitor.window.kind})
        </span>
      </figcaption>
      <TimeSeriesChart
        timesMs={timesMs}
        series={series}
        thresholds={thresholds}
        label={`${monitor.name} over time`}
      />
    </figure>
  );
}
