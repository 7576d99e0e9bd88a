/**
 * Regulatory readiness checklist R1–R14 (ROADMAP.md §4.6): automatic checks anchored in the EU AI Act
 * and NIST AI RMF. When the AI Act applies the item carries its Art. anchor and `appliesFrom`; otherwise
 * it is shown as NIST good practice. Items about a population that does not exist (e.g. no high-risk
 * models) are n/a. Deployers see Art. 26 "inform the provider" instead of provider-only Art. 72/73.
 */

import { REGULATORY_ITEMS as ITEMS } from "./regulatory-items.js";
import type { RegulatoryInput } from "./regulatory-items.js";
import type { Evidence } from "./types.js";

export type { RegulatoryInput } from "./regulatory-items.js";

/** One checklist row (§4.6 output plus check text, regime and next-step candidates). */
export interface RegulatoryItem {
  id: string;
  check: string;
  status: "pass" | "fail" | "n/a";
  regime: "eu_ai_act" | "nist_good_practice";
  anchor: string;
  appliesFrom?: string;
  evidence: Evidence[];
  nextStepId?: string;
  nextStepCandidates: string[];
}

/** Evaluates the regulatory checklist (§4.6); `nextStepId` is resolved later against the fired steps. */
export function checkRegulatory(input: RegulatoryInput): RegulatoryItem[] {
  const eu = input.signals.aiActApplies;
  const deployer = input.questionnaire.constraints.aiActRole === "deployer";
  return ITEMS.map((def) => {
    const outcome = def.evaluate(input);
    const euAnchor = deployer && def.euDeployer !== undefined ? def.euDeployer : def.euProvider;
    const item: RegulatoryItem = {
      id: def.id,
      check: def.check,
      status: outcome.status,
      regime: eu ? "eu_ai_act" : "nist_good_practice",
      anchor: eu ? `${euAnchor}; ${def.nist}` : `${def.nist} (good practice)`,
      evidence: outcome.evidence,
      nextStepCandidates: def.candidates,
    };
    const from = input.ruleset.regulatory.appliesFrom[def.id];
    if (eu && from !== undefined) item.appliesFrom = from;
    return item;
  });
}

/** Sets each failing item's `nextStepId` to its first candidate that fired, else its own `N-REG-<id>`. */
export function linkRegulatoryNextSteps(
  items: RegulatoryItem[],
  firedStepIds: ReadonlySet<string>,
): RegulatoryItem[] {
  return items.map((item) => {
    if (item.status !== "fail") return item;
    const fired = item.nextStepCandidates.find((c) => firedStepIds.has(c));
    return { ...item, nextStepId: fired ?? `N-REG-${item.id}` };
  });
}
