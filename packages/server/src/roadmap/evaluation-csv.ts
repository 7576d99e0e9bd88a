/**
 * The score matrix of a tool evaluation as CSV (`evaluation-<id>.csv`, ROADMAP.md §5): one row per
 * criterion with its weight and knockout, then per candidate the score that counts, its evidence kind and
 * evidence link (one link per cell, after the Thoughtworks format); closing rows hold each candidate's
 * weighted score, coverage, hands-on confidence and knockout.
 */
import { resolveCell, type EvaluationScore, type RoadmapRuleset, type ToolEvaluation } from "@sextant/core";
import { toCsv, type CsvValue } from "./csv-cells.js";

/** Renders the matrix of a scored evaluation. */
export function renderEvaluationCsv(input: {
  readonly evaluation: ToolEvaluation;
  readonly score: EvaluationScore;
  readonly ruleset: RoadmapRuleset;
}): string {
  const { evaluation, score, ruleset } = input;
  const candidates = evaluation.candidates;
  const header = [
    "criterion_id",
    "criterion",
    "group",
    "maps_to",
    "weight",
    "weight_overridden",
    "knockout_min_score",
    ...candidates.flatMap((c) => [`${c.name} score`, `${c.name} evidence`, `${c.name} evidence_url`]),
  ];
  const rows: CsvValue[][] = evaluation.criteria.map((criterion) => [
    criterion.id,
    criterion.label,
    criterion.group,
    criterion.mapsTo ?? null,
    criterion.weight,
    criterion.weightOverridden === true,
    criterion.knockout?.minScore ?? null,
    ...candidates.flatMap((candidate) => {
      const cell = resolveCell({ evaluation, candidate, criterion, ruleset });
      if (cell.notApplicable) return ["n/a", null, null];
      return [cell.score, cell.evidenceKind, cell.evidenceUrl ?? null];
    }),
  ]);
  const rankingOf = (id: string) => score.ranking.find((r) => r.candidateId === id);
  const summary = (id: string, label: string, pick: (r: EvaluationScore["ranking"][number]) => CsvValue) => [
    id,
    label,
    "aggregate",
    null,
    null,
    null,
    null,
    ...candidates.flatMap((c) => {
      const r = rankingOf(c.id);
      return [r === undefined ? null : pick(r), null, null];
    }),
  ];
  rows.push(
    summary("weighted_score", "Weighted score (0-100)", (r) => Math.round(r.weightedScore * 10) / 10),
    summary("coverage", "Coverage of the weights scored (0-1)", (r) => Math.round(r.coverage * 1000) / 1000),
    summary(
      "hands_on_confidence",
      "Hands-on confidence (0-1)",
      (r) => Math.round(r.handsOnConfidence * 1000) / 1000,
    ),
    summary("knocked_out", "Knocked out", (r) => r.knockedOut),
  );
  return toCsv(header, rows);
}
