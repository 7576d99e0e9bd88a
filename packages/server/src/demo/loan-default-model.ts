/** The demo model: a loan-default binary classifier with its registry entry and version schema. */
import type { ColumnSpec, CreateModel } from "@sextant/sdk";

/** Registry fields of the demo model. */
export const loanDefaultModel: CreateModel = {
  name: "loan-default",
  task: "binary",
  description: "Probability that a consumer loan defaults within 12 months; drives automatic approval.",
  owner: { kind: "team", name: "credit-risk-ml", email: "credit-risk-ml@example.com" },
  businessOwner: { kind: "user", name: "Dana Whitfield", email: "dana.whitfield@example.com" },
  stakeholders: [
    { name: "Priya Raman", role: "data_science" },
    { name: "Tom Okafor", role: "ml_engineering" },
    { name: "Lena Vogt", role: "risk" },
    { name: "Marc Dubois", role: "finance" },
  ],
  tags: ["credit", "lending", "tabular"],
  riskTier: "high",
  costPer1kPredictions: 0.42,
  costCurrency: "EUR",
};

const feature = (name: string, type: ColumnSpec["type"], description: string): ColumnSpec => ({
  name,
  role: "feature",
  type,
  nullable: true,
  description,
});

/** The schema of the demo version. */
export const loanDefaultColumns: ColumnSpec[] = [
  { name: "application_id", role: "id", type: "string", nullable: false, description: "loan application id" },
  {
    name: "decision_time",
    role: "timestamp",
    type: "timestamp",
    nullable: false,
    description: "time of the scoring",
  },
  feature("annual_income", "numeric", "declared gross annual income, EUR"),
  feature("loan_amount", "numeric", "requested principal, EUR"),
  feature("credit_score", "numeric", "bureau score, 300-850"),
  feature("debt_to_income", "numeric", "monthly debt payments / monthly income"),
  feature("employment_years", "numeric", "years with the current employer"),
  feature("loan_purpose", "categorical", "declared purpose"),
  feature("home_ownership", "categorical", "rent, mortgage or own"),
  feature("has_cosigner", "boolean", "a co-signer guarantees the loan"),
  feature("applicant_statement", "text", "free-text reason given by the applicant"),
  {
    name: "channel",
    role: "segment",
    type: "categorical",
    nullable: false,
    description: "acquisition channel",
  },
  {
    name: "age_band",
    role: "protected_attribute",
    type: "categorical",
    nullable: true,
    description: "applicant age band",
  },
  {
    name: "default_score",
    role: "prediction_score",
    type: "numeric",
    nullable: false,
    description: "P(default)",
  },
  {
    name: "predicted_default",
    role: "prediction_label",
    type: "boolean",
    nullable: false,
    description: "score >= 0.35",
  },
  {
    name: "defaulted",
    role: "target",
    type: "boolean",
    nullable: false,
    description: "defaulted within 12 months",
  },
  {
    name: "net_revenue",
    role: "business_outcome",
    type: "numeric",
    nullable: false,
    description: "interest earned minus loss, EUR",
  },
];
