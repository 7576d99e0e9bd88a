/**
 * HTML sections about data: summary cards, per-column drift (bars, sortable table, distribution overlay
 * per column), target/prediction drift, text and embedding drift, data quality and the schema.
 */
import { computeDriftStrength } from "./drift-section.js";
import { escapeHtml, formatNumber, formatPercent } from "./html-format.js";
import { renderTable, textCell, type TableCell } from "./html-table.js";
import type { ColumnDriftEntry, ReportDocument } from "./report-model.js";
import { renderDistributionSvg, renderDriftBarsSvg } from "./svg-charts.js";

function verdictCell(drifted: boolean, status: string): TableCell {
  if (status !== "ok") return { html: `<span class="badge na">no data</span>`, sort: -1 };
  return drifted
    ? { html: `<span class="badge bad">drift</span>`, sort: 1 }
    : { html: `<span class="badge ok">ok</span>`, sort: 0 };
}

function driftRow(c: ColumnDriftEntry): TableCell[] {
  return [
    { html: `<a href="#col-${encodeURIComponent(c.name)}">${escapeHtml(c.name)}</a>`, sort: c.name },
    textCell(c.kind),
    textCell(c.method_name, c.method),
    { html: formatNumber(c.score), sort: c.score ?? "" },
    { html: `${c.score_kind === "p_value" ? "p " : ""}${formatNumber(c.threshold)}`, sort: c.threshold },
    verdictCell(c.drifted, c.status),
    { html: formatNumber(c.n_reference), sort: c.n_reference },
    { html: formatNumber(c.n_current), sort: c.n_current },
  ];
}

/** A drift table over entries. */
export function renderDriftTable(id: string, entries: readonly ColumnDriftEntry[]): string {
  return renderTable({
    id,
    headers: ["column", "kind", "method", "score", "threshold", "verdict", "n reference", "n current"],
    rows: entries.map(driftRow),
    rowClass: (i) => (entries[i]!.drifted ? "drifted" : ""),
  });
}

function renderColumnCard(c: ColumnDriftEntry): string {
  const chart = c.distribution === undefined ? "" : renderDistributionSvg(c.name, c.distribution);
  const stats =
    c.stats === undefined
      ? ""
      : `<p class="stats">mean ${formatNumber(c.stats.reference.mean)} → ${formatNumber(c.stats.current.mean)}, median ${formatNumber(c.stats.reference.median)} → ${formatNumber(c.stats.current.median)}, std ${formatNumber(c.stats.reference.std)} → ${formatNumber(c.stats.current.std)}</p>`;
  const reason = c.reason === undefined ? "" : `<p class="muted">${escapeHtml(c.reason)}</p>`;
  return `<div class="card${c.drifted ? " drifted" : ""}" id="col-${encodeURIComponent(c.name)}" data-testid="column-card"><h4>${escapeHtml(c.name)} ${verdictCell(c.drifted, c.status).html}</h4><p class="muted">${escapeHtml(c.method_name)}: ${formatNumber(c.score)} (threshold ${formatNumber(c.threshold)})</p>${chart}${stats}${reason}</div>`;
}

/** Cards with a distribution overlay for each entry. */
export function renderColumnCards(entries: readonly ColumnDriftEntry[]): string {
  return `<div class="cards">${entries.map(renderColumnCard).join("")}</div>`;
}

/** Summary cards at the top of the report. */
export function renderSummary(report: ReportDocument): string {
  const s = report.summary;
  const card = (label: string, value: string, cls = "") =>
    `<div class="metric ${cls}"><div class="value">${value}</div><div class="label">${escapeHtml(label)}</div></div>`;
  return `<section id="summary" data-testid="summary"><div class="metrics">${[
    card("reference rows", formatNumber(s.rows.reference)),
    card("current rows", formatNumber(s.rows.current)),
    card("columns analysed", formatNumber(s.columns_analysed)),
    card(
      "drifted columns",
      `${s.drifted_columns.length} / ${report.dataset.column_count}`,
      s.drifted_columns.length > 0 ? "bad" : "ok",
    ),
    card("dataset drift", s.dataset_drifted ? "DRIFT" : "no drift", s.dataset_drifted ? "bad" : "ok"),
    card("quality findings", formatNumber(s.quality_issues), s.quality_issues > 0 ? "warn" : "ok"),
  ].join("")}</div></section>`;
}

/** The per-column drift section. */
export function renderDriftSection(report: ReportDocument): string {
  const d = report.dataset;
  const bars = renderDriftBarsSvg(
    report.columns.map((c) => ({ name: c.name, strength: computeDriftStrength(c), drifted: c.drifted })),
  );
  return `<section id="drift"><h2>Data drift</h2><p data-testid="dataset-drift">Dataset drift: <strong>${d.drifted ? "detected" : "not detected"}</strong> — ${d.drifted_count} of ${d.column_count} columns drifted (share ${formatPercent(d.drift_share)}, threshold ${formatPercent(d.drift_share_threshold)}; policy ${escapeHtml(report.settings.drift_policy)}, correction ${escapeHtml(d.correction)}).</p><div class="chart">${bars}</div>${renderDriftTable("drift-table", report.columns)}<h3>Distributions</h3><p class="legend"><span class="swatch ref"></span> reference <span class="swatch cur"></span> current</p>${renderColumnCards(report.columns)}</section>`;
}

