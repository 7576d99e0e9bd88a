/**
 * @sextant/core roadmap & maturity module (ROADMAP.md §3–§5): pure scoring of facts and answers
 * against a versioned ruleset, and the Markdown report. No I/O and no clock.
 */

export * from "./types.js";
export * from "./facts-supplement.js";
export * from "./ratio.js";
export * from "./ruleset.js";
export * from "./portfolio-signals.js";
export * from "./raci.js";
export * from "./strategy.js";
export * from "./needs.js";
export * from "./blueprint-coverage.js";
export * from "./blueprint.js";
export * from "./maturity-conditions.js";
export * from "./maturity.js";
export * from "./maturity-aggregates.js";
export * from "./monitoring-test-score.js";
export * from "./stakeholders.js";
export * from "./regulatory.js";
export * from "./next-steps.js";
export * from "./tool-evaluation-types.js";
export * from "./evaluation-anchors.js";
export * from "./evaluation-criteria.js";
export * from "./tool-evaluation.js";
export * from "./evaluation-funnel.js";
export * from "./assessment.js";
export * from "./markdown-table.js";
export * from "./markdown-report.js";
