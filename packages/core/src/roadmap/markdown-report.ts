/**
 * Renders a roadmap assessment as Markdown (ROADMAP.md §5 report sections 1–8). Pure string building;
 * every number is printed next to the facts it came from. HTML shares this section order later.
 */

import type { RoadmapAssessment } from "./assessment.js";
import { escapeMarkdown as esc, toCellText as cell, toMarkdownTable as table } from "./markdown-table.js";
import { renderEvaluationSection } from "./markdown-evaluation.js";
import { selectTopNextSteps } from "./next-steps.js";
import type { ToolEvaluation } from "./tool-evaluation-types.js";
import { BLUEPRINT_COMPONENTS } from "./types.js";
import type { Evidence } from "./types.js";

const PARTIES = [
  "central_mlops",
  "product_team",
  "ml_engineer",
  "business_ops",
  "risk_compliance",
  "ciso_devsec",
  "finance",
] as const;

/** Renders the full report; pass the evaluations to print their criteria and score matrices. */
export function renderRoadmapMarkdown(
  a: RoadmapAssessment,
  options: { evaluations?: ToolEvaluation[]; summaryCount?: number } = {},
): string {
  return (
    [
      `# MLOps roadmap assessment ${esc(a.id)}`,
      `Created ${esc(a.createdAt)} by ${esc(a.createdBy)} · rules ${esc(a.rulesetVersion)} (hash ${a.rulesetHash}) · questionnaire v${a.questionnaireVersion}`,
      renderSummary(a, options.summaryCount ?? 5),
      renderStrategy(a),
      renderNeeds(a),
      renderBlueprint(a),
      renderStakeholders(a),
      renderRegulatory(a),
      renderEvaluationSection(a, options.evaluations ?? []),
      renderAppendix(a),
    ].join("\n\n") + "\n"
  );
}

/** Evidence as compact inline text: `fact = value; …`. */
export function formatEvidence(evidence: Evidence[]): string {
  return evidence.map((e) => `${esc(e.fact)} = ${cell(e.value)}`).join("; ");
}

function renderSummary(a: RoadmapAssessment, count: number): string {
  const delta = a.deltaFromPrevious;
  const change = delta
    ? ` (${delta.progressIndexChange >= 0 ? "+" : ""}${delta.progressIndexChange} since ${esc(delta.previousId)})`
    : "";
  const top = selectTopNextSteps(a.nextSteps, count).map(
    (s, i) =>
      `${i + 1}. **${esc(s.title)}** (${s.id}; priority ${cell(s.priority)} = impact ${s.impact} × urgency ${s.urgency} / effort ${s.effort})${s.link ? ` → ${esc(s.link)}` : ""}`,
  );
  return [
    "## 1 Summary",
    `- Strategy: **${a.strategy.strategy}** (${a.strategy.decisionRule}; central ${a.strategy.centralPressure} vs autonomy ${a.strategy.autonomyPressure}${a.strategy.borderline ? ", borderline" : ""})`,
    `- Readiness level: **${a.readinessLevel}** (${a.phaseLabel}) — ${formatEvidence(a.aggregateEvidence.readinessLevel)}`,
    `- Progress index: **${a.progressIndex}**/100${change} — ${formatEvidence(a.aggregateEvidence.progressIndex)}`,
    `- Google MLOps level ${a.externalLevels.google.level} (${a.externalLevels.google.confidence}) — ${formatEvidence(a.externalLevels.google.evidence)}`,
    `- Azure MLOps level ${a.externalLevels.azure.level} (${a.externalLevels.azure.confidence}) — ${formatEvidence(a.externalLevels.azure.evidence)}`,
    "",
    "Top next steps:",
    ...(top.length > 0 ? top : ["(none)"]),
  ].join("\n");
}

function renderStrategy(a: RoadmapAssessment): string {
  const s = a.strategy;
  const raciRows: string[][] = BLUEPRINT_COMPONENTS.map((c) => [
    c,
    ...PARTIES.map((p) => s.raci[c][p] ?? "–"),
  ]);
  raciRows.push(["tool evaluation (steps 4–5)", ...PARTIES.map((p) => s.toolEvaluationRaci[p] ?? "–")]);
  return [
    "## 2 Step 1 Organisation strategy",
    `**${s.strategy}**: ${esc(s.decisionText)} Governance variant ${s.governanceVariant}.`,
    ...(s.differsFromPreferred ? [`> ${esc(s.differsFromPreferred.note)}`] : []),
    ...s.warnings.map((w) => `> Warning: ${esc(w)}`),
    table(
      ["Rule", "Pressure", "Points", "Reason", "Evidence"],
      s.reasons.map((r) => [
        r.ruleId,
        r.pressure,
        String(r.points),
        esc(r.text),
        formatEvidence(Object.entries(r.evidence).map(([fact, value]) => ({ fact, value }))),
      ]),
    ),
    `Central mandate: ${s.centralMandate.map(esc).join("; ")}`,
    `Team mandate: ${s.teamMandate.map(esc).join("; ")}`,
    table(["Component", ...PARTIES], raciRows),
  ].join("\n\n");
}

