/**
 * The self-contained HTML export of a roadmap assessment (ROADMAP.md §5): the same sections 1–8 as the
 * Markdown report, inline CSS, no scripts and no external assets, print-friendly; every number is shown
 * with the facts behind it, each linked to the API/UI route that lists the rows.
 */
import { selectTopNextSteps, type RoadmapAssessment, type ToolEvaluation } from "@sextant/core";
import type { FactSources } from "../storage/roadmap-store.js";
import { escapeHtml, toHtmlDocument } from "./html-document.js";
import {
  renderEvidence,
  renderFactRef,
  renderTable,
  t,
  toLink,
  type HtmlContext,
} from "./roadmap-html-parts.js";
import {
  renderAppendix,
  renderEvaluations,
  renderMaturity,
  renderRegulatory,
  renderStakeholders,
} from "./roadmap-html-sections.js";

/** Renders the assessment as one HTML document. */
export function renderRoadmapHtml(
  a: RoadmapAssessment,
  options: {
    readonly sources: FactSources;
    readonly evaluations?: readonly ToolEvaluation[];
    readonly baseUrl?: string;
  },
): string {
  const ctx: HtmlContext = { sources: options.sources, baseUrl: options.baseUrl ?? "" };
  const body = [
    `<h1>MLOps roadmap assessment</h1>`,
    `<p class="muted">${t(a.id)} · created ${t(a.createdAt)} by ${t(a.createdBy)} · rules ${t(a.rulesetVersion)} (hash ${t(a.rulesetHash)}) · questionnaire v${a.questionnaireVersion}</p>`,
    renderSummary(ctx, a),
    renderStrategy(a),
    renderNeeds(ctx, a),
    renderBlueprint(ctx, a),
    renderMaturity(ctx, a),
    renderStakeholders(ctx, a),
    renderRegulatory(ctx, a),
    renderEvaluations(ctx, a, options.evaluations ?? []),
    renderAppendix(ctx, a),
  ].join("\n");
  return toHtmlDocument(`MLOps roadmap assessment ${a.id}`, body);
}

function renderSummary(ctx: HtmlContext, a: RoadmapAssessment): string {
  const d = a.deltaFromPrevious;
  const change =
    d === undefined
      ? ""
      : ` (${d.progressIndexChange >= 0 ? "+" : ""}${d.progressIndexChange} since ${t(d.previousId)})`;
  const steps = selectTopNextSteps(a.nextSteps, 5).map(
    (s) =>
      `<li><strong>${t(s.title)}</strong> <span class="muted">${t(s.id)}; priority ${t(s.priority)} = impact ${s.impact} × urgency ${s.urgency} / effort ${s.effort}</span>${s.link === null ? "" : ` → ${toLink(ctx, s.link, s.link)}`}<br>${renderEvidence(ctx, s.evidence)}</li>`,
  );
  return [
    `<h2 id="summary">1 Summary</h2>`,
    `<p>Strategy <span class="chip">${t(a.strategy.strategy)}</span> · readiness level <span class="chip">${a.readinessLevel}</span> (${t(a.phaseLabel)}) · progress index <span class="chip">${a.progressIndex}</span>${change} · Google MLOps level ${a.externalLevels.google.level} (${t(a.externalLevels.google.confidence)}) · Azure MLOps level ${a.externalLevels.azure.level} (${t(a.externalLevels.azure.confidence)})</p>`,
    `<p>Readiness: ${renderEvidence(ctx, a.aggregateEvidence.readinessLevel)}</p>`,
    `<p>Progress index: ${renderEvidence(ctx, a.aggregateEvidence.progressIndex)}</p>`,
    `<h3>Top next steps</h3><ol>${steps.join("\n")}</ol>`,
  ].join("\n");
}

function renderStrategy(a: RoadmapAssessment): string {
  const s = a.strategy;
  const reasons = s.reasons.map((r) => [
    t(r.ruleId),
    t(r.pressure),
    t(r.points),
    t(r.text),
    `<span class="ev">${escapeHtml(JSON.stringify(r.evidence))}</span>`,
  ]);
  const parties = [
    "central_mlops",
    "product_team",
    "ml_engineer",
    "business_ops",
    "risk_compliance",
    "ciso_devsec",
    "finance",
  ] as const;
  const raci = Object.entries(s.raci).map(([component, row]) => [
    t(component),
    ...parties.map((p) => t(row[p] ?? "–")),
  ]);
  return [
    `<h2 id="strategy">2 Step 1: organisation strategy</h2>`,
    `<p><strong>${t(s.strategy)}</strong>: ${t(s.decisionText)} <span class="muted">(rule ${t(s.decisionRule)}; central ${s.centralPressure}, autonomy ${s.autonomyPressure}${s.borderline ? ", borderline" : ""}; governance ${t(s.governanceVariant)})</span></p>`,
    ...s.warnings.map((w) => `<p class="fail">${t(w)}</p>`),
    s.differsFromPreferred === undefined
      ? ""
      : `<p>Preferred: ${t(s.differsFromPreferred.preferred)}. ${t(s.differsFromPreferred.note)}</p>`,
    renderTable(["Rule", "Pressure", "Points", "Reason", "Evidence"], reasons),
    `<p>Central mandate: ${t(s.centralMandate.join(", "))}</p><p>Team mandate: ${t(s.teamMandate.join(", "))}</p>`,
    `<h3>RACI</h3>`,
    renderTable(["Component", ...parties], raci),
  ].join("\n");
}

function renderNeeds(ctx: HtmlContext, a: RoadmapAssessment): string {
  const n = a.needs;
  return [
    `<h2 id="needs">3 Step 2: current and future needs</h2>`,
    renderTable(
      ["Need", "Now", "In 12 months", "Observed", "Note"],
      n.rows.map((r) => [t(r.key), t(r.now), t(r.in12Months), t(r.observed), t(r.note)]),
    ),
    `<h3>Capacity signals (rules of thumb)</h3>`,
    renderTable(
      ["Id", "Severity", "Signal", "Evidence"],
      n.capacitySignals.map((c) => [t(c.id), t(c.severity), t(c.text), renderEvidence(ctx, c.evidence)]),
    ),
    `<h3>Discrepancies</h3>`,
    renderTable(
      ["Id", "Declared", "Observed", "Finding", "Next step"],
      n.discrepancies.map((d) => [t(d.id), t(d.declared), t(d.observed), t(d.text), t(d.nextStepId)]),
    ),
    `<p>Projections: ${n.projections.monitorsNeeded12m} monitors and ${n.projections.alertPoliciesNeeded12m} alert policies in 12 months; ingestion modes ${t(n.projections.ingestionModesNeeded.join(", "))}. ${renderEvidence(ctx, n.projectionEvidence)}</p>`,
  ].join("\n");
}

function renderBlueprint(ctx: HtmlContext, a: RoadmapAssessment): string {
  const rows = a.blueprint.map((b) => [
    t(b.component),
    t(b.blogTerm),
    t(b.status),
    t(b.coverage),
    t(b.priority),
    `<span class="chip">${t(b.phase)}</span>`,
    t(b.servesStakeholders.join(", ")),
    `${t(b.reasons.join(" "))}<br>${Object.entries(b.evidence)
      .map(([fact, value]) => renderFactRef(ctx, fact, value))
      .join("<br>")}`,
  ]);
  return [
    `<h2 id="blueprint">4 Step 3: blueprint and priorities</h2>`,
    renderTable(
      ["Component", "Article term", "Status", "Coverage", "Priority", "Phase", "Serves", "Why"],
      rows,
    ),
  ].join("\n");
}
