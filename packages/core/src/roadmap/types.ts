/**
 * Input types of the roadmap & maturity module, exactly as ROADMAP.md §3 defines them: the facts the
 * platform counts (`ObservedFacts`) and the answers only people can give (`RoadmapQuestionnaire`).
 */

/** A coverage ratio; `ratio` is null when `den` is 0. */
export interface Ratio {
  num: number;
  den: number;
  ratio: number | null;
}

/** The stakeholder roles of the article plus `executive`. */
export type StakeholderRole =
  | "data_scientist"
  | "ml_engineer"
  | "business_ops"
  | "ciso_devsec"
  | "risk_compliance"
  | "finance"
  | "executive";

/** A component of the MLOps blueprint (article step 3, monitoring split into four). */
export type BlueprintComponent =
  | "model_registry_ownership"
  | "performance_monitoring"
  | "drift_monitoring"
  | "data_quality_monitoring"
  | "bias_monitoring"
  | "alerting_incidents"
  | "reporting"
  | "documentation_audit"
  | "experiment_tracking"
  | "hyperparameter_tuning"
  | "deployment"
  | "retraining_automation"
  | "explainability";

/** How predictions reach the platform. */
export type InferenceMode = "batch" | "realtime" | "streaming";

/** The kinds of data models consume. */
export type DataType = "tabular" | "text" | "image" | "audio" | "time_series" | "embeddings";

/** What a version was triggered by. */
export type VersionTrigger = "manual" | "schedule" | "new_data" | "drift" | "performance";

/** Alert channel kinds. */
export type AlertChannelKind = "email" | "slack" | "teams" | "webhook" | "pagerduty" | "opsgenie";

/** Facts computed from the platform database (§3.1); P = production models, window 90 days. */
export interface ObservedFacts {
  computedAt: string;
  windowDays: number;
  rulesetVersion: string;
  models: {
    total: number;
    production: number;
    staging: number;
    development: number;
    suspended: number;
    retired: number;
    withOwner: Ratio;
    withBusinessOwner: Ratio;
    withRiskTier: Ratio;
    highRisk: number;
    ownershipConfirmed180d: Ratio;
    orphaned: number;
    distinctOwnerTeams: number;
    retiredWithReason: Ratio;
    withSensitiveAttributes: number;
    thirdPartyOrPretrained: number;
  };
  versions: {
    registered90d: number;
    viaCi: Ratio;
    viaUi: Ratio;
    withTrainingRunRef: Ratio;
    withTrainingDatasetRef: Ratio;
    triggeredBy: Record<VersionTrigger, number>;
    promotions90d: number;
    promotionsViaApi: Ratio;
    rollbacks90d: number;
    championChallengerComparisons90d: number;
    medianVersionsPerProdModelPerYear: number;
  };
  monitoring: {
    anyActive: Ratio;
    drift: Ratio;
    dataQuality: Ratio;
    schemaRegistered: Ratio;
    trainingBaseline: Ratio;
    performance: Ratio;
    groundTruthCoverage: Ratio;
    bias: Ratio;
    operational: Ratio;
    outputSanity: Ratio;
    staleness: Ratio;
    upstreamChange: Ratio;
    staleMonitors: number;
    monitoringTestScore: {
      perModel: Record<string, number>;
      min: number | null;
      median: number | null;
    };
  };
  alerting: {
    policies: number;
    routedCoverage: Ratio;
    channels: Record<AlertChannelKind, number>;
    fired90d: number;
    ackedWithinSla: Ratio;
    mttaHoursP50: number | null;
    mttrHoursP50: number | null;
    noisyPolicies: number;
    automatedActions: Ratio;
  };
  incidents: {
    open: number;
    closed90d: number;
    withRootCause: Ratio;
    linkedToHighSevAlerts: Ratio;
    seriousFlagged: number;
    overdueReports: number;
  };
  documentation: {
    cardCompletenessAvg: number | null;
    prodWithCompleteCard: Ratio;
    highRiskWithPmmPlan: Ratio;
    pmmPlansMappedToActiveMonitors: Ratio;
    annexIvExports180d: number;
    datasheetsLinked: Ratio;
  };
  governance: {
    auditLogEnabled: boolean;
    auditChainValid: boolean | null;
    auditRetentionDays: number;
    predictionLogRetentionDays: Record<"default" | "high", number>;
    documentationRetentionYears: number | null;
    rbacEnabled: boolean;
    ssoEnabled: boolean;
    usersByRole: Record<string, number>;
    deploymentMode: "self_hosted_onprem" | "self_hosted_cloud" | "unknown";
    feedbackEndpointEnabled: Ratio;
  };
  reporting: {
    scheduled: number;
    generated90d: number;
    recipientRoles: StakeholderRole[];
    postIncidentReports90d: number;
  };
  workload: {
    inferenceModesObserved: InferenceMode[];
    dataTypesObserved: DataType[];
    predictionsPerDayP50: number;
    modelsAdded90d: number;
  };
}

