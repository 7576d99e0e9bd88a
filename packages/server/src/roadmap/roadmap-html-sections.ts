/**
 * Sections 4 (maturity) to 8 (appendix) of the HTML roadmap report: dimensions with evidence and the
 * next level, stakeholder scorecard, regulatory checklist, tool evaluations, facts with their sources.
 */
import {
  scoreEvaluation,
  DEFAULT_ROADMAP_RULESET,
  type RoadmapAssessment,
  type ToolEvaluation,
} from "@sextant/core";
import { escapeHtml } from "./html-document.js";
import {
  renderEvidence,
  renderTable,
  t,
  toLink,
  toValueText,
  type HtmlContext,
} from "./roadmap-html-parts.js";

/** Maturity by dimension. */
export function renderMaturity(ctx: HtmlContext, a: RoadmapAssessment): string {
  const rows = a.dimensions.map((d) => [
    `${t(d.id)} ${t(d.name)}`,
    `<span class="chip">${d.level === null ? "n/a" : d.level}</span>`,
    renderEvidence(ctx, d.evidence),
    d.nextLevel
      .map(
        (n) =>
          `${t(n.condition)}: ${t(n.current)} → ${t(n.target)}${n.gap === undefined ? "" : ` (gap ${n.gap})`}${n.nextStepId === undefined ? "" : ` [${t(n.nextStepId)}]`}`,
      )
      .join("<br>"),
    t(d.anchors.join("; ")),
  ]);
  return [
    `<h3 id="maturity">Maturity by dimension</h3>`,
    renderTable(["Dimension", "Level", "Evidence", "To reach the next level", "Anchors"], rows),
  ].join("\n");
}

/** Stakeholder scorecard. */
export function renderStakeholders(ctx: HtmlContext, a: RoadmapAssessment): string {
  const yes = (b: boolean) => (b ? "yes" : "no");
  const rows = a.stakeholderScorecard.map((s) => [
    `${t(s.role)}${s.name === undefined ? "" : ` (${t(s.name)})`}`,
    t(s.successMetric),
    yes(s.defined),
    yes(s.tracked),
    yes(s.reported),
    s.alertingApplicable ? yes(s.alerted) : "n/a",
    `<span class="chip">${s.score}</span>`,
    renderEvidence(ctx, s.evidence),
  ]);
  return [
    `<h2 id="stakeholders">5 Stakeholders</h2>`,
    renderTable(
      ["Role", "Success measure", "Defined", "Tracked", "Reported", "Alerted", "Score", "Evidence"],
      rows,
    ),
  ].join("\n");
}

/** Regulatory checklist. */
export function renderRegulatory(ctx: HtmlContext, a: RoadmapAssessment): string {
  const css = { pass: "pass", fail: "fail", "n/a": "na" } as const;
  const rows = a.regulatoryReadiness.map((r) => [
    t(r.id),
    t(r.check),
    `<span class="chip ${css[r.status]}">${t(r.status)}</span>`,
    t(r.anchor),
    t(r.appliesFrom ?? "–"),
    renderEvidence(ctx, r.evidence),
    t(r.nextStepId ?? "–"),
  ]);
  return [
    `<h2 id="regulatory">6 Regulatory readiness</h2>`,
    renderTable(["Id", "Check", "Status", "Anchor", "Applies from", "Evidence", "Next step"], rows),
  ].join("\n");
}

