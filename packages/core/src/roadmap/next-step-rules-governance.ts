/**
 * Next-step rules for governance and organisation (ROADMAP.md §4.8): N-CARD, N-PMM, N-RET, N-INC,
 * N-AUDIT, N-FEEDBACK, N-RPT, N-STK, N-AUTO, N-EVAL, N-INGEST-MODE, N-DATA-TYPE.
 */

import { selectLevel } from "./maturity.js";
import { countMissing, isBelow, toEvidence } from "./next-step-draft.js";
import type { NextStepRuleInput, NextStepSpec } from "./next-step-draft.js";
import { formatRatio } from "./ratio.js";
import { selectMissingArticleRoles } from "./stakeholders.js";
import type { BlueprintComponent, StakeholderRole } from "./types.js";

export function addGovernanceSteps(i: NextStepRuleInput, add: (s: NextStepSpec) => void): void {
  const f = i.facts;
  const doc = f.documentation;
  if (isBelow(doc.prodWithCompleteCard, i.ruleset.maturity.high)) {
    const fields = i.supplement.missingCardFields ?? [];
    add({
      ruleId: "N-CARD",
      title: `Complete model cards for ${countMissing(doc.prodWithCompleteCard)} models${fields.length > 0 ? ` (missing: ${fields.join(", ")})` : ""}`,
      why: `${formatRatio(doc.prodWithCompleteCard)} of production models have a card at least 80% complete.`,
      blogStep: 3,
      dimension: "D7",
      stakeholder: "risk_compliance",
      effort: "M",
      impact: 3,
      link: "/models?filter=incomplete-card",
      component: "documentation_audit",
      evidence: [toEvidence("facts.documentation.prodWithCompleteCard", doc.prodWithCompleteCard)],
    });
  }
  if (f.models.highRisk > 0 && isBelow(doc.highRiskWithPmmPlan, 1))
    add({
      ruleId: "N-PMM",
      title: `Generate a post-market monitoring plan for ${countMissing(doc.highRiskWithPmmPlan)} high-risk models`,
      why: `${formatRatio(doc.highRiskWithPmmPlan)} of high-risk models have a PMM plan (AI Act Art. 72).`,
      blogStep: 3,
      dimension: "D7",
      stakeholder: "risk_compliance",
      effort: "M",
      impact: 4,
      link: "/compliance/pmm",
      component: "documentation_audit",
      evidence: [toEvidence("facts.documentation.highRiskWithPmmPlan", doc.highRiskWithPmmPlan)],
    });
  const days = f.governance.predictionLogRetentionDays.high;
  if (f.models.highRisk > 0 && days < i.ruleset.regulatory.predictionRetentionDays)
    add({
      ruleId: "N-RET",
      title: "Raise prediction-log retention to ≥ 6 months",
      why: `High-risk prediction logs are kept ${days} days; at least ${i.ruleset.regulatory.predictionRetentionDays} are required (AI Act Art. 19, 26(6)).`,
      blogStep: 3,
      dimension: "D7",
      stakeholder: "ciso_devsec",
      effort: "S",
      impact: 4,
      link: "/settings/retention",
      component: "documentation_audit",
      evidence: [toEvidence("facts.governance.predictionLogRetentionDays.high", days)],
    });
  if (f.incidents.overdueReports > 0)
    add({
      ruleId: "N-INC",
      title: `${f.incidents.overdueReports} serious-incident reports overdue (deadline ${i.supplement.earliestOverdueDeadline ?? "passed"})`,
      why: "Serious incidents must be reported within the legal deadline (AI Act Art. 73).",
      blogStep: 3,
      dimension: "D3",
      stakeholder: "risk_compliance",
      effort: "S",
      impact: 5,
      link: "/incidents",
      component: "alerting_incidents",
      overdue: true,
      evidence: [toEvidence("facts.incidents.overdueReports", f.incidents.overdueReports)],
    });
  if (!f.governance.auditLogEnabled || f.governance.auditChainValid !== true)
    add({
      ruleId: "N-AUDIT",
      title: f.governance.auditLogEnabled
        ? "Investigate the broken audit-log hash chain"
        : "Enable the audit log",
      why: "Changes to models and monitors must be traceable (AI Act Art. 12).",
      blogStep: 3,
      dimension: "D7",
      stakeholder: "ciso_devsec",
      effort: "S",
      impact: 4,
      link: "/settings/audit",
      component: "documentation_audit",
      evidence: [
        toEvidence("facts.governance.auditLogEnabled", f.governance.auditLogEnabled),
        toEvidence("facts.governance.auditChainValid", f.governance.auditChainValid),
      ],
    });
  if (f.models.highRisk > 0 && isBelow(f.governance.feedbackEndpointEnabled, 1))
    add({
      ruleId: "N-FEEDBACK",
      title: `Enable the feedback endpoint for ${countMissing(f.governance.feedbackEndpointEnabled)} high-risk models`,
      why: "Post-market monitoring needs feedback from users and deployers.",
      blogStep: 3,
      dimension: "D7",
      stakeholder: "risk_compliance",
      effort: "M",
      impact: 3,
      link: "/settings/feedback",
      component: "documentation_audit",
      evidence: [
        toEvidence("facts.governance.feedbackEndpointEnabled", f.governance.feedbackEndpointEnabled),
      ],
    });
}