/** Target and prediction drift. */
export function renderOutputDrift(report: ReportDocument): string {
  const entries = [
    ...(report.target_drift === null ? [] : [report.target_drift]),
    ...report.prediction_drift,
  ];
  if (entries.length === 0) return "";
  return `<section id="output-drift"><h2>Target and prediction drift</h2>${renderDriftTable("output-drift-table", entries)}${renderColumnCards(entries)}</section>`;
}

/** Text descriptor drift and embedding drift. */
export function renderTextAndEmbeddings(report: ReportDocument): string {
  const text = report.text
    .map(
      (t) =>
        `<h3>${escapeHtml(t.column)} (text)</h3><p>New-word share: ${formatPercent(t.new_word_share)} of distinct current words; reference vocabulary ${formatNumber(t.reference_vocabulary_size)} words.</p>${renderDriftTable(`text-${t.column}`, t.descriptors)}${renderColumnCards(t.descriptors)}`,
    )
    .join("");
  const embeddings =
    report.embeddings.length === 0
      ? ""
      : renderTable({
          id: "embedding-table",
          headers: [
            "column",
            "dimension",
            "method",
            "score",
            "verdict",
            "centroid distance (euclidean)",
            "centroid distance (cosine)",
          ],
          rows: report.embeddings.map((e) => [
            textCell(e.column),
            { html: formatNumber(e.dimension), sort: e.dimension },
            textCell(e.drift.method_name),
            { html: formatNumber(e.drift.score), sort: e.drift.score ?? "" },
            verdictCell(e.drift.drifted, e.drift.status),
            { html: formatNumber(e.centroid_distance.euclidean), sort: e.centroid_distance.euclidean ?? "" },
            { html: formatNumber(e.centroid_distance.cosine), sort: e.centroid_distance.cosine ?? "" },
          ]),
        });
  if (text === "" && embeddings === "") return "";
  return `<section id="text-embeddings"><h2>Text and embedding drift</h2>${text}${embeddings}</section>`;
}

/** Data quality section. */
export function renderQuality(report: ReportDocument): string {
  const q = report.quality;
  const facts = [
    `Duplicate rows: reference ${formatNumber(q.duplicate_rows.reference)}, current ${formatNumber(q.duplicate_rows.current)}.`,
    q.duplicate_ids === null
      ? ""
      : `Duplicate ids: reference ${formatNumber(q.duplicate_ids.reference)}, current ${formatNumber(q.duplicate_ids.current)}.`,
    q.columns_only_in_reference.length > 0
      ? `Only in reference: ${escapeHtml(q.columns_only_in_reference.join(", "))}.`
      : "",
    q.columns_only_in_current.length > 0
      ? `Only in current: ${escapeHtml(q.columns_only_in_current.join(", "))}.`
      : "",
  ].filter((s) => s !== "");
  const table = renderTable({
    id: "quality-table",
    headers: [
      "column",
      "kind",
      "missing ref",
      "missing cur",
      "constant",
      "type errors",
      "out of range",
      "new categories",
    ],
    rows: q.columns.map((c) => [
      textCell(c.name),
      textCell(c.kind),
      { html: formatPercent(c.missing_share.reference), sort: c.missing_share.reference },
      { html: formatPercent(c.missing_share.current), sort: c.missing_share.current },
      textCell(
        c.constant.current || c.constant.reference
          ? `${c.constant.reference ? "ref " : ""}${c.constant.current ? "cur" : ""}`
          : "no",
      ),
      {
        html: formatNumber(c.type_errors.reference + c.type_errors.current),
        sort: c.type_errors.reference + c.type_errors.current,
      },
      {
        html: c.out_of_range_share === undefined ? "—" : formatPercent(c.out_of_range_share),
        sort: c.out_of_range_share ?? -1,
      },
      {
        html:
          c.new_categories === undefined
            ? "—"
            : escapeHtml(c.new_categories.slice(0, 5).join(", ") || "none"),
        sort: c.new_category_count ?? -1,
      },
    ]),
  });
  return `<section id="quality"><h2>Data quality</h2><p>${facts.join(" ")}</p>${table}</section>`;
}

/** The schema as inferred or set. */
export function renderSchema(report: ReportDocument): string {
  const table = renderTable({
    id: "schema-table",
    headers: ["column", "kind", "storage", "source", "reason"],
    rows: report.schema.map((c) => [
      textCell(c.name),
      textCell(c.kind ?? "not analysed"),
      textCell(c.storage),
      textCell(c.source),
      textCell(c.reason),
    ]),
  });
  return `<section id="schema"><h2>Schema</h2>${table}</section>`;
}
