/**
 * Coverage, status band and importance of each blueprint component (ROADMAP.md §4.3): in-platform
 * components from coverage ratios, out-of-platform ones from `existingTools`, importance = base +
 * modifiers clamped to [1, 7], each modifier with its reason.
 */

import type { FactsSupplement } from "./facts-supplement.js";
import { toCoverage, toRatio } from "./ratio.js";
import type { PortfolioSignals } from "./portfolio-signals.js";
import type { RoadmapRuleset } from "./ruleset.js";
import type { BlueprintComponent, ObservedFacts, Ratio, RoadmapQuestionnaire } from "./types.js";

/** Inputs shared by the blueprint functions. */
export interface BlueprintInput {
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  ruleset: RoadmapRuleset;
  signals: PortfolioSignals;
  supplement?: FactsSupplement;
  capacityWarning: boolean;
}

/** Coverage of one component with the facts behind it. */
export interface ComponentCoverage {
  coverage: number;
  evidence: Record<string, Ratio | number | boolean>;
}

/** Coverage of a component in [0, 1]. */
export function computeComponentCoverage(
  component: BlueprintComponent,
  input: BlueprintInput,
): ComponentCoverage {
  const { facts: f } = input;
  const ratioOf = (key: string, r: Ratio): ComponentCoverage => ({
    coverage: toCoverage(r),
    evidence: { [key]: r },
  });
  switch (component) {
    case "model_registry_ownership":
      return ratioOf("facts.models.withOwner", f.models.withOwner);
    case "performance_monitoring":
      return ratioOf("facts.monitoring.performance", f.monitoring.performance);
    case "drift_monitoring":
      return ratioOf("facts.monitoring.drift", f.monitoring.drift);
    case "data_quality_monitoring":
      return ratioOf("facts.monitoring.dataQuality", f.monitoring.dataQuality);
    case "bias_monitoring":
      return ratioOf("facts.monitoring.bias", f.monitoring.bias);
    case "alerting_incidents":
      return ratioOf("facts.alerting.routedCoverage", f.alerting.routedCoverage);
    case "reporting":
      return ratioOf("derived.declaredRolesCovered", computeDeclaredRolesCovered(input.questionnaire, f));
    case "documentation_audit": {
      const card = toCoverage(f.documentation.prodWithCompleteCard);
      return {
        coverage: card * (f.governance.auditLogEnabled ? 1 : 0.5),
        evidence: {
          "facts.documentation.prodWithCompleteCard": f.documentation.prodWithCompleteCard,
          "facts.governance.auditLogEnabled": f.governance.auditLogEnabled,
        },
      };
    }
    case "retraining_automation": {
      const triggered = f.versions.triggeredBy.drift + f.versions.triggeredBy.performance;
      return {
        coverage: triggered >= 1 ? 1 : toCoverage(f.versions.viaCi) * 0.5,
        evidence: {
          "facts.versions.triggeredBy.drift+performance": triggered,
          "facts.versions.viaCi": f.versions.viaCi,
        },
      };
    }
    case "explainability": {
      const r = input.supplement?.explainability ?? toRatio(0, f.models.production);
      return ratioOf("supplement.explainability", r);
    }
    default:
      return computeToolCoverage(component, input.questionnaire);
  }
}

/** Declared stakeholder roles that receive a report, over declared roles. */
export function computeDeclaredRolesCovered(q: RoadmapQuestionnaire, f: ObservedFacts): Ratio {
  const roles = new Set(q.stakeholders.map((s) => s.role));
  const covered = [...roles].filter((r) => f.reporting.recipientRoles.includes(r)).length;
  return toRatio(covered, roles.size);
}

function computeToolCoverage(component: BlueprintComponent, q: RoadmapQuestionnaire): ComponentCoverage {
  const tools = q.existingTools.filter((t) => t.component === component);
  const satisfied = tools.some((t) => t.satisfied);
  const coverage = satisfied ? 1 : tools.length > 0 ? 0.5 : 0;
  return {
    coverage,
    evidence: {
      "questionnaire.existingTools.count": tools.length,
      "questionnaire.existingTools.satisfied": satisfied,
    },
  };
}

