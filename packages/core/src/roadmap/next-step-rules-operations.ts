/**
 * Next-step rules for inventory and monitoring (ROADMAP.md §4.8): N-REG-UNREG, N-OWN, N-BOWN,
 * N-RISK-TIER, N-OVERSIGHT, N-MON-DQ, N-MON-PERF, N-MON-PROXY, N-ALERT, N-NOISE, N-STALE, N-BIAS.
 */

import { computeBiasRelevantModels } from "./dimension-rules-governance.js";
import { countMissing, isBelow, toEvidence } from "./next-step-draft.js";
import type { NextStepRuleInput, NextStepSpec } from "./next-step-draft.js";
import { formatRatio } from "./ratio.js";

export function addInventorySteps(i: NextStepRuleInput, add: (s: NextStepSpec) => void): void {
  const m = i.facts.models;
  const unreg = i.needs.discrepancies.find((d) => d.id === "D-UNREG");
  if (unreg) {
    const n = i.questionnaire.needs.modelsInProduction.now - m.production;
    add({
      ruleId: "N-REG-UNREG",
      title: `Register ${n} unregistered production models`,
      why: unreg.text,
      blogStep: 2,
      dimension: "D1",
      stakeholder: "ml_engineer",
      effort: "M",
      impact: 5,
      link: "/models/new",
      component: "model_registry_ownership",
      evidence: [
        toEvidence(
          "questionnaire.needs.modelsInProduction.now",
          i.questionnaire.needs.modelsInProduction.now,
        ),
        toEvidence("facts.models.production", m.production),
      ],
    });
  }
  if (isBelow(m.withOwner, 1)) {
    const names = i.supplement.modelsWithoutOwner ?? [];
    add({
      ruleId: "N-OWN",
      title: `Assign owners to ${countMissing(m.withOwner)} production models${names.length > 0 ? ` (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""})` : ""}`,
      why: `Only ${formatRatio(m.withOwner)} of production models have an owner: ownership is blurred.`,
      blogStep: 1,
      dimension: "D1",
      stakeholder: "business_ops",
      effort: "S",
      impact: 5,
      link: "/models?filter=no-owner",
      component: "model_registry_ownership",
      evidence: [toEvidence("facts.models.withOwner", m.withOwner)],
    });
  }
  if (isBelow(m.withBusinessOwner, i.ruleset.maturity.high))
    add({
      ruleId: "N-BOWN",
      title: `Name a business owner for ${countMissing(m.withBusinessOwner)} models`,
      why: `${formatRatio(m.withBusinessOwner)} have a business owner; who is responsible for the business process once a model is live?`,
      blogStep: 1,
      dimension: "D1",
      stakeholder: "business_ops",
      effort: "S",
      impact: 3,
      link: null,
      component: "model_registry_ownership",
      evidence: [toEvidence("facts.models.withBusinessOwner", m.withBusinessOwner)],
    });
  if (isBelow(m.withRiskTier, 1))
    add({
      ruleId: "N-RISK-TIER",
      title: `Assess the risk tier of ${countMissing(m.withRiskTier)} production models`,
      why: `${formatRatio(m.withRiskTier)} have a risk tier; obligations depend on it.`,
      blogStep: 3,
      dimension: "D1",
      stakeholder: "risk_compliance",
      effort: "S",
      impact: i.signals.regulated ? 4 : 2,
      link: "/models?filter=risk-unassessed",
      component: "model_registry_ownership",
      evidence: [toEvidence("facts.models.withRiskTier", m.withRiskTier)],
    });
  if (m.highRisk > 0) {
    const r = i.supplement.highRiskWithOversightUser;
    if (r === undefined || isBelow(r, 1))
      add({
        ruleId: "N-OVERSIGHT",
        title: `Assign a human-oversight user to ${r === undefined ? m.highRisk : countMissing(r)} high-risk models`,
        why: "High-risk models need a named person who can intervene (AI Act Art. 14).",
        blogStep: 1,
        dimension: "D1",
        stakeholder: "risk_compliance",
        effort: "S",
        impact: 4,
        link: "/models?filter=high-risk",
        component: "model_registry_ownership",
        evidence: [toEvidence("supplement.highRiskWithOversightUser", r ?? "not observed")],
      });
  }
}

