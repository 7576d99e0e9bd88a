/**
 * The self-contained HTML report: one file with inline CSS, inline SVG charts and a few lines of inline
 * script for sortable tables. No network request, no external asset; prints on A4 without cut charts.
 */
import { escapeHtml } from "./html-format.js";
import {
  renderDriftSection,
  renderOutputDrift,
  renderQuality,
  renderSchema,
  renderSummary,
  renderTextAndEmbeddings,
} from "./html-drift-sections.js";
import { renderFairness, renderPerformance, renderSegments } from "./html-model-sections.js";
import type { ReportDocument } from "./report-model.js";

const styles = `
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header{background:#102a43;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;opacity:.85}
nav{padding:8px 24px;background:#e4e7eb}nav a{margin-right:14px;color:#102a43}
main{padding:8px 24px 40px;max-width:1400px}section{margin:18px 0}h2{border-bottom:1px solid #cbd2d9;padding-bottom:4px}
.metrics{display:flex;flex-wrap:wrap;gap:12px}.metric{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:10px 14px;min-width:150px}
.metric .value{font-size:22px;font-weight:600}.metric .label{color:#52606d}.metric.bad .value{color:#b91c1c}.metric.ok .value{color:#15803d}.metric.warn .value{color:#b45309}
table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}th,td{border:1px solid #d9e2ec;padding:4px 8px;text-align:left}
th{background:#f0f4f8;cursor:pointer;user-select:none}th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}tr.drifted td{background:#fef2f2}
.badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;font-weight:600}.badge.bad{background:#fee2e2;color:#991b1b}
.badge.ok{background:#dcfce7;color:#166534}.badge.na{background:#e5e7eb;color:#374151}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:8px 10px;width:344px}
.card.drifted{border-color:#f87171}.card h4{margin:0 0 2px;font-size:14px}.muted{color:#616e7c;font-size:12px;margin:2px 0}.stats{font-size:12px;margin:2px 0}
.curves{display:flex;flex-wrap:wrap;gap:12px}.chart{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:6px;display:inline-block}
.legend .swatch{display:inline-block;width:12px;height:12px;vertical-align:middle;margin-left:8px}.swatch.ref{background:#9aa5b1}.swatch.cur{background:#2563eb}
.warnings{background:#fffbeb;border:1px solid #fcd34d;padding:8px 12px;border-radius:6px}
code{background:#eef2f7;padding:0 3px;border-radius:3px}header code{background:rgba(255,255,255,.15);color:#fff}
@media print{body{background:#fff;font-size:11px}nav{display:none}header{background:#fff;color:#000;border-bottom:2px solid #000}
.card,.chart,table,.metric{break-inside:avoid;page-break-inside:avoid}section{break-before:auto}th{cursor:default}th.asc::after,th.desc::after{content:""}}
`;

// Sorting reads data-sort (numbers compare numerically) and keeps the sort stable; no library, no network.
const script = `
document.querySelectorAll("table.sortable").forEach(function(table){
  table.querySelectorAll("th").forEach(function(th){
    function sort(){
      var col=Number(th.getAttribute("data-col"));var asc=!th.classList.contains("asc");
      table.querySelectorAll("th").forEach(function(h){h.classList.remove("asc","desc")});
      th.classList.add(asc?"asc":"desc");
      var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
      function key(r){var c=r.cells[col];var v=c?c.getAttribute("data-sort"):"";var n=Number(v);return v!==""&&v!==null&&!isNaN(n)?n:(v||"")}
      rows.sort(function(a,b){var x=key(a),y=key(b);var d=typeof x==="number"&&typeof y==="number"?x-y:String(x).localeCompare(String(y));return asc?d:-d});
      rows.forEach(function(r){body.appendChild(r)});
    }
    th.addEventListener("click",sort);th.addEventListener("keydown",function(e){if(e.key==="Enter")sort()});
  });
});
`;

/** Renders the report as one self-contained HTML document. */
export function renderReportHtml(report: ReportDocument): string {
  const warnings =
    report.warnings.length === 0
      ? ""
      : `<div class="warnings" data-testid="warnings"><strong>Warnings</strong><ul>${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>`;
  const sections = [
    renderSummary(report),
    warnings,
    renderDriftSection(report),
    renderOutputDrift(report),
    renderPerformance(report),
    renderFairness(report),
    renderSegments(report),
    renderTextAndEmbeddings(report),
    renderQuality(report),
    renderSchema(report),
  ].join("\n");
  const links = [
    ["summary", "Summary"],
    ["drift", "Drift"],
    ["output-drift", "Target & prediction"],
    ["performance", "Performance"],
    ["fairness", "Fairness"],
    ["segments", "Segments"],
    ["text-embeddings", "Text & embeddings"],
    ["quality", "Quality"],
    ["schema", "Schema"],
  ]
    .filter(([id]) => sections.includes(`id="${id!}"`))
    .map(([id, label]) => `<a href="#${id!}">${label!}</a>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Sextant report: ${escapeHtml(report.inputs.current.path)}</title><link rel="icon" href="data:,"><style>${styles}</style></head>
<body><header><h1>Sextant drift report</h1><p>reference <code>${escapeHtml(report.inputs.reference.path)}</code> vs current <code>${escapeHtml(report.inputs.current.path)}</code> · generated ${escapeHtml(report.generated_at)} · sextant ${escapeHtml(report.tool.version)} · ${escapeHtml(report.schema_version)}</p></header>
<nav>${links}</nav><main>
${sections}
</main><script>${script}</script></body></html>
`;
}
