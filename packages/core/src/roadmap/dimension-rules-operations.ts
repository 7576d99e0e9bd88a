/**
 * Level conditions of the operational maturity dimensions D1 inventory, D2 monitoring, D3 alerting
 * (ROADMAP.md §4.4). The drift ∪ data-quality union the facts do not give falls back to its
 * conservative lower bound, the larger of the two coverages.
 */

import { toCountCondition, toFlagCondition, toRatioCondition, selectRatio } from "./maturity-conditions.js";
import type { LevelCondition, MaturityContext } from "./maturity-conditions.js";
import { toRatio } from "./ratio.js";

/** D1 Inventory & ownership. */
export function deriveInventoryConditions(ctx: MaturityContext): LevelCondition[] {
  const m = ctx.facts.models;
  const { half } = ctx.ruleset.maturity;
  const high = ctx.ruleset.maturity.high;
  const unreg = ctx.discrepancies.some((d) => d.id === "D-UNREG");
  return [
    toCountCondition({
      level: 1,
      label: "registered models",
      fact: "facts.models.total",
      value: m.total,
      op: ">=",
      target: 1,
      nextStepId: "N-REG-UNREG",
    }),
    toRatioCondition({
      level: 2,
      label: "withOwner",
      fact: "facts.models.withOwner",
      value: m.withOwner,
      threshold: half,
      nextStepId: "N-OWN",
    }),
    toRatioCondition({
      level: 3,
      label: "withOwner",
      fact: "facts.models.withOwner",
      value: m.withOwner,
      threshold: 1,
      nextStepId: "N-OWN",
    }),
    toRatioCondition({
      level: 3,
      label: "withBusinessOwner",
      fact: "facts.models.withBusinessOwner",
      value: m.withBusinessOwner,
      threshold: high,
      nextStepId: "N-BOWN",
    }),
    toRatioCondition({
      level: 3,
      label: "withRiskTier",
      fact: "facts.models.withRiskTier",
      value: m.withRiskTier,
      threshold: high,
      nextStepId: "N-RISK-TIER",
    }),
    {
      ...toFlagCondition({
        level: 3,
        label: "no unregistered production models (D-UNREG)",
        fact: "derived.discrepancies.D-UNREG",
        value: !unreg,
        nextStepId: "N-REG-UNREG",
      }),
    },
    toRatioCondition({
      level: 4,
      label: "ownershipConfirmed180d",
      fact: "facts.models.ownershipConfirmed180d",
      value: m.ownershipConfirmed180d,
      threshold: 1,
    }),
    toCountCondition({
      level: 4,
      label: "orphaned models",
      fact: "facts.models.orphaned",
      value: m.orphaned,
      op: "<=",
      target: 0,
      nextStepId: "N-OWN",
    }),
    toRatioCondition({
      level: 4,
      label: "retiredWithReason",
      fact: "facts.models.retiredWithReason",
      value: m.retiredWithReason,
      threshold: 1,
      whenEmpty: true,
    }),
  ];
}

/** D2 Monitoring coverage. */
export function deriveMonitoringConditions(ctx: MaturityContext): LevelCondition[] {
  const mon = ctx.facts.monitoring;
  const P = ctx.facts.models.production;
  const high = ctx.ruleset.maturity.high;
  const union = selectRatio(
    ctx.supplement.driftOrDataQuality,
    toRatio(Math.max(mon.drift.num, mon.dataQuality.num), P),
  );
  return [
    toCountCondition({
      level: 1,
      label: "prod models with an active monitor",
      fact: "facts.monitoring.anyActive",
      value: mon.anyActive.num,
      op: ">=",
      target: 1,
      nextStepId: "N-MON-DQ",
    }),
    toRatioCondition({
      level: 2,
      label: "cov(drift ∪ dataQuality)",
      fact: union.fromSupplement ? "supplement.driftOrDataQuality" : "derived.max(drift, dataQuality)",
      value: union.value,
      threshold: high,
      nextStepId: "N-MON-DQ",
    }),
    toCountCondition({
      level: 2,
      label: "stale monitors",
      fact: "facts.monitoring.staleMonitors",
      value: mon.staleMonitors,
      op: "<=",
      target: 0,
      nextStepId: "N-STALE",
    }),
    derivePerformanceCondition(ctx),
    ...(ctx.signals.biasRelevant
      ? [
          toRatioCondition({
            level: 4,
            label: "bias (where relevant)",
            fact: "facts.monitoring.bias",
            value: mon.bias,
            threshold: 1,
            whenEmpty: false,
            nextStepId: "N-BIAS",
          }),
        ]
      : []),
    toCountCondition({
      level: 4,
      label: "monitoringTestScore.median",
      fact: "facts.monitoring.monitoringTestScore.median",
      value: mon.monitoringTestScore.median ?? 0,
      op: ">=",
      target: ctx.ruleset.maturity.monitoringTestScoreMedian,
    }),
  ];
}