/** Tool evaluations: ranking, criteria with weights (overrides marked), score matrix with evidence links. */
export function renderEvaluations(
  ctx: HtmlContext,
  a: RoadmapAssessment,
  evaluations: readonly ToolEvaluation[],
): string {
  const out = [`<h2 id="evaluation">7 Steps 4–5: tool evaluation</h2>`];
  if (a.evaluations.length === 0)
    out.push(
      '<p class="muted">No tool evaluation yet. Start one at ' +
        toLink(ctx, "/roadmap/evaluations/new", "/roadmap/evaluations/new") +
        ".</p>",
    );
  for (const score of a.evaluations) {
    const ev = evaluations.find((e) => e.id === score.id);
    out.push(`<h3>${t(ev?.title ?? score.id)} <span class="muted">(${t(score.stage)})</span></h3>`);
    out.push(
      renderTable(
        ["Candidate", "Weighted score", "Coverage", "Hands-on confidence", "Knocked out"],
        score.ranking.map((r) => [
          t(r.candidateId),
          t(r.weightedScore),
          t(r.coverage),
          t(r.handsOnConfidence),
          r.knockedOut ? `yes: ${t(r.knockoutReasons.join("; "))}` : "no",
        ]),
      ),
    );
    if (ev === undefined) continue;
    const candidates = ev.candidates.filter((c) => c.eliminatedAtStage === undefined);
    const cell = (candidateId: string, criterionId: string) => {
      const s = ev.scores
        .filter((x) => x.candidateId === candidateId && x.criterionId === criterionId)
        .sort((x, y) => y.scoredAt.localeCompare(x.scoredAt))[0];
      if (s === undefined) return '<span class="muted">–</span>';
      const label = `${s.score === null ? "n/a" : s.score} (${s.evidenceKind})`;
      return s.evidenceUrl === undefined
        ? t(label)
        : `<a href="${escapeHtml(s.evidenceUrl)}">${escapeHtml(label)}</a>`;
    };
    out.push(
      renderTable(
        ["Criterion", "Weight", ...candidates.map((c) => c.name)],
        ev.criteria.map((c) => [
          t(c.label),
          `${c.weight}${c.weightOverridden === true ? " (overridden)" : ""}${c.knockout === undefined ? "" : ` · knockout < ${c.knockout.minScore}`}`,
          ...candidates.map((k) => cell(k.id, c.id)),
        ]),
      ),
    );
    const signOffs = ev.decision?.signOffs ?? [];
    out.push(
      `<p>Sign-offs: ${signOffs.length === 0 ? "none yet" : signOffs.map((s) => `${t(s.role)}: ${t(s.verdict)}`).join(", ")}</p>`,
    );
    out.push(
      ...scoreEvaluation({ evaluation: ev, ruleset: DEFAULT_ROADMAP_RULESET }).warnings.map(
        (w) => `<p class="muted">${t(w)}</p>`,
      ),
    );
  }
  return out.join("\n");
}

function flatten(value: unknown, path: string, out: [string, unknown][]): void {
  if (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !("num" in value && "den" in value)
  ) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, `${path}.${k}`, out);
  } else out.push([path, value]);
}

/** Facts with their sources, questionnaire answers, ruleset and methodology. */
export function renderAppendix(ctx: HtmlContext, a: RoadmapAssessment): string {
  const facts: [string, unknown][] = [];
  flatten(a.facts, "facts", facts);
  const rows = facts.map(([path, value]) => {
    const parts = path.split(".");
    let source;
    for (let i = parts.length; i > 0 && source === undefined; i -= 1)
      source = ctx.sources[parts.slice(0, i).join(".")];
    return [
      `<code>${escapeHtml(path)}</code>`,
      t(toValueText(value)),
      t(source?.basis ?? ""),
      (source?.links ?? [])
        .slice(0, 3)
        .map((l) => toLink(ctx, l, l))
        .join(" "),
    ];
  });
  return [
    `<h2 id="appendix">8 Appendix</h2>`,
    `<h3>Facts snapshot</h3>`,
    renderTable(["Fact", "Value", "Counted as", "Shown at"], rows),
    `<h3>Questionnaire answers</h3><pre>${escapeHtml(JSON.stringify(a.questionnaire, null, 2))}</pre>`,
    `<h3>Ruleset and methodology</h3>`,
    `<p>Rules ${t(a.rulesetVersion)} (hash ${t(a.rulesetHash)}). Strategy, needs, blueprint, maturity (Microsoft 0–4 ladder, Google MLOps levels, ML Test Score monitoring section), stakeholders, EU AI Act and NIST AI RMF checklist and tool evaluation follow ROADMAP.md §1–§4; the choices made where the spec is open are in docs/roadmap-scoring.md.</p>`,
  ].join("\n");
}
