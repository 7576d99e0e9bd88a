/**
 * Inline SVG charts for the HTML report, as strings with no script and no external asset: distribution
 * overlays (histogram or categories), horizontal drift bars, line curves (ROC, PR, calibration) and a
 * confusion-matrix heat grid. Reference is grey, current is blue, everywhere.
 */
import { escapeHtml, formatNumber } from "./html-format.js";
import type { CurveEntry, DistributionSummary } from "./report-model.js";

const referenceColour = "#9aa5b1";
const currentColour = "#2563eb";

function svgOpen(width: number, height: number, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}">`;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Overlay of reference and current shares for one column. */
export function renderDistributionSvg(name: string, distribution: DistributionSummary): string {
  const width = 320;
  const height = 140;
  const plotTop = 8;
  const plotBottom = height - 22;
  const shares = [...distribution.reference, ...distribution.current];
  const max = Math.max(...shares, 1e-12);
  const scale = (v: number) => ((plotBottom - plotTop) * v) / max;
  const parts: string[] = [svgOpen(width, height, `distribution of ${name}`)];
  const bins = distribution.reference.length;
  const slot = (width - 20) / Math.max(bins, 1);
  if (distribution.type === "histogram") {
    for (let i = 0; i < bins; i++) {
      const x = 10 + i * slot;
      const r = scale(distribution.reference[i]!);
      const c = scale(distribution.current[i]!);
      parts.push(
        `<rect x="${round(x)}" y="${round(plotBottom - r)}" width="${round(slot)}" height="${round(r)}" fill="${referenceColour}" fill-opacity="0.6"/>`,
      );
      parts.push(
        `<rect x="${round(x)}" y="${round(plotBottom - c)}" width="${round(slot)}" height="${round(c)}" fill="${currentColour}" fill-opacity="0.45"/>`,
      );
    }
    const first = distribution.edges[0] ?? 0;
    const last = distribution.edges[distribution.edges.length - 1] ?? 0;
    parts.push(`<text x="10" y="${height - 6}" font-size="10">${escapeHtml(formatNumber(first))}</text>`);
    parts.push(
      `<text x="${width - 10}" y="${height - 6}" font-size="10" text-anchor="end">${escapeHtml(formatNumber(last))}</text>`,
    );
  } else {
    for (let i = 0; i < bins; i++) {
      const x = 10 + i * slot;
      const r = scale(distribution.reference[i]!);
      const c = scale(distribution.current[i]!);
      const w = slot / 2 - 1;
      parts.push(
        `<rect x="${round(x)}" y="${round(plotBottom - r)}" width="${round(w)}" height="${round(r)}" fill="${referenceColour}"><title>${escapeHtml(distribution.categories[i] ?? "")}: reference ${formatNumber(distribution.reference[i])}</title></rect>`,
      );
      parts.push(
        `<rect x="${round(x + w + 1)}" y="${round(plotBottom - c)}" width="${round(w)}" height="${round(c)}" fill="${currentColour}"><title>${escapeHtml(distribution.categories[i] ?? "")}: current ${formatNumber(distribution.current[i])}</title></rect>`,
      );
    }
    parts.push(
      `<text x="10" y="${height - 6}" font-size="10">${bins} categories${distribution.other_current > 0 || distribution.other_reference > 0 ? " (+ other)" : ""}</text>`,
    );
  }
  parts.push(
    `<line x1="10" y1="${plotBottom}" x2="${width - 10}" y2="${plotBottom}" stroke="#333" stroke-width="0.5"/></svg>`,
  );
  return parts.join("");
}

/** Horizontal bars of drift strength (score relative to threshold; 1 = threshold) per column. */
export function renderDriftBarsSvg(
  rows: readonly { name: string; strength: number; drifted: boolean }[],
): string {
  const rowHeight = 18;
  const labelWidth = 180;
  const width = 640;
  const height = rows.length * rowHeight + 24;
  const max = Math.max(2, ...rows.map((r) => Math.min(r.strength, 10)));
  const x = (v: number) => labelWidth + ((width - labelWidth - 20) * Math.min(Math.max(v, 0), 10)) / max;
  const parts = [svgOpen(width, height, "drift by column")];
  rows.forEach((r, i) => {
    const y = i * rowHeight + 4;
    parts.push(
      `<text x="${labelWidth - 6}" y="${y + 12}" font-size="11" text-anchor="end">${escapeHtml(r.name)}</text>`,
    );
    parts.push(
      `<rect x="${labelWidth}" y="${y + 2}" width="${round(x(r.strength) - labelWidth)}" height="${rowHeight - 6}" fill="${r.drifted ? "#dc2626" : "#16a34a"}"/>`,
    );
  });
  const t = x(1);
  parts.push(
    `<line x1="${round(t)}" y1="0" x2="${round(t)}" y2="${height - 18}" stroke="#111" stroke-dasharray="4 3"/>`,
  );
  parts.push(
    `<text x="${round(t)}" y="${height - 6}" font-size="10" text-anchor="middle">threshold</text></svg>`,
  );
  return parts.join("");
}

/** Line chart of reference and current curves on [0, 1]², with an optional diagonal. */
export function renderCurveSvg(input: {
  title: string;
  xLabel: string;
  yLabel: string;
  reference: CurveEntry | null | undefined;
  current: CurveEntry | null | undefined;
  diagonal: boolean;
}): string {
  const size = 240;
  const pad = 32;
  const inner = size - 2 * pad;
  const px = (v: number) => round(pad + inner * v);
  const py = (v: number) => round(size - pad - inner * v);
  const parts = [svgOpen(size, size, input.title)];
  parts.push(
    `<rect x="${pad}" y="${pad}" width="${inner}" height="${inner}" fill="none" stroke="#999" stroke-width="0.5"/>`,
  );
  if (input.diagonal)
    parts.push(
      `<line x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="#bbb" stroke-dasharray="3 3"/>`,
    );
  for (const [curve, colour] of [
    [input.reference, referenceColour],
    [input.current, currentColour],
  ] as const) {
    if (curve === null || curve === undefined || curve.x.length === 0) continue;
    const points = curve.x.map((xv, i) => `${px(xv)},${py(curve.y[i]!)}`).join(" ");
    parts.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2"/>`);
  }
  parts.push(
    `<text x="${size / 2}" y="${size - 8}" font-size="10" text-anchor="middle">${escapeHtml(input.xLabel)}</text>`,
  );
  parts.push(
    `<text x="10" y="${size / 2}" font-size="10" text-anchor="middle" transform="rotate(-90 10 ${size / 2})">${escapeHtml(input.yLabel)}</text>`,
  );
  parts.push(
    `<text x="${size / 2}" y="18" font-size="11" text-anchor="middle" font-weight="bold">${escapeHtml(input.title)}</text></svg>`,
  );
  return parts.join("");
}

/** Bars of two count histograms on shared edges (error distribution). */
export function renderCountsSvg(
  title: string,
  reference: readonly number[],
  current: readonly number[],
  edges: readonly number[],
): string {
  const refTotal = reference.reduce((s, v) => s + v, 0) || 1;
  const curTotal = current.reduce((s, v) => s + v, 0) || 1;
  return renderDistributionSvg(title, {
    type: "histogram",
    edges: [...edges],
    reference: reference.map((v) => v / refTotal),
    current: current.map((v) => v / curTotal),
  });
}
