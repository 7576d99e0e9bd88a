/**
 * Stakeholder scorecard (ROADMAP.md §4.5): per declared stakeholder, defined + tracked + reported +
 * alerted (0–4). Without a supplied metric coverage, "tracked" uses the role's default measure
 * (F1 → performance, ML eng → operational, risk → bias, business → KPI link, CISO → residency + RBAC + audit).
 */

import type { FactsSupplement } from "./facts-supplement.js";
import { isRatioAtLeast, toRatio } from "./ratio.js";
import type { RoadmapRuleset } from "./ruleset.js";
import { ARTICLE_ROLES } from "./types.js";
import type {
  Evidence,
  ObservedFacts,
  Ratio,
  RoadmapQuestionnaire,
  StakeholderAnswer,
  StakeholderRole,
} from "./types.js";

/** One scorecard row (§5 shape plus evidence and alert applicability). */
export interface StakeholderScore {
  role: StakeholderRole;
  name?: string;
  successMetric: string;
  defined: boolean;
  tracked: boolean;
  reported: boolean;
  alerted: boolean;
  alertingApplicable: boolean;
  score: number;
  evidence: Evidence[];
}

/** Inputs of `scoreStakeholders`. */
export interface StakeholderInput {
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  ruleset: RoadmapRuleset;
  supplement?: FactsSupplement;
}

// Finance and executives read reports; they are not paged.
const ALERT_ROLES: StakeholderRole[] = [
  "data_scientist",
  "ml_engineer",
  "business_ops",
  "ciso_devsec",
  "risk_compliance",
];

/** Scores every declared stakeholder (§4.5). */
export function scoreStakeholders(input: StakeholderInput): StakeholderScore[] {
  return input.questionnaire.stakeholders.map((s) => scoreStakeholder(s, input));
}

function scoreStakeholder(s: StakeholderAnswer, input: StakeholderInput): StakeholderScore {
  const { facts } = input;
  const tracked = deriveTracked(s, input);
  const reported = facts.reporting.recipientRoles.includes(s.role);
  const alertingApplicable = ALERT_ROLES.includes(s.role);
  const alertRoles = input.supplement?.alertRouteRoles;
  const alerted = !alertingApplicable || (alertRoles?.includes(s.role) ?? false);
  const defined = s.metricKey !== undefined && s.metricKey.trim() !== "";
  const out: StakeholderScore = {
    role: s.role,
    successMetric: s.successMetric,
    defined,
    tracked: tracked.value,
    reported,
    alerted,
    alertingApplicable,
    score: [defined, tracked.value, reported, alerted].filter(Boolean).length,
    evidence: [
      { fact: "questionnaire.stakeholders.metricKey", value: s.metricKey ?? null },
      ...tracked.evidence,
      { fact: "facts.reporting.recipientRoles", value: facts.reporting.recipientRoles },
      {
        fact: "supplement.alertRouteRoles",
        value: alertingApplicable ? (alertRoles ?? "not observed") : "not applicable",
      },
    ],
  };
  if (s.name !== undefined) out.name = s.name;
  return out;
}

function deriveTracked(
  s: StakeholderAnswer,
  input: StakeholderInput,
): { value: boolean; evidence: Evidence[] } {
  const { facts, questionnaire: q, supplement } = input;
  const high = input.ruleset.maturity.high;
  if (s.role === "ciso_devsec") {
    const residency = isResidencySatisfied(q.constraints.dataResidency, facts.governance.deploymentMode);
    const value =
      facts.governance.deploymentMode !== "unknown" &&
      residency &&
      facts.governance.rbacEnabled &&
      facts.governance.auditLogEnabled;
    return {
      value,
      evidence: [
        { fact: "facts.governance.deploymentMode", value: facts.governance.deploymentMode },
        { fact: "questionnaire.constraints.dataResidency", value: q.constraints.dataResidency },
        { fact: "facts.governance.rbacEnabled", value: facts.governance.rbacEnabled },
        { fact: "facts.governance.auditLogEnabled", value: facts.governance.auditLogEnabled },
      ],
    };
  }
  if (s.role === "finance") {
    const value = supplement?.costMetricTracked ?? false;
    return {
      value,
      evidence: [
        { fact: "supplement.costMetricTracked", value: supplement?.costMetricTracked ?? "not observed" },
      ],
    };
  }
  const supplied = s.metricKey === undefined ? undefined : supplement?.metricKeyCoverage?.[s.metricKey];
  if (supplied !== undefined)
    return {
      value: isRatioAtLeast(supplied, high),
      evidence: [{ fact: `supplement.metricKeyCoverage.${s.metricKey ?? ""}`, value: supplied }],
    };
  const proxy = selectRoleDefaultCoverage(s.role, facts, supplement);
  return { value: isRatioAtLeast(proxy.value, high), evidence: [{ fact: proxy.fact, value: proxy.value }] };
}

function selectRoleDefaultCoverage(
  role: StakeholderRole,
  facts: ObservedFacts,
  supplement: FactsSupplement | undefined,
): { fact: string; value: Ratio } {
  switch (role) {
    case "ml_engineer":
      return { fact: "facts.monitoring.operational", value: facts.monitoring.operational };
    case "risk_compliance":
      return { fact: "facts.monitoring.bias", value: facts.monitoring.bias };
    case "business_ops":
    case "executive":
      return { fact: "supplement.businessKpiLinked", value: supplement?.businessKpiLinked ?? toRatio(0, 0) };
    default:
      return { fact: "facts.monitoring.performance", value: facts.monitoring.performance };
  }
}

/** Whether the deployment satisfies the declared data-residency constraint. */
export function isResidencySatisfied(
  residency: RoadmapQuestionnaire["constraints"]["dataResidency"],
  mode: ObservedFacts["governance"]["deploymentMode"],
): boolean {
  if (residency === "on_premises_only" || residency === "air_gapped") return mode === "self_hosted_onprem";
  if (residency === "own_cloud_account") return mode !== "unknown";
  return true;
}

/** Article roles (six) that no declared stakeholder covers. */
export function selectMissingArticleRoles(q: RoadmapQuestionnaire): StakeholderRole[] {
  const declared = new Set(q.stakeholders.map((s) => s.role));
  return ARTICLE_ROLES.filter((r) => !declared.has(r));
}
