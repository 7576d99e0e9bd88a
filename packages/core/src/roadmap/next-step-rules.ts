/**
 * The next-step rules of ROADMAP.md §4.8 (plus N-RISK-TIER, N-AUDIT, N-OVERSIGHT, N-FEEDBACK,
 * N-INGEST-MODE, N-DATA-TYPE): each fires on its condition and yields a draft with templated text,
 * effort, impact, owner role, blueprint component and evidence. Urgency and priority are set later.
 */

import type { NextStepDraft, NextStepRuleInput, NextStepSpec } from "./next-step-draft.js";
import { addGovernanceSteps, addOrganisationSteps } from "./next-step-rules-governance.js";
import { addInventorySteps, addMonitoringSteps } from "./next-step-rules-operations.js";

export type { NextStepDraft, NextStepRuleInput } from "./next-step-draft.js";

/** Fires every next-step rule and returns the drafts in rule order. */
export function deriveNextStepDrafts(input: NextStepRuleInput): NextStepDraft[] {
  const out: NextStepDraft[] = [];
  const add = (s: NextStepSpec): void => {
    out.push({ ...s, id: s.id ?? s.ruleId, overdue: s.overdue ?? false });
  };
  addInventorySteps(input, add);
  addMonitoringSteps(input, add);
  addGovernanceSteps(input, add);
  addOrganisationSteps(input, add);
  return out;
}
