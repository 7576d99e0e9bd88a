/**
 * Level conditions of the governance maturity dimensions D6 fairness, D7 documentation and D8
 * lifecycle automation (ROADMAP.md §4.4). Facts §3.1 lacks come from the supplement; a missing one is
 * "not observed" (unmet) unless a named fallback applies.
 */

import { toCountCondition, toFlagCondition, toRatioCondition, selectRatio } from "./maturity-conditions.js";
import type { LevelCondition, MaturityContext } from "./maturity-conditions.js";
import { toRatio } from "./ratio.js";

/** Number of bias-relevant production models (supplement, else all when regulated, else sensitive + high-risk capped at P). */
export function computeBiasRelevantModels(
  ctx: Pick<MaturityContext, "facts" | "signals" | "supplement">,
): number {
  const m = ctx.facts.models;
  return (
    ctx.supplement.biasRelevantModels ??
    (ctx.signals.regulated ? m.production : Math.min(m.production, m.withSensitiveAttributes + m.highRisk))
  );
}

/** D6 Fairness & bias; null when no model is relevant and the portfolio is not regulated. */
export function deriveFairnessConditions(ctx: MaturityContext): LevelCondition[] | null {
  if (!ctx.signals.biasRelevant) return null;
  const s = ctx.supplement;
  const high = ctx.ruleset.maturity.high;
  const relevant = computeBiasRelevantModels(ctx);
  const monitored = toRatio(Math.min(ctx.facts.monitoring.bias.num, relevant), relevant);
  const evaluated = selectRatio(s.biasEvaluated, monitored);
  const scheduled = selectRatio(s.biasScheduledWithThreshold, monitored);
  const fact = (r: { fromSupplement: boolean }, key: string): string =>
    r.fromSupplement ? `supplement.${key}` : "derived.biasMonitors/relevantModels";
  return [
    toCountCondition({
      level: 1,
      label: "prod models with declared sensitive attributes",
      fact: "facts.models.withSensitiveAttributes",
      value: ctx.facts.models.withSensitiveAttributes,
      op: ">=",
      target: 1,
      nextStepId: "N-BIAS",
    }),
    toRatioCondition({
      level: 2,
      label: "relevant models with a bias evaluation",
      fact: fact(evaluated, "biasEvaluated"),
      value: evaluated.value,
      threshold: high,
      nextStepId: "N-BIAS",
    }),
    toRatioCondition({
      level: 3,
      label: "relevant models with scheduled bias monitors and thresholds",
      fact: fact(scheduled, "biasScheduledWithThreshold"),
      value: scheduled.value,
      threshold: high,
      nextStepId: "N-BIAS",
    }),
    toRatioCondition({
      level: 4,
      label: "relevant models with scheduled bias monitors",
      fact: fact(scheduled, "biasScheduledWithThreshold"),
      value: scheduled.value,
      threshold: 1,
      nextStepId: "N-BIAS",
    }),
    toFlagCondition({
      level: 4,
      label: "bias alerts routed to the risk owner",
      fact: "supplement.biasAlertsRoutedToRiskOwner",
      value: s.biasAlertsRoutedToRiskOwner,
    }),
    toFlagCondition({
      level: 4,
      label: "fairness section on cards auto-filled",
      fact: "supplement.fairnessSectionAutoFilled",
      value: s.fairnessSectionAutoFilled,
    }),
  ];
}

