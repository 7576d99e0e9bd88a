/**
 * Step 3 (ROADMAP.md §4.3): priority = importance × (1 − coverage), ranked with the dependency order and
 * the user's ranks as tie-breakers, cut into Now (top 3) / Next (4–6) / Later; covered → maintain.
 * Prerequisites with coverage < 0.5 hold dependants back; EU high-risk forces documentation and alerting
 * into Now, and a forced item pulls its unmet prerequisites along (forced placement wins).
 */

import { computeComponentCoverage, computeImportance, deriveComponentStatus } from "./blueprint-coverage.js";
import type { BlueprintInput } from "./blueprint-coverage.js";
import { BLUEPRINT_COMPONENTS } from "./types.js";
import type { BlueprintComponent, Ratio, StakeholderRole } from "./types.js";

export type { BlueprintInput } from "./blueprint-coverage.js";

/** Blueprint phase. */
export type BlueprintPhase = "now" | "next" | "later" | "maintain";

/** One blueprint row (§4.3 output). */
export interface BlueprintItem {
  component: BlueprintComponent;
  blogTerm: "tuning" | "experiments" | "deploying" | "monitoring" | "tracking" | "reports" | "(extension)";
  status: "covered" | "partial" | "gap" | "not_needed";
  coverage: number;
  importance: number;
  priority: number;
  phase: BlueprintPhase;
  /** Addition: position in the priority ranking (1 = first); null for covered / not-needed items. */
  rank: number | null;
  reasons: string[];
  servesStakeholders: StakeholderRole[];
  evidence: Record<string, Ratio | number | boolean>;
}

const BLOG_TERM: Record<BlueprintComponent, BlueprintItem["blogTerm"]> = {
  model_registry_ownership: "tracking",
  performance_monitoring: "monitoring",
  drift_monitoring: "monitoring",
  data_quality_monitoring: "monitoring",
  bias_monitoring: "monitoring",
  alerting_incidents: "(extension)",
  reporting: "reports",
  documentation_audit: "(extension)",
  experiment_tracking: "experiments",
  hyperparameter_tuning: "tuning",
  deployment: "deploying",
  retraining_automation: "(extension)",
  explainability: "(extension)",
};

const SERVES: Record<BlueprintComponent, StakeholderRole[]> = {
  model_registry_ownership: ["ml_engineer", "data_scientist", "business_ops", "risk_compliance"],
  performance_monitoring: ["data_scientist", "business_ops"],
  drift_monitoring: ["data_scientist", "ml_engineer"],
  data_quality_monitoring: ["ml_engineer", "data_scientist"],
  bias_monitoring: ["risk_compliance"],
  alerting_incidents: ["ml_engineer", "business_ops", "ciso_devsec"],
  reporting: ["business_ops", "executive", "finance", "risk_compliance"],
  documentation_audit: ["risk_compliance", "ciso_devsec"],
  experiment_tracking: ["data_scientist"],
  hyperparameter_tuning: ["data_scientist"],
  deployment: ["ml_engineer", "ciso_devsec"],
  retraining_automation: ["ml_engineer", "data_scientist"],
  explainability: ["risk_compliance", "business_ops", "data_scientist"],
};

/** Dependency order used as the first tie-breaker (lower first). */
export const DEPENDENCY_RANK: Record<BlueprintComponent, number> = {
  model_registry_ownership: 0,
  performance_monitoring: 1,
  drift_monitoring: 1,
  data_quality_monitoring: 1,
  alerting_incidents: 2,
  reporting: 3,
  documentation_audit: 4,
  bias_monitoring: 5,
  experiment_tracking: 5,
  hyperparameter_tuning: 5,
  deployment: 5,
  retraining_automation: 5,
  explainability: 5,
};

const REGISTRY: BlueprintComponent[] = ["model_registry_ownership"];
const MONITORS: BlueprintComponent[] = [
  "performance_monitoring",
  "drift_monitoring",
  "data_quality_monitoring",
];

/** Prerequisite groups: a group is met when any member has coverage ≥ the ruleset minimum. */
export const PREREQUISITES: Partial<Record<BlueprintComponent, BlueprintComponent[][]>> = {
  performance_monitoring: [REGISTRY],
  drift_monitoring: [REGISTRY],
  data_quality_monitoring: [REGISTRY],
  bias_monitoring: [REGISTRY],
  alerting_incidents: [REGISTRY, MONITORS],
  reporting: [REGISTRY],
  documentation_audit: [REGISTRY],
  retraining_automation: [REGISTRY, ["drift_monitoring", "performance_monitoring"]],
  explainability: [REGISTRY],
};

const PHASE_ORDER: Record<BlueprintPhase, number> = { now: 0, next: 1, later: 2, maintain: -1 };
const PRIORITY_EPSILON = 1e-9;

