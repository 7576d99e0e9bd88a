/**
 * The fourteen automatic checks of the regulatory readiness checklist (ROADMAP.md §4.6) with their
 * NIST and AI Act anchors; a missing supplementary fact fails its check with "not observed".
 */

import type { FactsSupplement } from "./facts-supplement.js";
import type { DimensionScore } from "./maturity.js";
import { selectLevel } from "./maturity.js";
import type { Discrepancy } from "./needs.js";
import type { PortfolioSignals } from "./portfolio-signals.js";
import { isRatioAtLeast, toRatio } from "./ratio.js";
import type { RoadmapRuleset } from "./ruleset.js";
import type { Evidence, ObservedFacts, Ratio, RoadmapQuestionnaire } from "./types.js";

/** Inputs of `checkRegulatory`. */
export interface RegulatoryInput {
  facts: ObservedFacts;
  questionnaire: RoadmapQuestionnaire;
  ruleset: RoadmapRuleset;
  signals: PortfolioSignals;
  dimensions: DimensionScore[];
  discrepancies: Discrepancy[];
  supplement?: FactsSupplement;
}

export interface Outcome {
  status: "pass" | "fail" | "n/a";
  evidence: Evidence[];
}

export interface ItemDefinition {
  id: string;
  check: string;
  nist: string;
  euProvider: string;
  euDeployer?: string;
  candidates: string[];
  evaluate: (input: RegulatoryInput) => Outcome;
}

const NOT_OBSERVED = toRatio(0, 0);
const pass = (ok: boolean, evidence: Evidence[]): Outcome => ({ status: ok ? "pass" : "fail", evidence });
const ratioIsOne = (r: Ratio, whenEmpty = false): boolean => isRatioAtLeast(r, 1, whenEmpty);
const onlyWithHighRisk = (input: RegulatoryInput, outcome: () => Outcome): Outcome =>
  input.facts.models.highRisk > 0
    ? outcome()
    : { status: "n/a", evidence: [{ fact: "facts.models.highRisk", value: 0 }] };

