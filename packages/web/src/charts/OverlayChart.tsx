/** A feature's distribution in the current window overlaid on its reference (uPlot bars, shares of rows). */
import { useMemo } from "react";
import uPlot from "uplot";
import type { OverlayHistogram } from "../model/histogram-overlay.js";
import { UPlotChart } from "./UPlotChart.js";

/** Draws reference and current shares per bin. */
export function OverlayChart({
  histogram,
  feature,
}: {
  readonly histogram: OverlayHistogram;
  readonly feature: string;
}) {
  const { options, data } = useMemo(() => {
    const xs = histogram.positions.map((_, i) => i);
    const bars = uPlot.paths.bars?.({ size: [0.8, 60], gap: 1 });
    const chartOptions: Omit<uPlot.Options, "width" | "height"> = {
      scales: { x: { time: false, range: [-0.5, xs.length - 0.5] } },
      series: [
        {},
        {
          label: `Reference (${histogram.referenceSize})`,
          stroke: "#64748b",
          fill: "rgba(100,116,139,0.35)",
          ...(bars === undefined ? {} : { paths: bars }),
          points: { show: false },
        },
        {
          label: `Current (${histogram.currentSize})`,
          stroke: "#dc2626",
          fill: "rgba(220,38,38,0.25)",
          ...(bars === undefined ? {} : { paths: bars }),
          points: { show: false },
        },
      ],
      axes: [
        {
          splits: () => xs,
          values: (_chart, splits) =>
            splits.map((split) => {
              const text = histogram.labels[Math.round(split)] ?? "";
              return text.length > 14 ? `${text.slice(0, 13)}…` : text;
            }),
          rotate: histogram.labels.length > 8 ? -45 : 0,
          size: histogram.labels.length > 8 ? 80 : 40,
        },
        { size: 60, values: (_chart, splits) => splits.map((v) => `${(v * 100).toFixed(0)}%`) },
      ],
    };
    return {
      options: chartOptions,
      data: [xs, [...histogram.reference], [...histogram.current]] as uPlot.AlignedData,
    };
  }, [histogram]);
  return (
    <UPlotChart
      options={options}
      data={data}
      height={280}
      label={`Distribution of ${feature}: current window overlaid on the reference`}
    />
  );
}