/** Scores, ranks and phases every blueprint component (§4.3). */
export function prioritiseBlueprint(input: BlueprintInput): BlueprintItem[] {
  const items = BLUEPRINT_COMPONENTS.map((component) => buildItem(component, input));
  const userRank = new Map((input.questionnaire.priorities ?? []).map((p) => [p.component, p.rank]));
  const ranked = items
    .filter((i) => i.status === "partial" || i.status === "gap")
    .sort((a, b) => compareItems(a, b, userRank));
  const { nowSize, nextSize } = input.ruleset.blueprint;
  ranked.forEach((item, index) => {
    item.rank = index + 1;
    item.phase = index < nowSize ? "now" : index < nowSize + nextSize ? "next" : "later";
    item.reasons.unshift(
      `rank ${index + 1} by priority ${formatPriority(item.priority)} = importance ${item.importance} × (1 − coverage ${formatPriority(item.coverage)})`,
    );
  });
  const byComponent = new Map(items.map((i) => [i.component, i]));
  applyPrerequisites(ranked, byComponent, input.ruleset.blueprint.prerequisiteCoverageMin);
  if (input.questionnaire.constraints.euExposure && input.facts.models.highRisk > 0)
    applyForcedNow(
      ["documentation_audit", "alerting_incidents"],
      byComponent,
      input.ruleset.blueprint.prerequisiteCoverageMin,
    );
  return items;
}

function buildItem(component: BlueprintComponent, input: BlueprintInput): BlueprintItem {
  const { coverage, evidence } = computeComponentCoverage(component, input);
  const status = deriveComponentStatus(component, coverage, input);
  const { importance, reasons } = computeImportance(component, input);
  const item: BlueprintItem = {
    component,
    blogTerm: BLOG_TERM[component],
    status,
    coverage,
    importance,
    // Rounded so float noise (5 × (1 − 0.7)) cannot decide a tie.
    priority: status === "not_needed" ? 0 : Math.round(importance * (1 - coverage) * 1e6) / 1e6,
    rank: null,
    phase: status === "covered" ? "maintain" : "later",
    reasons,
    servesStakeholders: SERVES[component],
    evidence,
  };
  if (status === "covered")
    item.reasons.unshift(
      `covered (${formatPriority(coverage)} ≥ ${input.ruleset.blueprint.coveredAt}): maintain`,
    );
  if (status === "not_needed")
    item.reasons.unshift("not needed: no sensitive attributes, not regulated, no high-risk models");
  return item;
}

function compareItems(a: BlueprintItem, b: BlueprintItem, userRank: Map<BlueprintComponent, number>): number {
  if (Math.abs(a.priority - b.priority) > PRIORITY_EPSILON) return b.priority - a.priority;
  const dep = DEPENDENCY_RANK[a.component] - DEPENDENCY_RANK[b.component];
  if (dep !== 0) return dep;
  const user = (userRank.get(a.component) ?? Infinity) - (userRank.get(b.component) ?? Infinity);
  if (user !== 0 && !Number.isNaN(user)) return user;
  return BLUEPRINT_COMPONENTS.indexOf(a.component) - BLUEPRINT_COMPONENTS.indexOf(b.component);
}

function applyPrerequisites(
  ranked: BlueprintItem[],
  byComponent: Map<BlueprintComponent, BlueprintItem>,
  min: number,
): void {
  // Repeat until stable so chains (registry → monitors → alerting) propagate.
  for (let pass = 0; pass < ranked.length; pass++) {
    let changed = false;
    for (const item of ranked) {
      for (const group of PREREQUISITES[item.component] ?? []) {
        const members = group.map((c) => byComponent.get(c)!);
        if (members.some((m) => m.coverage >= min)) continue;
        const earliest = Math.min(...members.map((m) => PHASE_ORDER[m.phase]));
        if (PHASE_ORDER[item.phase] < earliest) {
          const held = (Object.keys(PHASE_ORDER) as BlueprintPhase[]).find(
            (p) => PHASE_ORDER[p] === earliest,
          )!;
          item.reasons.push(`held back to ${held}: prerequisite ${group.join(" / ")} has coverage < ${min}`);
          item.phase = held;
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

function applyForcedNow(
  components: BlueprintComponent[],
  byComponent: Map<BlueprintComponent, BlueprintItem>,
  min: number,
): void {
  for (const component of components) {
    const item = byComponent.get(component)!;
    if (item.status === "covered" || item.phase === "now") continue;
    item.phase = "now";
    item.reasons.push("forced into Now: EU exposure with high-risk models");
    for (const group of PREREQUISITES[component] ?? []) {
      const members = group.map((c) => byComponent.get(c)!);
      if (members.some((m) => m.coverage >= min || m.phase === "now")) continue;
      const lead = [...members].sort((a, b) => b.priority - a.priority)[0]!;
      lead.phase = "now";
      lead.reasons.push(`pulled into Now as prerequisite of forced ${component}`);
    }
  }
}

function formatPriority(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The components in a phase, in ranking order. */
export function selectPhase(items: BlueprintItem[], phase: BlueprintPhase): BlueprintComponent[] {
  return items
    .filter((i) => i.phase === phase)
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        BLUEPRINT_COMPONENTS.indexOf(a.component) - BLUEPRINT_COMPONENTS.indexOf(b.component),
    )
    .map((i) => i.component);
}