/** A declared stakeholder and the success measure they judge ML by. */
export interface StakeholderAnswer {
  role: StakeholderRole;
  name?: string;
  contact?: string;
  successMetric: string;
  metricKey?: string;
}

/** Regulated use-case categories (AI Act Annex III and others). */
export type RegulatedUseCase =
  | "credit"
  | "insurance"
  | "employment"
  | "education"
  | "health"
  | "critical_infrastructure"
  | "law_enforcement"
  | "biometrics"
  | "essential_services"
  | "other";

/** The questionnaire (§3.2): only what the platform cannot see. */
export interface RoadmapQuestionnaire {
  version: 1;
  answeredBy: string;
  answeredAt: string;
  org: {
    productTeamsUsingMl: number;
    hasCentralMlPlatformTeam: boolean;
    centralTeamSize?: number;
    productionOwnershipToday:
      "data_science" | "ml_engineering" | "product_team" | "central_platform" | "unclear";
    preferredStrategy?: "centralized" | "decentralized" | "hybrid";
    appCodeHasCi: boolean;
    trainingOrchestrated: boolean;
  };
  needs: {
    dataScientists: { now: number; in12Months: number };
    mlEngineers: { now: number; in12Months: number };
    modelsInProduction: { now: number; in12Months: number };
    newModelsPerQuarter: number;
    integration: "internal_analysis" | "decision_support" | "core_product";
    inferenceModes: InferenceMode[];
    dataTypes: DataType[];
    groundTruthLatency: "immediate" | "hours" | "days" | "weeks" | "never";
    retrainingTrigger: "ad_hoc" | "scheduled" | "event_based";
  };
  constraints: {
    dataResidency: "any" | "own_cloud_account" | "on_premises_only" | "air_gapped";
    euExposure: boolean;
    aiActRole: "provider" | "deployer" | "both" | "none";
    regulatedUseCases: RegulatedUseCase[];
    otherRegimes: string[];
    buildVsBuyLean: "build" | "buy" | "open_source_first" | "undecided";
  };
  stakeholders: StakeholderAnswer[];
  priorities?: { component: BlueprintComponent; rank: number }[];
  existingTools: { component: BlueprintComponent; tool: string; satisfied: boolean }[];
}

/** One fact and its value behind a number: `fact` is a path such as `facts.models.withOwner`. */
export interface Evidence {
  fact: string;
  value: unknown;
}

/** All production-facing blueprint components, in the canonical order used for stable sorting. */
export const BLUEPRINT_COMPONENTS: readonly BlueprintComponent[] = [
  "model_registry_ownership",
  "performance_monitoring",
  "drift_monitoring",
  "data_quality_monitoring",
  "bias_monitoring",
  "alerting_incidents",
  "reporting",
  "documentation_audit",
  "experiment_tracking",
  "hyperparameter_tuning",
  "deployment",
  "retraining_automation",
  "explainability",
];

/** The six stakeholder roles the article names (executive is an addition). */
export const ARTICLE_ROLES: readonly StakeholderRole[] = [
  "data_scientist",
  "ml_engineer",
  "business_ops",
  "ciso_devsec",
  "risk_compliance",
  "finance",
];