function renderNeeds(a: RoadmapAssessment): string {
  const n = a.needs;
  const p = n.projections;
  return [
    "## 3 Step 2 Needs",
    table(
      ["Need", "Now", "In 12 months", "Observed", "Note"],
      n.rows.map((r) => [
        esc(r.key),
        cell(r.now),
        cell(r.in12Months ?? "–"),
        cell(r.observed ?? "–"),
        cell(r.note ?? ""),
      ]),
    ),
    `Projections (rule of thumb): ${p.monitorsNeeded12m} monitors, ${p.alertPoliciesNeeded12m} alert policies, ingestion ${p.ingestionModesNeeded.join(", ")} — ${formatEvidence(n.projectionEvidence)}`,
    "Capacity signals:",
    n.capacitySignals.length > 0
      ? n.capacitySignals
          .map((c) => `- ${c.severity}: ${esc(c.text)} — ${formatEvidence(c.evidence)}`)
          .join("\n")
      : "- none",
    "Discrepancies:",
    n.discrepancies.length > 0
      ? table(
          ["Id", "Declared", "Observed", "Finding", "Next step"],
          n.discrepancies.map((d) => [d.id, cell(d.declared), cell(d.observed), esc(d.text), d.nextStepId]),
        )
      : "- none",
  ].join("\n\n");
}

function renderBlueprint(a: RoadmapAssessment): string {
  const rows = a.blueprint.map((b) => [
    b.component,
    b.blogTerm,
    b.status,
    cell(b.coverage),
    String(b.importance),
    cell(b.priority),
    b.phase,
    b.servesStakeholders.join(", "),
    formatEvidence(Object.entries(b.evidence).map(([fact, value]) => ({ fact, value }))),
    esc(b.reasons.join("; ")),
  ]);
  const dims = a.dimensions.map((d) => {
    const next = d.nextLevel.map(
      (c) =>
        `  - ${esc(c.condition)}: now ${esc(c.current)}, target ${esc(c.target)}${c.gap !== undefined ? ` (gap ${c.gap})` : ""}${c.nextStepId ? ` → ${c.nextStepId}` : ""}`,
    );
    return [
      `### ${d.id} ${esc(d.name)}: level ${d.level ?? "n/a"} (${d.ruleId})`,
      `Evidence: ${formatEvidence(d.evidence)}`,
      `Anchors: ${d.anchors.map(esc).join("; ")}`,
      ...(next.length > 0 ? ["To reach the next level:", ...next] : []),
    ].join("\n");
  });
  return [
    "## 4 Step 3 Blueprint",
    table(
      [
        "Component",
        "Article term",
        "Status",
        "Coverage",
        "Importance",
        "Priority",
        "Phase",
        "Serves",
        "Evidence",
        "Reasons",
      ],
      rows,
    ),
    "### Maturity by dimension",
    ...dims,
  ].join("\n\n");
}

function renderStakeholders(a: RoadmapAssessment): string {
  const rows = a.stakeholderScorecard.map((s) => [
    s.role,
    cell(s.name ?? ""),
    esc(s.successMetric),
    cell(s.defined),
    cell(s.tracked),
    cell(s.reported),
    s.alertingApplicable ? cell(s.alerted) : "n/a",
    `${s.score}/4`,
    formatEvidence(s.evidence),
  ]);
  return [
    "## 5 Stakeholders",
    rows.length > 0
      ? table(
          [
            "Role",
            "Name",
            "Success measure",
            "Defined",
            "Tracked",
            "Reported",
            "Alerted",
            "Score",
            "Evidence",
          ],
          rows,
        )
      : "No stakeholder declared.",
  ].join("\n\n");
}

function renderRegulatory(a: RoadmapAssessment): string {
  const rows = a.regulatoryReadiness.map((r) => [
    r.id,
    esc(r.check),
    r.status,
    esc(r.anchor),
    cell(r.appliesFrom ?? "–"),
    formatEvidence(r.evidence),
    r.nextStepId ?? "–",
  ]);
  return [
    "## 6 Regulatory readiness",
    table(["Id", "Check", "Status", "Anchor", "Applies from", "Evidence", "Next step"], rows),
  ].join("\n\n");
}

function renderAppendix(a: RoadmapAssessment): string {
  return [
    "## 8 Appendix",
    `Ruleset ${esc(a.rulesetVersion)}, hash ${a.rulesetHash}. Methodology: ROADMAP.md §1–§4 (article steps 1–5; Google MLOps levels; Azure MLOps maturity model; ML Test Score; EU AI Act Art. 11/12/18/19/26/72/73, Annex IV; NIST AI RMF).`,
    "### Facts snapshot",
    "```json\n" + JSON.stringify(a.facts, null, 2).replace(/```/g, "ʼʼʼ") + "\n```",
    "### Questionnaire answers",
    "```json\n" + JSON.stringify(a.questionnaire, null, 2).replace(/```/g, "ʼʼʼ") + "\n```",
  ].join("\n\n");
}