/** Monitoring and alerting rules. */
export function addMonitoringSteps(i: NextStepRuleInput, add: (s: NextStepSpec) => void): void {
  const mon = i.facts.monitoring;
  const high = i.ruleset.maturity.high;
  const latency = i.questionnaire.needs.groundTruthLatency;
  if (isBelow(mon.dataQuality, high))
    add({
      ruleId: "N-MON-DQ",
      title: `Add data-quality monitors to ${countMissing(mon.dataQuality)} models (template: data-quality default)`,
      why: `${formatRatio(mon.dataQuality)} of production models have a data-quality monitor.`,
      blogStep: 3,
      dimension: "D5",
      stakeholder: "ml_engineer",
      effort: "S",
      impact: 4,
      link: "/monitors/new?type=dq",
      component: "data_quality_monitoring",
      evidence: [toEvidence("facts.monitoring.dataQuality", mon.dataQuality)],
    });
  if (isBelow(mon.performance, high) && i.signals.labelsAvailable)
    add({
      ruleId: "N-MON-PERF",
      title: `Connect ground-truth labels for ${countMissing(mon.performance)} models so performance (e.g. F1) is measured`,
      why: `Labels arrive within ${latency} but performance is measured for ${formatRatio(mon.performance)} of production models.`,
      blogStep: 3,
      dimension: "D2",
      stakeholder: "data_scientist",
      effort: "M",
      impact: 5,
      link: "/models?filter=no-ground-truth",
      component: "performance_monitoring",
      evidence: [
        toEvidence("facts.monitoring.performance", mon.performance),
        toEvidence("facts.monitoring.groundTruthCoverage", mon.groundTruthCoverage),
        toEvidence("questionnaire.needs.groundTruthLatency", latency),
      ],
    });
  if (i.signals.labelsLate)
    add({
      ruleId: "N-MON-PROXY",
      title: "Use drift and prediction-distribution monitors as leading indicators until labels arrive",
      why: `Labels arrive after ${latency === "never" ? "never" : "weeks"}: performance can only be measured late.`,
      blogStep: 3,
      dimension: "D2",
      stakeholder: "data_scientist",
      effort: "S",
      impact: 3,
      link: null,
      component: "drift_monitoring",
      evidence: [
        toEvidence("questionnaire.needs.groundTruthLatency", latency),
        toEvidence("facts.monitoring.drift", mon.drift),
      ],
    });
  if (isBelow(i.facts.alerting.routedCoverage, high))
    add({
      ruleId: "N-ALERT",
      title: `Attach an alert policy with a channel to ${countMissing(i.facts.alerting.routedCoverage)} models`,
      why: `${formatRatio(i.facts.alerting.routedCoverage)} of production models have a routed alert policy.`,
      blogStep: 3,
      dimension: "D3",
      stakeholder: "ml_engineer",
      effort: "S",
      impact: 4,
      link: "/alerts/policies/new",
      component: "alerting_incidents",
      evidence: [toEvidence("facts.alerting.routedCoverage", i.facts.alerting.routedCoverage)],
    });
  if (i.facts.alerting.noisyPolicies > 0)
    add({
      ruleId: "N-NOISE",
      title: `Tune ${i.facts.alerting.noisyPolicies} noisy alert policies (fired > 20/day)`,
      why: "Noisy alerts get ignored.",
      blogStep: 3,
      dimension: "D3",
      stakeholder: "ml_engineer",
      effort: "S",
      impact: 2,
      link: "/alerts/policies?filter=noisy",
      component: "alerting_incidents",
      evidence: [toEvidence("facts.alerting.noisyPolicies", i.facts.alerting.noisyPolicies)],
    });
  if (mon.staleMonitors > 0)
    add({
      ruleId: "N-STALE",
      title: `Fix ${mon.staleMonitors} monitors that have not run on schedule`,
      why: "A stale monitor looks healthy while it watches nothing.",
      blogStep: 3,
      dimension: "D2",
      stakeholder: "ml_engineer",
      effort: "S",
      impact: 3,
      link: "/monitors?filter=stale",
      component: "drift_monitoring",
      evidence: [toEvidence("facts.monitoring.staleMonitors", mon.staleMonitors)],
    });
  const relevant = computeBiasRelevantModels(i);
  const withBias = Math.min(mon.bias.num, relevant);
  if (i.signals.biasRelevant && withBias < relevant) {
    const risk = i.questionnaire.stakeholders.find((s) => s.role === "risk_compliance");
    add({
      ruleId: "N-BIAS",
      title: `Declare sensitive attributes and add bias monitors for ${relevant - withBias} models (risk owner: ${risk?.name ?? "unassigned"})`,
      why: `${withBias}/${relevant} bias-relevant models have a bias monitor.`,
      blogStep: 3,
      dimension: "D6",
      stakeholder: "risk_compliance",
      effort: "M",
      impact: 4,
      link: "/monitors/new?type=bias",
      component: "bias_monitoring",
      evidence: [
        toEvidence("facts.monitoring.bias", mon.bias),
        toEvidence("derived.biasRelevantModels", relevant),
      ],
    });
  }
}
