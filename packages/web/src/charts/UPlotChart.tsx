/**
 * A React wrapper of one uPlot chart: creates it on mount, resizes it with its container, destroys it on
 * unmount. Callers pass uPlot options without width/height and the aligned data.
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** Props of UPlotChart. */
export interface UPlotChartProps {
  readonly options: Omit<uPlot.Options, "width" | "height">;
  readonly data: uPlot.AlignedData;
  readonly height?: number;
  /** Accessible description of what the chart shows. */
  readonly label: string;
}

/** Draws one uPlot chart that fills its container's width. */
export function UPlotChart({ options, data, height = 240, label }: UPlotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const width = Math.max(280, element.clientWidth);
    const chart = new uPlot({ ...options, width, height }, data, element);
    const observer = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(280, element.clientWidth), height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [options, data, height]);
  return <div className="chart" ref={container} role="img" aria-label={label} />;
}
