/**
 * Building blocks of the maturity ladders (ROADMAP.md §4.4): a level condition carries whether it
 * holds, its current value, the target, the gap in models and the next step that closes it.
 */

import type { Discrepancy } from "./needs.js";
import type { FactsSupplement } from "./facts-supplement.js";
import type { PortfolioSignals } from "./portfolio-signals.js";
import { computeRatioGap, formatRatio, isRatioAtLeast } from "./ratio.js";
import type { RoadmapRuleset } from "./ruleset.js";
import type { Evidence, ObservedFacts, Ratio, RoadmapQuestionnaire } from "./types.js";

/** One condition of one level of a dimension ladder. */
export interface LevelCondition {
  level: 1 | 2 | 3 | 4;
  condition: string;
  met: boolean;
  current: string;
  target: string;
  gap?: number;
  nextStepId?: string;
  evidence: Evidence[];
}

/** Everything a dimension rule may read. */
export interface MaturityContext {
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  ruleset: RoadmapRuleset;
  signals: PortfolioSignals;
  supplement: FactsSupplement;
  discrepancies: Discrepancy[];
}

type Level = LevelCondition["level"];

/** `fact ≥ threshold` on a ratio; an empty denominator counts as `whenEmpty`. */
export function toRatioCondition(p: {
  level: Level;
  label: string;
  fact: string;
  value: Ratio;
  threshold: number;
  whenEmpty?: boolean;
  nextStepId?: string;
}): LevelCondition {
  const met = isRatioAtLeast(p.value, p.threshold, p.whenEmpty ?? false);
  const out: LevelCondition = {
    level: p.level,
    condition: `${p.label} ≥ ${p.threshold}`,
    met,
    current: formatRatio(p.value),
    target: `≥ ${p.threshold}`,
    evidence: [{ fact: p.fact, value: p.value }],
  };
  const gap = computeRatioGap(p.value, p.threshold);
  if (!met && gap > 0) out.gap = gap;
  if (p.nextStepId !== undefined) out.nextStepId = p.nextStepId;
  return out;
}

/** `fact op target` on a count. */
export function toCountCondition(p: {
  level: Level;
  label: string;
  fact: string;
  value: number;
  op: ">=" | "<=";
  target: number;
  nextStepId?: string;
}): LevelCondition {
  const met = p.op === ">=" ? p.value >= p.target : p.value <= p.target;
  const out: LevelCondition = {
    level: p.level,
    condition: `${p.label} ${p.op === ">=" ? "≥" : "≤"} ${p.target}`,
    met,
    current: String(p.value),
    target: `${p.op === ">=" ? "≥" : "≤"} ${p.target}`,
    evidence: [{ fact: p.fact, value: p.value }],
  };
  if (!met) out.gap = Math.abs(p.value - p.target);
  if (p.nextStepId !== undefined) out.nextStepId = p.nextStepId;
  return out;
}

/** A yes/no fact; `undefined` means the platform did not observe it, which counts as unmet. */
export function toFlagCondition(p: {
  level: Level;
  label: string;
  fact: string;
  value: boolean | null | undefined;
  nextStepId?: string;
}): LevelCondition {
  const out: LevelCondition = {
    level: p.level,
    condition: p.label,
    met: p.value === true,
    current: p.value === undefined ? "not observed" : p.value === null ? "unknown" : p.value ? "yes" : "no",
    target: "yes",
    evidence: [{ fact: p.fact, value: p.value === undefined ? "not observed" : p.value }],
  };
  if (p.nextStepId !== undefined) out.nextStepId = p.nextStepId;
  return out;
}

/** The highest level whose conditions, and those of every lower level, all hold. */
export function computeLadderLevel(conditions: LevelCondition[]): 0 | 1 | 2 | 3 | 4 {
  let level: 0 | 1 | 2 | 3 | 4 = 0;
  for (const next of [1, 2, 3, 4] as const) {
    if (!conditions.filter((c) => c.level === next).every((c) => c.met)) break;
    level = next;
  }
  return level;
}

/** A ratio from the supplement, or the fallback when the supplement lacks it. */
export function selectRatio(
  supplied: Ratio | undefined,
  fallback: Ratio,
): { value: Ratio; fromSupplement: boolean } {
  return supplied === undefined
    ? { value: fallback, fromSupplement: false }
    : { value: supplied, fromSupplement: true };
}
