/** A time-series line chart (uPlot) with optional horizontal threshold lines. */
import { useMemo } from "react";
import type uPlot from "uplot";
import { UPlotChart } from "./UPlotChart.js";

/** One line of the chart. */
export interface TimeSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color?: string;
  readonly dash?: boolean;
}

/** Props of TimeSeriesChart. */
export interface TimeSeriesChartProps {
  /** Epoch milliseconds, ascending, one per value. */
  readonly timesMs: readonly number[];
  readonly series: readonly TimeSeries[];
  readonly thresholds?: readonly { readonly label: string; readonly value: number }[];
  readonly label: string;
  readonly height?: number;
}

const noThresholds: readonly { readonly label: string; readonly value: number }[] = [];
const palette = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563", "#ca8a04"];

/** Draws the series over time. */
export function TimeSeriesChart({
  timesMs,
  series,
  thresholds = noThresholds,
  label,
  height,
}: TimeSeriesChartProps) {
  const { options, data } = useMemo(() => {
    const xs = timesMs.map((ms) => ms / 1000);
    const lines = [
      ...series.map((s, i) => ({
        label: s.label,
        stroke: s.color ?? palette[i % palette.length]!,
        width: 2,
        spanGaps: true,
        ...(s.dash === true ? { dash: [6, 4] } : {}),
      })),
      ...thresholds.map((t) => ({ label: t.label, stroke: "#b45309", width: 1, dash: [3, 3] })),
    ];
    const chartData = [
      xs,
      ...series.map((s) => [...s.values]),
      ...thresholds.map((t) => xs.map(() => t.value)),
    ] as uPlot.AlignedData;
    const chartOptions: Omit<uPlot.Options, "width" | "height"> = {
      series: [{}, ...lines],
      axes: [{}, { size: 60 }],
      scales: { x: { time: true } },
      legend: { show: true },
    };
    return { options: chartOptions, data: chartData };
  }, [timesMs, series, thresholds]);
  return (
    <UPlotChart options={options} data={data} label={label} {...(height === undefined ? {} : { height })} />
  );
}
