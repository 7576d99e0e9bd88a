/**
 * Facts the scoring rules of ROADMAP.md §4 use but §3.1 does not define (per-model metric, bias,
 * oversight and report details). Every field is optional: a missing fact makes its condition unmet and
 * the evidence says "not observed", except where docs/roadmap-scoring.md names a conservative fallback.
 */

import type { Ratio, StakeholderRole } from "./types.js";

/** Extra observed facts, gathered by the server alongside `ObservedFacts`. */
export interface FactsSupplement {
  /** Prod models covered by a drift OR a data-quality monitor (D2 L2); else max of the two. */
  driftOrDataQuality?: Ratio;
  /** Performance coverage over prod models whose groundTruthLatency ≠ never (D2 L3). */
  performanceWhereLabelsExpected?: Ratio;
  /** Prod models with a registered schema AND a training baseline (D5 L2). */
  schemaAndBaseline?: Ratio;
  /** Prod models with a data-quality monitor whose alerts are routed (D5 L3). */
  dataQualityWithRoutedAlert?: Ratio;
  /** D4: prod models with a declared primary metric. */
  declaredPrimaryMetric?: Ratio;
  /** D4: prod models with a declared metric and threshold. */
  declaredMetricWithThreshold?: Ratio;
  /** D4: prod models whose production metric was computed in the last 30 days. */
  productionMetric30d?: Ratio;
  /** D4: model cards show declared-vs-production metrics. */
  declaredVsProductionOnCards?: boolean;
  /** D4: prod models linked to a business KPI. */
  businessKpiLinked?: Ratio;
  /** Coverage of each stakeholder `metricKey` over the relevant prod models (D4 L4, scorecard). */
  metricKeyCoverage?: Record<string, Ratio>;
  /** A cost metric (per 1,000 predictions or monthly infrastructure) is computed. */
  costMetricTracked?: boolean;
  /** D6: number of relevant models (sensitive attributes, high risk, or all when regulated). */
  biasRelevantModels?: number;
  /** D6 L2: relevant models with a bias evaluation (one-off report counts). */
  biasEvaluated?: Ratio;
  /** D6 L3: relevant models with a scheduled bias monitor with thresholds. */
  biasScheduledWithThreshold?: Ratio;
  /** D6 L4: bias alerts are routed to the risk owner. */
  biasAlertsRoutedToRiskOwner?: boolean;
  /** D6 L4: the fairness section of cards is auto-filled. */
  fairnessSectionAutoFilled?: boolean;
  /** D8 L1: models with two or more versions. */
  modelsWithMultipleVersions?: number;
  /** D9 L4: high-severity incidents closed in the window. */
  closedHighSeverityIncidents90d?: number;
  /** D9 L4: roles that receive a portfolio (all-models) report. */
  portfolioReportRoles?: StakeholderRole[];
  /** Roles that are on at least one alert route (scorecard "alerted"). */
  alertRouteRoles?: StakeholderRole[];
  /** Share of prod models with an explanation / feature-attribution monitor. */
  explainability?: Ratio;
  /** R2: high-risk prod models with an oversight user. */
  highRiskWithOversightUser?: Ratio;
  /** R5: high-risk prod models with card completeness ≥ 0.8 and declared metrics. */
  highRiskCardAndMetrics?: Ratio;
  /** R8: high-risk prod models with a drift or data-quality monitor. */
  highRiskDriftOrDataQuality?: Ratio;
  /** R9: high-risk prod models with performance measured in production. */
  highRiskPerformance?: Ratio;
  /** R11: the incident log is used. */
  incidentLogInUse?: boolean;
  /** R11: high-severity incidents with serious-incident categories set. */
  highSeverityWithSeriousCategory?: Ratio;
  /** R11 / N-INC: earliest deadline of an overdue serious-incident report (ISO date). */
  earliestOverdueDeadline?: string;
  /** R12: suspend / retire workflow is available (Sextant ships one, so the default is true). */
  suspendRetireWorkflow?: boolean;
  /** R14: third-party or pre-trained prod models with an active monitor. */
  thirdPartyWithActiveMonitor?: Ratio;
  /** N-OWN: names of production models without an owner (first few). */
  modelsWithoutOwner?: string[];
  /** N-CARD: card fields most often missing. */
  missingCardFields?: string[];
}