const MONTHLY_ROLES: StakeholderRole[] = ["executive", "business_ops", "finance"];
const OUT_OF_PLATFORM: BlueprintComponent[] = ["experiment_tracking", "hyperparameter_tuning", "deployment"];

/** Reporting, stakeholder, automation, evaluation and discrepancy rules. */
export function addOrganisationSteps(i: NextStepRuleInput, add: (s: NextStepSpec) => void): void {
  for (const role of [...new Set(i.questionnaire.stakeholders.map((s) => s.role))].filter(
    (r) => !i.facts.reporting.recipientRoles.includes(r),
  ))
    add({
      id: `N-RPT:${role}`,
      ruleId: "N-RPT",
      title: `Schedule a ${MONTHLY_ROLES.includes(role) ? "monthly" : "weekly"} report for ${role}`,
      why: `${role} is a declared stakeholder but receives no report.`,
      blogStep: 3,
      dimension: "D9",
      stakeholder: role,
      effort: "S",
      impact: 3,
      link: "/reports/new",
      component: "reporting",
      evidence: [toEvidence("facts.reporting.recipientRoles", i.facts.reporting.recipientRoles)],
    });
  for (const role of selectMissingArticleRoles(i.questionnaire))
    add({
      id: `N-STK:${role}`,
      ruleId: "N-STK",
      title: `Name a ${role} stakeholder and agree their success metric`,
      why: "Each stakeholder measures success differently (F1, bias rate, conversion); unnamed ones are not served.",
      blogStep: 1,
      dimension: null,
      stakeholder: role,
      effort: "S",
      impact: 2,
      link: "/roadmap/questionnaire#stakeholders",
      component: null,
      evidence: [
        toEvidence(
          "questionnaire.stakeholders.roles",
          i.questionnaire.stakeholders.map((s) => s.role),
        ),
      ],
    });
  const d8 = selectLevel(i.dimensions, "D8");
  const capacityWarn = i.needs.capacitySignals.some((c) => c.severity === "warn");
  if (d8 !== null && d8 <= 1 && capacityWarn)
    add({
      ruleId: "N-AUTO",
      title: "Register versions from CI and add retraining triggers (Google L1)",
      why: "Headcount plans will not carry manual releases.",
      blogStep: 3,
      dimension: "D8",
      stakeholder: "ml_engineer",
      effort: "L",
      impact: 4,
      link: "/docs/ci-registration",
      component: "retraining_automation",
      evidence: [
        toEvidence("dimensions.D8.level", d8),
        toEvidence(
          "needs.capacitySignals",
          i.needs.capacitySignals.map((c) => c.id),
        ),
      ],
    });
  if (i.questionnaire.constraints.buildVsBuyLean === "undecided")
    for (const item of i.blueprint.filter(
      (b) => OUT_OF_PLATFORM.includes(b.component) && (b.status === "gap" || b.status === "partial"),
    ))
      add({
        id: `N-EVAL:${item.component}`,
        ruleId: "N-EVAL",
        title: `Start a tool evaluation for ${item.component}: longlist → 3–4 → 2`,
        why: `${item.component} is a ${item.status} and build vs buy is undecided.`,
        blogStep: 4,
        dimension: null,
        stakeholder: "ml_engineer",
        effort: "M",
        impact: 3,
        link: "/roadmap/evaluations/new",
        component: item.component,
        evidence: [toEvidence(`blueprint.${item.component}.coverage`, item.coverage)],
      });
  for (const d of i.needs.discrepancies.filter((x) => x.id === "D-MODE" || x.id === "D-TYPE")) {
    const mode = d.id === "D-MODE";
    add({
      id: `${mode ? "N-INGEST-MODE" : "N-DATA-TYPE"}:${String(d.declared)}`,
      ruleId: mode ? "N-INGEST-MODE" : "N-DATA-TYPE",
      title: mode
        ? `Connect ${String(d.declared)} ingestion`
        : `Register ${String(d.declared)} features in the schema and add a drift monitor for them`,
      why: d.text,
      blogStep: 2,
      dimension: mode ? "D2" : "D5",
      stakeholder: mode ? "ml_engineer" : "data_scientist",
      effort: "M",
      impact: 3,
      link: mode ? "/docs/ingestion" : "/models?filter=schema",
      component: mode ? null : "drift_monitoring",
      evidence: [toEvidence("needs.discrepancies", d)],
    });
  }
}
