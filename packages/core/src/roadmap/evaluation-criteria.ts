/**
 * Default criteria and weights of a tool evaluation (ROADMAP.md §4.7): one per Thoughtworks matrix
 * row, the article's step-5 checks, monitoring detail, security and one per declared stakeholder role.
 * Weight 3/2/1 for a mapped component in Now/Next/Later (maintain counts as Later), 0 if not needed.
 */

import type { BlueprintItem } from "./blueprint.js";
import type { PortfolioSignals } from "./portfolio-signals.js";
import type { RoadmapRuleset } from "./ruleset.js";
import type { EvalCriterion } from "./tool-evaluation-types.js";
import type { BlueprintComponent, RoadmapQuestionnaire } from "./types.js";

type Row = [id: string, label: string, components: BlueprintComponent[]];

const TW: Row[] = [
  ["tw.product_focus", "Product Focus", []],
  ["tw.recent_activity", "Recent Activity", []],
  ["tw.pricing_model", "Pricing – OSS, per-model etc.", []],
  ["tw.data_preparation", "Data Preparation", []],
  ["tw.model_training", "Model Training", ["hyperparameter_tuning", "experiment_tracking"]],
  ["tw.model_deployment", "Model Deployment", ["deployment"]],
  ["tw.scaling_predictions", "Scaling Predictions", ["deployment"]],
  ["tw.performance_monitoring", "Model Performance and Basic Monitoring", ["performance_monitoring"]],
  [
    "tw.data_insights_monitoring",
    "Data and Insights Monitoring",
    ["drift_monitoring", "data_quality_monitoring", "explainability"],
  ],
  ["tw.model_governance", "Model Governance", ["model_registry_ownership"]],
  ["tw.data_governance", "Data Governance", ["documentation_audit"]],
  ["tw.continuous_delivery", "Continuous Delivery", ["retraining_automation"]],
  ["tw.collaboration", "Collaboration Features", []],
  ["tw.self_install", "Self-install Support", []],
  ["tw.cloud_saas", "Cloud/SaaS Support", []],
];

const SW: [string, string][] = [
  ["sw.rnd_roadmap", "Vendor R&D roadmap examined and matches our 12-month needs"],
  ["sw.seen_in_action", "Tested on our real use case"],
  ["sw.support_responsiveness", "Support responsiveness (measured during the PoC)"],
  ["sw.integration_agnostic", "Framework- and cloud-agnostic vs vendor lock-in"],
  ["sw.pricing_transparency", "Pricing transparency"],
];

const MON: Row[] = [
  ["mon.delayed_ground_truth", "Delayed ground truth", ["performance_monitoring"]],
  ["mon.segment_slice_analysis", "Segment / slice analysis", ["performance_monitoring"]],
  ["mon.unstructured_drift", "Unstructured drift (text, image, embeddings)", ["drift_monitoring"]],
  ["mon.streaming_ingestion", "Streaming ingestion", []],
  ["mon.batch_ingestion", "Batch ingestion", []],
  ["mon.bias_metrics", "Bias metrics", ["bias_monitoring"]],
  ["mon.alert_routing_integrations", "Alert routing integrations", ["alerting_incidents"]],
  ["mon.report_export", "Report export", ["reporting"]],
  ["mon.explainability", "Explainability", ["explainability"]],
];

const PHASE_WEIGHT = { now: 3, next: 2, later: 1, maintain: 1 } as const;

/** Default weight from the earliest phase among the mapped components (0 when all are not needed). */
export function deriveMappedWeight(
  components: BlueprintComponent[],
  blueprint: BlueprintItem[],
): { weight: 0 | 1 | 2 | 3; mapsTo?: BlueprintComponent } {
  if (components.length === 0) return { weight: 1 };
  const items = components
    .map((c) => blueprint.find((b) => b.component === c))
    .filter((b): b is BlueprintItem => b !== undefined);
  const needed = items.filter((b) => b.status !== "not_needed");
  if (needed.length === 0)
    return { weight: 0, ...(components[0] === undefined ? {} : { mapsTo: components[0] }) };
  const best = needed.reduce((a, b) => (PHASE_WEIGHT[b.phase] > PHASE_WEIGHT[a.phase] ? b : a));
  return { weight: PHASE_WEIGHT[best.phase], mapsTo: best.component };
}

/** Inputs of `buildDefaultCriteria`. */
export interface CriteriaInput {
  questionnaire: RoadmapQuestionnaire;
  blueprint: BlueprintItem[];
  signals: PortfolioSignals;
  ruleset: RoadmapRuleset;
}

/** The default criteria with their default weights and knockouts. */
export function buildDefaultCriteria(input: CriteriaInput): EvalCriterion[] {
  const mapped = (
    id: string,
    label: string,
    components: BlueprintComponent[],
    group: EvalCriterion["group"],
    source: EvalCriterion["source"],
  ): EvalCriterion => ({ id, label, group, source, ...deriveMappedWeight(components, input.blueprint) });
  const out: EvalCriterion[] = [
    ...TW.map(([id, label, c]) =>
      mapped(id, label, c, c.length === 0 ? "vendor" : "capability", "thoughtworks_matrix"),
    ),
    ...SW.map(([id, label]): EvalCriterion => ({
      id,
      label,
      group: "vendor",
      source: "superwise_step5",
      weight: 2,
    })),
    ...MON.map(([id, label, c]) => mapped(id, label, c, "monitoring", "monitoring_detail")),
  ];
  const secWeight = input.signals.regulated ? 3 : 2;
  const residency = input.questionnaire.constraints.dataResidency;
  const dataResidency: EvalCriterion = {
    id: "sec.data_residency",
    label: `Data residency (${residency})`,
    group: "security",
    source: "security",
    weight: secWeight,
  };
  if (residency === "on_premises_only" || residency === "air_gapped")
    dataResidency.knockout = {
      minScore: input.ruleset.evaluation.residencyKnockoutMinScore,
      reason: `data must stay ${residency === "air_gapped" ? "in an air-gapped network" : "on premises"}`,
    };
  out.push(
    dataResidency,
    { id: "sec.sso_rbac", label: "SSO and RBAC", group: "security", source: "security", weight: secWeight },
    { id: "sec.audit_log", label: "Audit log", group: "security", source: "security", weight: secWeight },
  );
  const byRole = new Map<string, string[]>();
  for (const s of input.questionnaire.stakeholders)
    byRole.set(s.role, [...(byRole.get(s.role) ?? []), s.successMetric]);
  for (const [role, metrics] of byRole)
    out.push({
      id: `stk.${role}`,
      label: `Supports ${role}'s success measure (${metrics.join("; ")})`,
      group: "stakeholder",
      source: "stakeholder",
      weight: 2,
    });
  return out;
}

/** Applies user weight overrides and marks them. */
export function applyWeightOverrides(
  criteria: EvalCriterion[],
  overrides: Record<string, 0 | 1 | 2 | 3>,
): EvalCriterion[] {
  return criteria.map((c) => {
    const w = overrides[c.id];
    return w === undefined ? c : { ...c, weight: w, weightOverridden: true };
  });
}
