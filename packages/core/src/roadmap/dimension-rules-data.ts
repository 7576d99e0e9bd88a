/**
 * Level conditions of maturity dimension D5 data quality & schema (ROADMAP.md §4.4). Intersections of
 * coverage the facts do not give fall back to their conservative lower bound s + b − P.
 */

import { toCountCondition, toRatioCondition, selectRatio } from "./maturity-conditions.js";
import type { LevelCondition, MaturityContext } from "./maturity-conditions.js";
import { toRatio } from "./ratio.js";
import type { Ratio } from "./types.js";

/** Lower bound of |A ∩ B| over P: max(0, a + b − P). */
export function computeIntersectionLowerBound(a: Ratio, b: Ratio, production: number): Ratio {
  return toRatio(Math.max(0, a.num + b.num - production), production);
}

/** D5 Data quality & schema. */
export function deriveDataQualityConditions(ctx: MaturityContext): LevelCondition[] {
  const mon = ctx.facts.monitoring;
  const P = ctx.facts.models.production;
  const high = ctx.ruleset.maturity.high;
  const both = selectRatio(
    ctx.supplement.schemaAndBaseline,
    computeIntersectionLowerBound(mon.schemaRegistered, mon.trainingBaseline, P),
  );
  const dqRouted = selectRatio(
    ctx.supplement.dataQualityWithRoutedAlert,
    computeIntersectionLowerBound(mon.dataQuality, ctx.facts.alerting.routedCoverage, P),
  );
  return [
    toCountCondition({
      level: 1,
      label: "prod models with a registered schema",
      fact: "facts.monitoring.schemaRegistered",
      value: mon.schemaRegistered.num,
      op: ">=",
      target: 1,
    }),
    toRatioCondition({
      level: 2,
      label: "cov(schema ∧ baseline)",
      fact: both.fromSupplement
        ? "supplement.schemaAndBaseline"
        : "derived.lowerBound(schemaRegistered ∧ trainingBaseline)",
      value: both.value,
      threshold: high,
    }),
    toRatioCondition({
      level: 3,
      label: "dataQuality with routed alerts",
      fact: dqRouted.fromSupplement
        ? "supplement.dataQualityWithRoutedAlert"
        : "derived.lowerBound(dataQuality ∧ routedCoverage)",
      value: dqRouted.value,
      threshold: high,
      nextStepId: "N-MON-DQ",
    }),
    toRatioCondition({
      level: 3,
      label: "outputSanity",
      fact: "facts.monitoring.outputSanity",
      value: mon.outputSanity,
      threshold: high,
    }),
    toRatioCondition({
      level: 4,
      label: "trainingBaseline (train/serve skew)",
      fact: "facts.monitoring.trainingBaseline",
      value: mon.trainingBaseline,
      threshold: high,
    }),
    toRatioCondition({
      level: 4,
      label: "upstreamChange",
      fact: "facts.monitoring.upstreamChange",
      value: mon.upstreamChange,
      threshold: high,
    }),
  ];
}