/** D7 Documentation & compliance. */
export function deriveDocumentationConditions(ctx: MaturityContext): LevelCondition[] {
  const f = ctx.facts;
  const high = ctx.ruleset.maturity.high;
  const hasHighRisk = f.models.highRisk > 0;
  const retentionOk =
    !hasHighRisk ||
    f.governance.predictionLogRetentionDays.high >= ctx.ruleset.maturity.highRiskRetentionDays;
  return [
    toFlagCondition({
      level: 1,
      label: "any model card",
      fact: "facts.documentation.cardCompletenessAvg",
      value: f.documentation.cardCompletenessAvg !== null,
      nextStepId: "N-CARD",
    }),
    toRatioCondition({
      level: 2,
      label: "prodWithCompleteCard",
      fact: "facts.documentation.prodWithCompleteCard",
      value: f.documentation.prodWithCompleteCard,
      threshold: high,
      nextStepId: "N-CARD",
    }),
    toFlagCondition({
      level: 3,
      label: "audit log enabled",
      fact: "facts.governance.auditLogEnabled",
      value: f.governance.auditLogEnabled,
      nextStepId: "N-AUDIT",
    }),
    toFlagCondition({
      level: 3,
      label: "audit chain valid",
      fact: "facts.governance.auditChainValid",
      value: f.governance.auditChainValid,
      nextStepId: "N-AUDIT",
    }),
    {
      ...toFlagCondition({
        level: 3,
        label: `prediction-log retention meets policy (high-risk ≥ ${ctx.ruleset.maturity.highRiskRetentionDays} d)`,
        fact: "facts.governance.predictionLogRetentionDays.high",
        value: retentionOk,
        nextStepId: "N-RET",
      }),
      current: hasHighRisk ? `${f.governance.predictionLogRetentionDays.high} d` : "no high-risk models",
    },
    toRatioCondition({
      level: 3,
      label: "withTrainingDatasetRef",
      fact: "facts.versions.withTrainingDatasetRef",
      value: f.versions.withTrainingDatasetRef,
      threshold: high,
    }),
    toRatioCondition({
      level: 4,
      label: "highRiskWithPmmPlan",
      fact: "facts.documentation.highRiskWithPmmPlan",
      value: f.documentation.highRiskWithPmmPlan,
      threshold: 1,
      whenEmpty: true,
      nextStepId: "N-PMM",
    }),
    toRatioCondition({
      level: 4,
      label: "pmmPlansMappedToActiveMonitors",
      fact: "facts.documentation.pmmPlansMappedToActiveMonitors",
      value: f.documentation.pmmPlansMappedToActiveMonitors,
      threshold: 1,
      whenEmpty: true,
      nextStepId: "N-PMM",
    }),
    toCountCondition({
      level: 4,
      label: "Annex IV exports in last 180 d (when high-risk)",
      fact: "facts.documentation.annexIvExports180d",
      value: hasHighRisk ? f.documentation.annexIvExports180d : 1,
      op: ">=",
      target: 1,
    }),
    toCountCondition({
      level: 4,
      label: "overdue incident reports",
      fact: "facts.incidents.overdueReports",
      value: f.incidents.overdueReports,
      op: "<=",
      target: 0,
      nextStepId: "N-INC",
    }),
  ];
}

/** D8 Lifecycle automation. */
export function deriveAutomationConditions(ctx: MaturityContext): LevelCondition[] {
  const v = ctx.facts.versions;
  const { high, half } = ctx.ruleset.maturity;
  const multi = ctx.supplement.modelsWithMultipleVersions;
  return [
    multi !== undefined
      ? toCountCondition({
          level: 1,
          label: "models with ≥ 2 versions",
          fact: "supplement.modelsWithMultipleVersions",
          value: multi,
          op: ">=",
          target: 1,
        })
      : toCountCondition({
          level: 1,
          label: "median versions per prod model per year (proxy for a model with ≥ 2 versions)",
          fact: "facts.versions.medianVersionsPerProdModelPerYear",
          value: v.medianVersionsPerProdModelPerYear,
          op: ">=",
          target: 2,
        }),
    toRatioCondition({
      level: 2,
      label: "viaCi",
      fact: "facts.versions.viaCi",
      value: v.viaCi,
      threshold: half,
      nextStepId: "N-AUTO",
    }),
    toRatioCondition({
      level: 2,
      label: "withTrainingRunRef",
      fact: "facts.versions.withTrainingRunRef",
      value: v.withTrainingRunRef,
      threshold: high,
      nextStepId: "N-AUTO",
    }),
    toRatioCondition({
      level: 3,
      label: "viaCi",
      fact: "facts.versions.viaCi",
      value: v.viaCi,
      threshold: high,
      nextStepId: "N-AUTO",
    }),
    toRatioCondition({
      level: 3,
      label: "promotionsViaApi",
      fact: "facts.versions.promotionsViaApi",
      value: v.promotionsViaApi,
      threshold: half,
    }),
    toCountCondition({
      level: 3,
      label: "champion/challenger comparisons in 90 d",
      fact: "facts.versions.championChallengerComparisons90d",
      value: v.championChallengerComparisons90d,
      op: ">=",
      target: 1,
    }),
    toCountCondition({
      level: 4,
      label: "drift- or performance-triggered versions in 90 d",
      fact: "facts.versions.triggeredBy.drift+performance",
      value: v.triggeredBy.drift + v.triggeredBy.performance,
      op: ">=",
      target: 1,
      nextStepId: "N-AUTO",
    }),
  ];
}