// Performance is exempt only when labels never arrive; then a prediction-drift monitor counts instead.
function derivePerformanceCondition(ctx: MaturityContext): LevelCondition {
  const mon = ctx.facts.monitoring;
  const high = ctx.ruleset.maturity.high;
  const supplied = ctx.supplement.performanceWhereLabelsExpected;
  if (supplied !== undefined && supplied.den > 0)
    return toRatioCondition({
      level: 3,
      label: "performance over models whose labels arrive",
      fact: "supplement.performanceWhereLabelsExpected",
      value: supplied,
      threshold: high,
      nextStepId: "N-MON-PERF",
    });
  if (ctx.questionnaire.needs.groundTruthLatency === "never" || supplied !== undefined)
    return toRatioCondition({
      level: 3,
      label: "prediction-drift monitors (labels never arrive)",
      fact: "facts.monitoring.drift",
      value: mon.drift,
      threshold: high,
      nextStepId: "N-MON-PROXY",
    });
  return toRatioCondition({
    level: 3,
    label: "performance",
    fact: "facts.monitoring.performance",
    value: mon.performance,
    threshold: high,
    nextStepId: "N-MON-PERF",
  });
}

/** D3 Alerting & incident response. */
export function deriveAlertingConditions(ctx: MaturityContext): LevelCondition[] {
  const a = ctx.facts.alerting;
  const inc = ctx.facts.incidents;
  const { high, half } = ctx.ruleset.maturity;
  return [
    toCountCondition({
      level: 1,
      label: "alert policies",
      fact: "facts.alerting.policies",
      value: a.policies,
      op: ">=",
      target: 1,
      nextStepId: "N-ALERT",
    }),
    toRatioCondition({
      level: 2,
      label: "routedCoverage",
      fact: "facts.alerting.routedCoverage",
      value: a.routedCoverage,
      threshold: high,
      nextStepId: "N-ALERT",
    }),
    toRatioCondition({
      level: 3,
      label: "ackedWithinSla",
      fact: "facts.alerting.ackedWithinSla",
      value: a.ackedWithinSla,
      threshold: high,
      whenEmpty: true,
    }),
    toCountCondition({
      level: 3,
      label: "noisy policies",
      fact: "facts.alerting.noisyPolicies",
      value: a.noisyPolicies,
      op: "<=",
      target: 0,
      nextStepId: "N-NOISE",
    }),
    toRatioCondition({
      level: 3,
      label: "incidents linkedToHighSevAlerts",
      fact: "facts.incidents.linkedToHighSevAlerts",
      value: inc.linkedToHighSevAlerts,
      threshold: high,
      whenEmpty: true,
    }),
    toRatioCondition({
      level: 4,
      label: "incidents withRootCause",
      fact: "facts.incidents.withRootCause",
      value: inc.withRootCause,
      threshold: high,
      whenEmpty: true,
    }),
    toRatioCondition({
      level: 4,
      label: "automatedActions",
      fact: "facts.alerting.automatedActions",
      value: a.automatedActions,
      threshold: half,
    }),
    toCountCondition({
      level: 4,
      label: "overdue incident reports",
      fact: "facts.incidents.overdueReports",
      value: inc.overdueReports,
      op: "<=",
      target: 0,
      nextStepId: "N-INC",
    }),
  ];
}
