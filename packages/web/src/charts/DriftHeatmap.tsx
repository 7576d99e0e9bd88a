/** Features × windows drift heatmap (SVG): red cells drifted, shade by score rank; one row per feature. */
import type { DriftMatrix } from "../model/drift-matrix.js";

/** Props of DriftHeatmap. */
export interface DriftHeatmapProps {
  readonly matrix: DriftMatrix;
  readonly selected?: string | undefined;
  readonly onSelect?: (feature: string) => void;
}

const cellWidth = 14;
const rowHeight = 22;
const labelWidth = 170;

/** Draws the heatmap; clicking or pressing Enter on a row selects its feature. */
export function DriftHeatmap({ matrix, selected, onSelect }: DriftHeatmapProps) {
  const width = labelWidth + matrix.windows.length * cellWidth + 8;
  const height = matrix.features.length * rowHeight + 24;
  return (
    <div className="heatmap-scroll">
      <svg
        className="heatmap"
        width={width}
        height={height}
        role="group"
        aria-label="Drift per feature (rows, most drifted first) and window (columns, oldest on the left)"
      >
        {matrix.features.map((feature, row) => (
          <g
            key={feature.name}
            transform={`translate(0, ${row * rowHeight})`}
            role="button"
            tabIndex={0}
            aria-label={`${feature.name}: drifted in ${feature.driftedWindows} of ${matrix.windows.length} windows`}
            aria-pressed={selected === feature.name}
            data-feature={feature.name}
            className="heatmap-row"
            onClick={() => onSelect?.(feature.name)}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                onSelect?.(feature.name);
              }
            }}
          >
            <text
              x={4}
              y={15}
              className={selected === feature.name ? "heatmap-label selected" : "heatmap-label"}
            >
              {feature.name}
            </text>
            {feature.cells.map((cell, column) => (
              <rect
                key={matrix.windows[column]}
                x={labelWidth + column * cellWidth}
                y={2}
                width={cellWidth - 2}
                height={rowHeight - 4}
                className={cell === null ? "cell-none" : cell.drifted ? "cell-drifted" : "cell-ok"}
              >
                <title>
                  {`${feature.name} ${matrix.windows[column] ?? ""}: ${
                    cell === null
                      ? "no score"
                      : `${cell.method ?? "score"} ${cell.score?.toPrecision(3) ?? "n/a"}${cell.drifted ? " (drifted)" : ""}`
                  }`}
                </title>
              </rect>
            ))}
          </g>
        ))}
        <text x={labelWidth} y={height - 6} className="heatmap-axis">
          {matrix.windows[0]?.slice(0, 16).replace("T", " ")} →{" "}
          {matrix.windows.at(-1)?.slice(0, 16).replace("T", " ")} UTC
        </text>
      </svg>
    </div>
  );
}
