/**
 * Ranked next steps (ROADMAP.md §4.8): priority = impact × urgency / effort weight (S 1, M 2, L 3);
 * urgency 3 for overdue items and steps that close a failing AI Act item, 2 for steps on a Now
 * component, else 1. Failing regulatory items without a matching rule get an `N-REG-<id>` step.
 */

import type { BlueprintItem } from "./blueprint.js";
import { deriveNextStepDrafts } from "./next-step-rules.js";
import type { NextStepDraft, NextStepRuleInput } from "./next-step-rules.js";
import type { RegulatoryItem } from "./regulatory.js";
import { linkRegulatoryNextSteps } from "./regulatory.js";

export type { NextStepRuleInput } from "./next-step-rules.js";

/** A ranked next step. */
export interface NextStep extends NextStepDraft {
  urgency: 1 | 2 | 3;
  priority: number;
}

/** Inputs of `generateNextSteps`. */
export interface NextStepInput extends NextStepRuleInput {
  regulatory: RegulatoryItem[];
}

/** Fires the rules, links the regulatory items, ranks the steps; returns both. */
export function generateNextSteps(input: NextStepInput): {
  nextSteps: NextStep[];
  regulatory: RegulatoryItem[];
} {
  const drafts = deriveNextStepDrafts(input);
  const firedRules = new Set(drafts.map((d) => d.ruleId));
  const regulatory = linkRegulatoryNextSteps(input.regulatory, firedRules);
  for (const item of regulatory)
    if (item.status === "fail" && item.nextStepId === `N-REG-${item.id}`)
      drafts.push(toRegulatoryDraft(item));
  const euRules = new Set(
    regulatory
      .filter((r) => r.status === "fail" && r.regime === "eu_ai_act" && r.nextStepId !== undefined)
      .map((r) => r.nextStepId!),
  );
  const now = new Set(input.blueprint.filter((b) => b.phase === "now").map((b) => b.component));
  const weights = input.ruleset.nextSteps.effortWeight;
  const nextSteps = drafts.map((d): NextStep => {
    const urgency = deriveUrgency(d, euRules, now);
    return { ...d, urgency, priority: (d.impact * urgency) / weights[d.effort] };
  });
  nextSteps.sort(
    (a, b) =>
      b.priority - a.priority ||
      b.urgency - a.urgency ||
      b.impact - a.impact ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { nextSteps, regulatory };
}

function deriveUrgency(
  d: NextStepDraft,
  euRules: Set<string>,
  now: Set<BlueprintItem["component"]>,
): 1 | 2 | 3 {
  if (d.overdue || euRules.has(d.ruleId)) return 3;
  return d.component !== null && now.has(d.component) ? 2 : 1;
}

function toRegulatoryDraft(item: RegulatoryItem): NextStepDraft {
  return {
    id: `N-REG-${item.id}`,
    ruleId: `N-REG-${item.id}`,
    title: `Close regulatory check ${item.id}: ${item.check}`,
    why: `Failing check anchored in ${item.anchor}.`,
    blogStep: 3,
    dimension: null,
    stakeholder: "risk_compliance",
    effort: "M",
    impact: 3,
    link: "/roadmap#compliance",
    component: null,
    overdue: false,
    evidence: item.evidence,
  };
}

/** The first `count` steps (the summary's top 5 by default). */
export function selectTopNextSteps(steps: NextStep[], count: number): NextStep[] {
  return steps.slice(0, count);
}
