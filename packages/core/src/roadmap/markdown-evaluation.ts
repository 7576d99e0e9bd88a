/**
 * The tool-evaluation section of the Markdown report (ROADMAP.md §5 section 7): ranking, criteria with
 * weights (overrides marked), score matrix with one evidence link per cell, knockouts, stage, sign-offs.
 */

import type { RoadmapAssessment } from "./assessment.js";
import { escapeMarkdown as esc, toCellText as cell, toMarkdownTable as table } from "./markdown-table.js";
import type { ToolEvaluation } from "./tool-evaluation-types.js";

/** Renders section 7 for every scored evaluation of the assessment. */
export function renderEvaluationSection(a: RoadmapAssessment, evaluations: ToolEvaluation[]): string {
  if (a.evaluations.length === 0) return "## 7 Steps 4–5 Tool evaluation\n\nNo tool evaluation yet.";
  const parts = ["## 7 Steps 4–5 Tool evaluation"];
  for (const scored of a.evaluations) {
    const ev = evaluations.find((e) => e.id === scored.id);
    parts.push(`### ${esc(ev?.title ?? scored.id)} (stage: ${scored.stage})`);
    parts.push(
      table(
        ["Candidate", "Weighted score", "Coverage", "Hands-on confidence", "Knocked out"],
        scored.ranking.map((r) => [
          esc(r.candidateId),
          cell(r.weightedScore),
          cell(r.coverage),
          cell(r.handsOnConfidence),
          r.knockedOut ? `yes: ${esc(r.knockoutReasons.join("; "))}` : "no",
        ]),
      ),
    );
    parts.push(...scored.warnings.map((w) => `> Warning: ${esc(w)}`));
    if (ev !== undefined) parts.push(renderMatrix(ev), renderSignOffs(ev));
  }
  return parts.join("\n\n");
}

function renderMatrix(ev: ToolEvaluation): string {
  const header = ["Criterion", "Weight", ...ev.candidates.map((c) => esc(c.name))];
  const rows = ev.criteria.map((cr) => [
    `${esc(cr.label)} (${cr.id})${cr.knockout ? ` — knockout < ${cr.knockout.minScore}` : ""}`,
    `${cr.weight}${cr.weightOverridden ? " (overridden)" : ""}`,
    ...ev.candidates.map((c) => {
      const latest = ev.scores
        .filter((s) => s.candidateId === c.id && s.criterionId === cr.id)
        .sort((x, y) => (x.scoredAt < y.scoredAt ? 1 : -1))[0];
      if (latest === undefined || latest.score === null) return "–";
      return latest.evidenceUrl
        ? `[${latest.score}](${encodeURI(latest.evidenceUrl)}) ${latest.evidenceKind}`
        : `${latest.score} ${latest.evidenceKind}`;
    }),
  ]);
  return table(header, rows);
}

function renderSignOffs(ev: ToolEvaluation): string {
  const d = ev.decision;
  if (d === undefined) return "No decision recorded.";
  const rows = d.signOffs.map((s) => [s.role, s.verdict, cell(s.note ?? "")]);
  return [
    `Decision: ${esc(d.candidateId)} — ${esc(d.rationale)} (${esc(d.decidedAt)})`,
    table(["Role", "Verdict", "Note"], rows),
  ].join("\n\n");
}
