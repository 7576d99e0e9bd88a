/**
 * HTML sections about the model: performance current vs reference (metric table with the dummy
 * baseline, ROC/PR/calibration curves, confusion matrices, error distribution), fairness per protected
 * column, and the per-segment comparison.
 */
import { escapeHtml, formatNumber, formatPercent } from "./html-format.js";
import { renderTable, textCell } from "./html-table.js";
import type { MetricTable, PerformanceEntry, ReportDocument } from "./report-model.js";
import { renderCountsSvg, renderCurveSvg } from "./svg-charts.js";

function metricRows(
  metrics: { reference: MetricTable | null; current: MetricTable | null },
  dummy?: { reference: MetricTable | null; current: MetricTable | null },
) {
  const keys = [...new Set([...Object.keys(metrics.reference ?? {}), ...Object.keys(metrics.current ?? {})])];
  return keys.map((k) => {
    const r = metrics.reference?.[k] ?? null;
    const c = metrics.current?.[k] ?? null;
    const delta = r === null || c === null ? null : c - r;
    return [
      textCell(k),
      { html: formatNumber(r), sort: r ?? "" },
      { html: formatNumber(c), sort: c ?? "" },
      { html: formatNumber(delta), sort: delta ?? "" },
      { html: formatNumber(dummy?.current?.[k] ?? null), sort: dummy?.current?.[k] ?? "" },
    ];
  });
}