/** Status band of a component. */
export function deriveComponentStatus(
  component: BlueprintComponent,
  coverage: number,
  input: BlueprintInput,
): "covered" | "partial" | "gap" | "not_needed" {
  if (component === "bias_monitoring" && !input.signals.biasRelevant) return "not_needed";
  if (coverage >= input.ruleset.blueprint.coveredAt) return "covered";
  return coverage > 0 ? "partial" : "gap";
}

/** Importance (1–7) with one reason per modifier that applied. */
export function computeImportance(
  component: BlueprintComponent,
  input: BlueprintInput,
): { importance: number; reasons: string[] } {
  const s = input.signals;
  const q = input.questionnaire;
  const base = input.ruleset.blueprint.baseImportance[component];
  const reasons: string[] = [];
  let value = base;
  const mod = (when: boolean, delta: number, why: string): void => {
    if (!when) return;
    value += delta;
    reasons.push(`${delta > 0 ? "+" : "−"}${Math.abs(delta)}: ${why}`);
  };
  const latency = q.needs.groundTruthLatency;
  switch (component) {
    case "model_registry_ownership":
      mod(
        s.prod >= input.ruleset.strategy.manyModels || s.ownershipUnclear,
        1,
        "many production models or unclear ownership (prerequisite for everything)",
      );
      break;
    case "performance_monitoring":
      mod(
        s.labelsLate,
        -2,
        `labels arrive late (${latency}): performance can only be measured after the fact, drift leads`,
      );
      mod(s.coreProduct, 1, "core product");
      break;
    case "drift_monitoring":
      mod(s.labelsLate, 1, `labels arrive late (${latency}): drift is the leading indicator`);
      mod(s.unstructuredData, 1, "text, image or embeddings data");
      break;
    case "data_quality_monitoring":
      mod(s.realtimeOrStreaming, 1, "realtime or streaming inference");
      mod(s.labelsLate, 1, `labels arrive late (${latency})`);
      break;
    case "alerting_incidents":
      mod(s.coreProduct, 1, "core product");
      mod(s.regulated, 1, "regulated (Art. 73 reporting clock)");
      break;
    case "reporting":
      mod(s.coreProduct, 1, "core product (real-time reports)");
      mod(
        new Set(q.stakeholders.map((x) => x.role)).size >= 3,
        1,
        "three or more declared stakeholder roles",
      );
      break;
    case "bias_monitoring":
      mod(s.regulated, 3, "regulated or high-risk use cases");
      mod(
        q.stakeholders.some((x) => x.role === "risk_compliance"),
        1,
        "a risk & compliance stakeholder is declared",
      );
      break;
    case "documentation_audit":
      mod(q.constraints.euExposure && s.regulated, 3, "EU exposure and regulated use cases");
      mod(q.constraints.aiActRole === "provider" || q.constraints.aiActRole === "both", 1, "AI Act provider");
      break;
    case "retraining_automation":
      mod(
        q.needs.newModelsPerQuarter >= input.ruleset.strategy.modelPacePerQuarter || input.capacityWarning,
        1,
        "high model pace or a capacity warning",
      );
      break;
    case "experiment_tracking":
      mod(
        s.ds12 >= input.ruleset.blueprint.experimentTrackingDs12,
        1,
        `data-science headcount grows to ${s.ds12}`,
      );
      break;
    case "deployment":
      mod(s.realtimeOrStreaming, 1, "realtime or streaming inference");
      break;
    case "explainability":
      mod(s.regulatedForExplainability, 2, "regulated credit, employment or insurance decisions");
      break;
    case "hyperparameter_tuning":
      break;
  }
  return { importance: Math.min(7, Math.max(1, value)), reasons };
}
