/**
 * Automatic drift-method choice. `auto` reproduces Evidently's defaults (STATISTICS.md table) so teams
 * moving from Evidently get the same verdicts; other policies are added here as named functions.
 * `sensitive` uses p-value tests at every sample size (KS; chi-square contingency, which unlike the
 * goodness-of-fit test counts the reference's own sampling noise) under a Bonferroni correction.
 */
import type { ColumnKind } from "./column-data.js";
import type { DriftMethodId } from "./method-registry.js";
import type { MultipleTestingCorrection } from "./multiple-testing.js";

/** Every selectable method-choice policy. */
export const driftPolicyIds = ["auto", "sensitive"] as const;

/** Names of the selectable method-choice policies. */
export type DriftPolicyId = (typeof driftPolicyIds)[number];

/** True when `id` names a policy. */
export function isDriftPolicyId(id: string): id is DriftPolicyId {
  return (driftPolicyIds as readonly string[]).includes(id);
}

/** The sample facts a policy decides on. */
export interface ColumnProfile {
  readonly kind: ColumnKind;
  /** Non-missing reference values. */
  readonly referenceSize: number;
  /** Distinct values over reference ∪ current after removing missing values. */
  readonly uniqueCount: number;
}

/** Evidently's size limit: at most this many reference rows use p-value tests. */
export const smallReferenceLimit = 1000;

/** The `auto` policy: p-value tests on small references, distances on large ones. */
export function selectAutoDriftMethod(profile: ColumnProfile): DriftMethodId {
  if (profile.kind === "embedding") return "mmd";
  const small = profile.referenceSize <= smallReferenceLimit;
  if (!small) {
    return profile.kind === "numeric" && profile.uniqueCount > 5 ? "wasserstein_norm" : "jensenshannon";
  }
  if (profile.kind === "numeric" && profile.uniqueCount > 5) return "ks";
  return profile.uniqueCount > 2 ? "chisquare" : "ztest";
}

/**
 * The `sensitive` policy: a p-value test at any size (KS for numeric columns with more than 5 values,
 * chi-square contingency for the rest, MMD for embeddings), meant to run under Bonferroni.
 */
export function selectSensitiveDriftMethod(profile: ColumnProfile): DriftMethodId {
  if (profile.kind === "embedding") return "mmd";
  if (profile.kind === "numeric" && profile.uniqueCount > 5) return "ks";
  return "chi2_contingency";
}

/** Picks the method a policy assigns to a column. */
export function selectPolicyDriftMethod(policy: DriftPolicyId, profile: ColumnProfile): DriftMethodId {
  switch (policy) {
    case "auto":
      return selectAutoDriftMethod(profile);
    case "sensitive":
      return selectSensitiveDriftMethod(profile);
  }
}

/** The multiple-testing correction a policy applies when the caller does not choose one. */
export function selectPolicyCorrection(policy: DriftPolicyId): MultipleTestingCorrection {
  return policy === "sensitive" ? "bonferroni" : "none";
}
