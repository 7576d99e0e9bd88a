/**
 * A Markdown summary of the report for CI comments and pull requests: the dataset verdict, the drifted
 * columns table, performance changes and quality findings, kept short enough to paste.
 */
import { formatNumber, formatPercent } from "./html-format.js";
import type { ColumnDriftEntry, ReportDocument } from "./report-model.js";

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function driftLine(c: ColumnDriftEntry): string {
  return `| ${cell(c.name)} | ${c.kind} | ${c.method} | ${formatNumber(c.score)} | ${formatNumber(c.threshold)} | ${c.drifted ? "**drift**" : "ok"} |`;
}

/** Renders the Markdown summary. */
export function renderReportMarkdown(report: ReportDocument): string {
  const d = report.dataset;
  const lines = [
    `## Sextant report`,
    ``,
    `Reference \`${report.inputs.reference.path}\` (${formatNumber(report.inputs.reference.rows)} rows) vs current \`${report.inputs.current.path}\` (${formatNumber(report.inputs.current.rows)} rows).`,
    ``,
    `**Dataset drift: ${d.drifted ? "detected" : "not detected"}** — ${d.drifted_count} of ${d.column_count} columns drifted (${formatPercent(d.drift_share)}; policy \`${report.settings.drift_policy}\`, correction \`${d.correction}\`).`,
    ``,
    `| column | kind | method | score | threshold | verdict |`,
    `|---|---|---|---|---|---|`,
    ...report.columns.map(driftLine),
  ];
  const p = report.performance;
  if (p !== null) {
    lines.push(``, `### Performance (${p.task})`, ``, `| metric | reference | current |`, `|---|---|---|`);
    const keys = Object.keys(p.metrics.current ?? p.metrics.reference ?? {});
    for (const k of keys)
      lines.push(
        `| ${k} | ${formatNumber(p.metrics.reference?.[k] ?? null)} | ${formatNumber(p.metrics.current?.[k] ?? null)} |`,
      );
  }
  const q = report.quality;
  const findings = q.columns.flatMap((c) => [
    ...(c.missing_share.current > 0 ? [`${c.name}: ${formatPercent(c.missing_share.current)} missing`] : []),
    ...((c.new_category_count ?? 0) > 0
      ? [`${c.name}: ${c.new_category_count!} rows with new categories`]
      : []),
    ...((c.out_of_range_count ?? 0) > 0
      ? [`${c.name}: ${formatPercent(c.out_of_range_share)} out of reference range`]
      : []),
    ...(c.constant.current ? [`${c.name}: constant in current`] : []),
  ]);
  if (q.duplicate_rows.current > 0) findings.unshift(`${q.duplicate_rows.current} duplicate rows in current`);
  if (findings.length > 0) lines.push(``, `### Data quality`, ``, ...findings.map((f) => `- ${f}`));
  if (report.warnings.length > 0) lines.push(``, `### Warnings`, ``, ...report.warnings.map((w) => `- ${w}`));
  return `${lines.join("\n")}\n`;
}
