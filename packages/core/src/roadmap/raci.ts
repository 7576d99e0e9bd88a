/**
 * RACI tables per organisation strategy (ROADMAP.md §4.1). The hybrid table is the spec's default;
 * centralized hands the product team's R to the central team, decentralized hands the central team's
 * A on operational components to the product team (risk & compliance keep their A).
 */

import type { BlueprintComponent, StakeholderRole } from "./types.js";

/** A RACI letter. */
export type RaciLetter = "R" | "A" | "C" | "I";

/** The parties a RACI row assigns. */
export type RaciParty = StakeholderRole | "central_mlops" | "product_team";

/** One RACI row. */
export type RaciRow = Partial<Record<RaciParty, RaciLetter>>;

/** Organisation strategy. */
export type Strategy = "centralized" | "decentralized" | "hybrid";

const HYBRID_RACI: Record<BlueprintComponent, RaciRow> = {
  model_registry_ownership: {
    central_mlops: "A",
    product_team: "R",
    ml_engineer: "C",
    business_ops: "I",
    risk_compliance: "C",
    ciso_devsec: "I",
    finance: "I",
  },
  performance_monitoring: {
    central_mlops: "A",
    product_team: "R",
    ml_engineer: "C",
    business_ops: "C",
    risk_compliance: "I",
  },
  drift_monitoring: {
    central_mlops: "A",
    product_team: "R",
    ml_engineer: "R",
    business_ops: "I",
    risk_compliance: "I",
  },
  data_quality_monitoring: {
    central_mlops: "A",
    product_team: "R",
    ml_engineer: "R",
    business_ops: "I",
    risk_compliance: "I",
  },
  bias_monitoring: { central_mlops: "C", product_team: "R", business_ops: "I", risk_compliance: "A" },
  alerting_incidents: {
    central_mlops: "A",
    product_team: "R",
    ml_engineer: "R",
    business_ops: "I",
    risk_compliance: "C",
    ciso_devsec: "C",
  },
  reporting: {
    central_mlops: "R",
    product_team: "C",
    business_ops: "A",
    risk_compliance: "C",
    ciso_devsec: "I",
    finance: "C",
  },
  documentation_audit: {
    central_mlops: "R",
    product_team: "R",
    business_ops: "I",
    risk_compliance: "A",
    ciso_devsec: "C",
  },
  // Rows below are not in the spec's table; they follow the same split (central owns shared tooling).
  experiment_tracking: { central_mlops: "A", product_team: "R", ml_engineer: "C" },
  hyperparameter_tuning: { central_mlops: "C", product_team: "A", ml_engineer: "C" },
  deployment: { central_mlops: "A", product_team: "C", ml_engineer: "R", ciso_devsec: "C" },
  retraining_automation: { central_mlops: "A", product_team: "R", ml_engineer: "R" },
  explainability: { central_mlops: "C", product_team: "R", business_ops: "I", risk_compliance: "A" },
};

/** The tool-evaluation row (steps 4–5), which is not a blueprint component. */
export const TOOL_EVALUATION_RACI: RaciRow = {
  central_mlops: "A",
  product_team: "C",
  ml_engineer: "C",
  business_ops: "C",
  risk_compliance: "C",
  ciso_devsec: "C",
  finance: "C",
};

/** The RACI table for a strategy. */
export function deriveRaci(strategy: Strategy): Record<BlueprintComponent, RaciRow> {
  const out = {} as Record<BlueprintComponent, RaciRow>;
  for (const [component, row] of Object.entries(HYBRID_RACI) as [BlueprintComponent, RaciRow][]) {
    out[component] = shiftRow(row, strategy);
  }
  return out;
}

function shiftRow(row: RaciRow, strategy: Strategy): RaciRow {
  const next: RaciRow = { ...row };
  if (strategy === "centralized" && next.product_team === "R") {
    next.product_team = "C";
    if (next.central_mlops !== "A") next.central_mlops = "R";
  }
  if (strategy === "decentralized" && next.central_mlops === "A") {
    next.central_mlops = "C";
    next.product_team = "A";
  }
  return next;
}
