/**
 * Level conditions of the stakeholder-facing maturity dimensions D4 performance & KPIs (success
 * measures) and D9 reporting & communication (ROADMAP.md §4.4). Stakeholder conditions need at least
 * one declared stakeholder; none declared leaves them unmet.
 */

import { toCountCondition, toFlagCondition, toRatioCondition, selectRatio } from "./maturity-conditions.js";
import type { LevelCondition, MaturityContext } from "./maturity-conditions.js";
import { isRatioAtLeast, toRatio } from "./ratio.js";
import type { StakeholderRole } from "./types.js";

const NOT_OBSERVED = toRatio(0, 0);

/** D4 Performance & KPIs (success measures). */
export function derivePerformanceKpiConditions(ctx: MaturityContext): LevelCondition[] {
  const s = ctx.supplement;
  const { high, half } = ctx.ruleset.maturity;
  const prodMetric = selectRatio(s.productionMetric30d, ctx.facts.monitoring.performance);
  const keys = [
    ...new Set(
      ctx.questionnaire.stakeholders.flatMap((x) => (x.metricKey === undefined ? [] : [x.metricKey])),
    ),
  ];
  const untracked = keys.filter((k) => !isRatioAtLeast(s.metricKeyCoverage?.[k] ?? NOT_OBSERVED, high));
  return [
    toCountCondition({
      level: 1,
      label: "prod models with a declared primary metric",
      fact: "supplement.declaredPrimaryMetric",
      value: s.declaredPrimaryMetric?.num ?? 0,
      op: ">=",
      target: 1,
    }),
    toRatioCondition({
      level: 2,
      label: "cov(declared metric + threshold)",
      fact: "supplement.declaredMetricWithThreshold",
      value: s.declaredMetricWithThreshold ?? NOT_OBSERVED,
      threshold: high,
    }),
    toRatioCondition({
      level: 3,
      label: "cov(production metric computed in last 30 d)",
      fact: prodMetric.fromSupplement ? "supplement.productionMetric30d" : "facts.monitoring.performance",
      value: prodMetric.value,
      threshold: high,
      nextStepId: "N-MON-PERF",
    }),
    toFlagCondition({
      level: 3,
      label: "declared-vs-production metrics shown on cards",
      fact: "supplement.declaredVsProductionOnCards",
      value: s.declaredVsProductionOnCards,
    }),
    toRatioCondition({
      level: 4,
      label: "cov(business KPI linked)",
      fact: "supplement.businessKpiLinked",
      value: s.businessKpiLinked ?? NOT_OBSERVED,
      threshold: half,
    }),
    {
      ...toFlagCondition({
        level: 4,
        label: "every declared stakeholder metricKey is tracked",
        fact: "supplement.metricKeyCoverage",
        value: keys.length > 0 && untracked.length === 0,
        nextStepId: "N-STK",
      }),
      current:
        keys.length === 0
          ? "no metricKey declared"
          : `${keys.length - untracked.length}/${keys.length} tracked${untracked.length > 0 ? ` (missing: ${untracked.join(", ")})` : ""}`,
    },
  ];
}

const PORTFOLIO_ROLES: StakeholderRole[] = ["executive", "business_ops"];

/** D9 Reporting & communication. */
export function deriveReportingConditions(ctx: MaturityContext): LevelCondition[] {
  const r = ctx.facts.reporting;
  const declared = [...new Set(ctx.questionnaire.stakeholders.map((x) => x.role))];
  const missing = declared.filter((role) => !r.recipientRoles.includes(role));
  const closedHigh = ctx.supplement.closedHighSeverityIncidents90d ?? ctx.facts.incidents.closed90d;
  const portfolioRoles = ctx.supplement.portfolioReportRoles ?? r.recipientRoles;
  return [
    toCountCondition({
      level: 1,
      label: "reports generated in 90 d",
      fact: "facts.reporting.generated90d",
      value: r.generated90d,
      op: ">=",
      target: 1,
      nextStepId: "N-RPT",
    }),
    toCountCondition({
      level: 2,
      label: "scheduled reports",
      fact: "facts.reporting.scheduled",
      value: r.scheduled,
      op: ">=",
      target: 1,
      nextStepId: "N-RPT",
    }),
    {
      ...toFlagCondition({
        level: 3,
        label: "every declared stakeholder role receives a report",
        fact: "facts.reporting.recipientRoles",
        value: declared.length > 0 && missing.length === 0,
        nextStepId: "N-RPT",
      }),
      current:
        declared.length === 0
          ? "no stakeholder declared"
          : `${declared.length - missing.length}/${declared.length} roles${missing.length > 0 ? ` (missing: ${missing.join(", ")})` : ""}`,
    },
    toCountCondition({
      level: 4,
      label: `post-incident reports in 90 d ≥ closed high-severity incidents (${closedHigh})`,
      fact: "facts.reporting.postIncidentReports90d",
      value: r.postIncidentReports90d,
      op: ">=",
      target: closedHigh,
    }),
    toFlagCondition({
      level: 4,
      label: "portfolio report for executive or business_ops",
      fact: ctx.supplement.portfolioReportRoles
        ? "supplement.portfolioReportRoles"
        : "facts.reporting.recipientRoles",
      value: PORTFOLIO_ROLES.some((x) => portfolioRoles.includes(x)),
      nextStepId: "N-RPT",
    }),
  ];
}