/** The checklist R1–R14. */
export const REGULATORY_ITEMS: ItemDefinition[] = [
  {
    id: "R1",
    check: "No unregistered production models; every production model has a risk tier",
    nist: "NIST GOVERN 1.6",
    euProvider: "AI Act Art. 6 / Annex III",
    candidates: ["N-REG-UNREG", "N-RISK-TIER"],
    evaluate: (i) =>
      pass(!i.discrepancies.some((d) => d.id === "D-UNREG") && ratioIsOne(i.facts.models.withRiskTier), [
        { fact: "derived.discrepancies.D-UNREG", value: i.discrepancies.some((d) => d.id === "D-UNREG") },
        { fact: "facts.models.withRiskTier", value: i.facts.models.withRiskTier },
      ]),
  },
  {
    id: "R2",
    check:
      "Every production model has an owner and a business owner; high-risk models have an oversight user",
    nist: "NIST GOVERN 2.1",
    euProvider: "AI Act Art. 14, 26(2)",
    candidates: ["N-OWN", "N-BOWN", "N-OVERSIGHT"],
    evaluate: (i) => {
      const m = i.facts.models;
      const oversight =
        i.supplement?.highRiskWithOversightUser ?? (m.highRisk > 0 ? NOT_OBSERVED : toRatio(0, 0));
      return pass(
        ratioIsOne(m.withOwner) &&
          ratioIsOne(m.withBusinessOwner) &&
          (m.highRisk === 0 || ratioIsOne(oversight)),
        [
          { fact: "facts.models.withOwner", value: m.withOwner },
          { fact: "facts.models.withBusinessOwner", value: m.withBusinessOwner },
          {
            fact: "supplement.highRiskWithOversightUser",
            value: i.supplement?.highRiskWithOversightUser ?? "not observed",
          },
        ],
      );
    },
  },
  {
    id: "R3",
    check: "Audit log enabled and its hash chain valid",
    nist: "NIST MANAGE 4.1",
    euProvider: "AI Act Art. 12",
    candidates: ["N-AUDIT"],
    evaluate: (i) =>
      pass(i.facts.governance.auditLogEnabled && i.facts.governance.auditChainValid === true, [
        { fact: "facts.governance.auditLogEnabled", value: i.facts.governance.auditLogEnabled },
        { fact: "facts.governance.auditChainValid", value: i.facts.governance.auditChainValid },
      ]),
  },
  {
    id: "R4",
    check: "Prediction-log retention for high-risk models ≥ 183 days",
    nist: "NIST MANAGE 4.1",
    euProvider: "AI Act Art. 19, 26(6)",
    candidates: ["N-RET"],
    evaluate: (i) =>
      onlyWithHighRisk(i, () =>
        pass(
          i.facts.governance.predictionLogRetentionDays.high >= i.ruleset.regulatory.predictionRetentionDays,
          [
            {
              fact: "facts.governance.predictionLogRetentionDays.high",
              value: i.facts.governance.predictionLogRetentionDays.high,
            },
          ],
        ),
      ),
  },
  {
    id: "R5",
    check: "High-risk production models: card completeness ≥ 0.8 and declared metrics present",
    nist: "NIST MEASURE 2.1, 2.9",
    euProvider: "AI Act Art. 11, 13, 15(3)",
    candidates: ["N-CARD"],
    evaluate: (i) =>
      onlyWithHighRisk(i, () => {
        const r = i.supplement?.highRiskCardAndMetrics ?? i.facts.documentation.prodWithCompleteCard;
        return pass(ratioIsOne(r), [
          {
            fact: i.supplement?.highRiskCardAndMetrics
              ? "supplement.highRiskCardAndMetrics"
              : "facts.documentation.prodWithCompleteCard",
            value: r,
          },
        ]);
      }),
  },
  {
    id: "R6",
    check: "Documentation retained ≥ 10 years or never auto-deleted",
    nist: "NIST GOVERN 1.6",
    euProvider: "AI Act Art. 18",
    candidates: [],
    evaluate: (i) => {
      const y = i.facts.governance.documentationRetentionYears;
      return pass(y === null || y >= i.ruleset.regulatory.documentationRetentionYears, [
        { fact: "facts.governance.documentationRetentionYears", value: y },
      ]);
    },
  },
  {
    id: "R7",
    check: "Every high-risk model has a post-market monitoring plan mapped to active monitors",
    nist: "NIST MANAGE 4.1",
    euProvider: "AI Act Art. 72",
    euDeployer: "AI Act Art. 26(5): monitor and inform the provider",
    candidates: ["N-PMM"],
    evaluate: (i) =>
      onlyWithHighRisk(i, () =>
        pass(
          ratioIsOne(i.facts.documentation.highRiskWithPmmPlan) &&
            ratioIsOne(i.facts.documentation.pmmPlansMappedToActiveMonitors),
          [
            {
              fact: "facts.documentation.highRiskWithPmmPlan",
              value: i.facts.documentation.highRiskWithPmmPlan,
            },
            {
              fact: "facts.documentation.pmmPlansMappedToActiveMonitors",
              value: i.facts.documentation.pmmPlansMappedToActiveMonitors,
            },
          ],
        ),
      ),
  },
  {
    id: "R8",
    check: "Monitoring coverage (D2 ≥ 2) for high-risk models",
    nist: "NIST MEASURE 2.4",
    euProvider: "AI Act Art. 26(5)",
    candidates: ["N-MON-DQ", "N-STALE"],
    evaluate: (i) =>
      onlyWithHighRisk(i, () => {
        const r = i.supplement?.highRiskDriftOrDataQuality;
        if (r !== undefined)
          return pass(isRatioAtLeast(r, i.ruleset.maturity.high) && i.facts.monitoring.staleMonitors === 0, [
            { fact: "supplement.highRiskDriftOrDataQuality", value: r },
            { fact: "facts.monitoring.staleMonitors", value: i.facts.monitoring.staleMonitors },
          ]);
        const d2 = selectLevel(i.dimensions, "D2");
        return pass((d2 ?? 0) >= 2, [{ fact: "dimensions.D2.level", value: d2 }]);
      }),
  },
  {
    id: "R9",
    check: "Performance measured in production for every high-risk model",
    nist: "NIST MEASURE 2.3",
    euProvider: "AI Act Art. 15",
    candidates: ["N-MON-PERF", "N-MON-PROXY"],
    evaluate: (i) =>
      onlyWithHighRisk(i, () => {
        const r = i.supplement?.highRiskPerformance ?? i.facts.monitoring.performance;
        return pass(ratioIsOne(r), [
          {
            fact: i.supplement?.highRiskPerformance
              ? "supplement.highRiskPerformance"
              : "facts.monitoring.performance",
            value: r,
          },
        ]);
      }),
  },
  {
    id: "R10",
    check: "Fairness maturity D6 ≥ 3 for relevant models",
    nist: "NIST MEASURE 2.11",
    euProvider: "AI Act Art. 10",
    candidates: ["N-BIAS"],
    evaluate: (i) => {
      const d6 = selectLevel(i.dimensions, "D6");
      return d6 === null
        ? { status: "n/a", evidence: [{ fact: "dimensions.D6.level", value: null }] }
        : pass(d6 >= 3, [{ fact: "dimensions.D6.level", value: d6 }]);
    },
  },
  {
    id: "R11",
    check: "Incident log in use, no overdue reports, serious categories set on high-severity incidents",
    nist: "NIST MANAGE 4.3",
    euProvider: "AI Act Art. 73, 3(49)",
    euDeployer: "AI Act Art. 26(5): inform the provider and authority of serious incidents",
    candidates: ["N-INC"],
    evaluate: (i) => {
      const inc = i.facts.incidents;
      const inUse =
        i.supplement?.incidentLogInUse ?? (inc.open + inc.closed90d > 0 || i.facts.alerting.fired90d === 0);
      // Without incidents there is nothing to categorise; otherwise the category fact must be supplied.
      const serious =
        i.supplement?.highSeverityWithSeriousCategory ??
        (inc.open + inc.closed90d === 0 ? toRatio(0, 0) : NOT_OBSERVED);
      const noIncidents =
        i.supplement?.highSeverityWithSeriousCategory === undefined && inc.open + inc.closed90d === 0;
      return pass(
        inUse &&
          inc.overdueReports === 0 &&
          ratioIsOne(serious, noIncidents || i.supplement?.highSeverityWithSeriousCategory !== undefined),
        [
          { fact: "derived.incidentLogInUse", value: inUse },
          { fact: "facts.incidents.overdueReports", value: inc.overdueReports },
          {
            fact: "supplement.highSeverityWithSeriousCategory",
            value: i.supplement?.highSeverityWithSeriousCategory ?? "not observed",
          },
        ],
      );
    },
  },
  {
    id: "R12",
    check: "Suspend/retire workflow available and every retired model has a reason",
    nist: "NIST MANAGE 2.4, GOVERN 1.7",
    euProvider: "AI Act Art. 26(5)",
    candidates: [],
    evaluate: (i) => {
      const wf = i.supplement?.suspendRetireWorkflow ?? true;
      return pass(wf && ratioIsOne(i.facts.models.retiredWithReason, true), [
        { fact: "supplement.suspendRetireWorkflow", value: wf },
        { fact: "facts.models.retiredWithReason", value: i.facts.models.retiredWithReason },
      ]);
    },
  },
  {
    id: "R13",
    check: "Feedback endpoint enabled for every high-risk model",
    nist: "NIST MEASURE 3.3",
    euProvider: "AI Act Art. 72(2)",
    euDeployer: "AI Act Art. 26(5): feed back to the provider",
    candidates: ["N-FEEDBACK"],
    evaluate: (i) =>
      onlyWithHighRisk(i, () =>
        pass(ratioIsOne(i.facts.governance.feedbackEndpointEnabled), [
          {
            fact: "facts.governance.feedbackEndpointEnabled",
            value: i.facts.governance.feedbackEndpointEnabled,
          },
        ]),
      ),
  },
  {
    id: "R14",
    check: "Third-party or pre-trained models have active monitors",
    nist: "NIST MANAGE 3.2, GOVERN 6.1",
    euProvider: "AI Act Art. 25, 26",
    candidates: [],
    evaluate: (i) => {
      if (i.facts.models.thirdPartyOrPretrained === 0)
        return { status: "n/a", evidence: [{ fact: "facts.models.thirdPartyOrPretrained", value: 0 }] };
      const r = i.supplement?.thirdPartyWithActiveMonitor ?? i.facts.monitoring.anyActive;
      return pass(ratioIsOne(r), [
        {
          fact: i.supplement?.thirdPartyWithActiveMonitor
            ? "supplement.thirdPartyWithActiveMonitor"
            : "facts.monitoring.anyActive",
          value: r,
        },
      ]);
    },
  },
];