function renderConfusion(
  title: string,
  matrix: number[][] | null | undefined,
  labels: readonly string[],
): string {
  if (matrix === null || matrix === undefined) return "";
  const max = Math.max(1, ...matrix.flat());
  const head = `<tr><th>true \\ predicted</th>${labels.map((l) => `<th>${escapeHtml(l)}</th>`).join("")}</tr>`;
  const rows = matrix
    .map(
      (row, i) =>
        `<tr><th>${escapeHtml(labels[i] ?? String(i))}</th>${row.map((v) => `<td style="background:rgba(37,99,235,${(0.08 + (0.6 * v) / max).toFixed(2)})">${formatNumber(v)}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<div class="confusion"><h4>${escapeHtml(title)}</h4><table class="matrix" data-testid="confusion-matrix">${head}${rows}</table></div>`;
}

function renderCurves(p: PerformanceEntry): string {
  const charts: string[] = [];
  if (p.roc_curve !== undefined) {
    charts.push(
      renderCurveSvg({
        title: "ROC curve",
        xLabel: "false positive rate",
        yLabel: "true positive rate",
        ...p.roc_curve,
        diagonal: true,
      }),
    );
  }
  if (p.pr_curve !== undefined) {
    charts.push(
      renderCurveSvg({
        title: "Precision-recall curve",
        xLabel: "recall",
        yLabel: "precision",
        ...p.pr_curve,
        diagonal: false,
      }),
    );
  }
  if (p.calibration_curve !== undefined) {
    charts.push(
      renderCurveSvg({
        title: "Calibration curve",
        xLabel: "mean predicted probability",
        yLabel: "observed positive rate",
        ...p.calibration_curve,
        diagonal: true,
      }),
    );
  }
  const e = p.error_distribution;
  if (e !== undefined && e.current !== null && e.reference !== null) {
    charts.push(
      renderCountsSvg(
        "error distribution (prediction − target)",
        e.reference.counts,
        e.current.counts,
        e.current.edges,
      ),
    );
  }
  return charts.length === 0
    ? ""
    : `<div class="curves" data-testid="curves">${charts.map((c) => `<div class="chart">${c}</div>`).join("")}</div>`;
}

/** Performance section, empty without a model. */
export function renderPerformance(report: ReportDocument): string {
  const p = report.performance;
  if (p === null) return "";
  const table = renderTable({
    id: "performance-table",
    headers: ["metric", "reference", "current", "change", "dummy (current)"],
    rows: metricRows(p.metrics, p.dummy_metrics),
  });
  const labels = p.labels ?? [];
  const confusion =
    p.confusion_matrix === undefined
      ? ""
      : `<div class="cards">${renderConfusion("reference", p.confusion_matrix.reference, labels)}${renderConfusion("current", p.confusion_matrix.current, labels)}</div>`;
  const notes =
    p.notes.length === 0
      ? ""
      : `<ul class="muted">${p.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`;
  const positive = p.positive_label === undefined ? "" : `, positive class ${escapeHtml(p.positive_label)}`;
  return `<section id="performance"><h2>Model performance (${escapeHtml(p.task)})</h2><p>Target <code>${escapeHtml(p.target)}</code>${p.prediction === null ? "" : `, prediction <code>${escapeHtml(p.prediction)}</code>`}${p.prediction_proba.length > 0 ? `, probabilities <code>${escapeHtml(p.prediction_proba.join(", "))}</code>` : ""}${positive}.</p>${table}${renderCurves(p)}${confusion}${notes}</section>`;
}

/** Fairness section, one table per protected column. */
export function renderFairness(report: ReportDocument): string {
  if (report.fairness.length === 0) return "";
  const blocks = report.fairness.map((f) => {
    const groups = renderTable({
      id: `fairness-${f.column}`,
      headers: [
        "group",
        "rows (cur)",
        "selection rate ref",
        "selection rate cur",
        "TPR cur",
        "FPR cur",
        "accuracy cur",
      ],
      rows: f.groups.map((g) => {
        const r = f.per_group.reference?.[g];
        const c = f.per_group.current?.[g];
        return [
          textCell(g),
          { html: formatNumber(c?.rows ?? null), sort: c?.rows ?? "" },
          { html: formatNumber(r?.selection_rate ?? null), sort: r?.selection_rate ?? "" },
          { html: formatNumber(c?.selection_rate ?? null), sort: c?.selection_rate ?? "" },
          { html: formatNumber(c?.tpr ?? null), sort: c?.tpr ?? "" },
          { html: formatNumber(c?.fpr ?? null), sort: c?.fpr ?? "" },
          { html: formatNumber(c?.accuracy ?? null), sort: c?.accuracy ?? "" },
        ];
      }),
    });
    const metrics = renderTable({
      id: `fairness-metrics-${f.column}`,
      headers: ["metric", "reference", "current", "change", "—"],
      rows: metricRows(f.metrics),
    });
    const rule =
      f.four_fifths_rule_violated.current === true
        ? `<p class="badge bad">four-fifths rule violated in current</p>`
        : "";
    return `<h3>${escapeHtml(f.column)}</h3>${rule}${groups}${metrics}`;
  });
  return `<section id="fairness"><h2>Fairness</h2>${blocks.join("")}</section>`;
}

/** Segment comparison section. */
export function renderSegments(report: ReportDocument): string {
  if (report.segments.length === 0) return "";
  const keyMetric = report.performance?.task === "regression" ? "rmse" : "f1";
  const table = renderTable({
    id: "segment-table",
    headers: [
      "segment",
      "value",
      "rows ref",
      "rows cur",
      "drift share",
      "drifted columns",
      `${keyMetric} ref`,
      `${keyMetric} cur`,
    ],
    rows: report.segments.map((s) => [
      textCell(s.column),
      textCell(s.value),
      { html: formatNumber(s.rows.reference), sort: s.rows.reference },
      { html: formatNumber(s.rows.current), sort: s.rows.current },
      {
        html: s.dataset === null ? "—" : formatPercent(s.dataset.drift_share),
        sort: s.dataset?.drift_share ?? -1,
      },
      textCell(
        s.columns
          .filter((c) => c.drifted)
          .map((c) => c.name)
          .join(", ") || "none",
      ),
      {
        html: formatNumber(s.performance?.reference?.[keyMetric] ?? null),
        sort: s.performance?.reference?.[keyMetric] ?? "",
      },
      {
        html: formatNumber(s.performance?.current?.[keyMetric] ?? null),
        sort: s.performance?.current?.[keyMetric] ?? "",
      },
    ]),
  });
  return `<section id="segments"><h2>Segments</h2><p>Each segment of current compared with the same segment of the reference.</p>${table}</section>`;
}
