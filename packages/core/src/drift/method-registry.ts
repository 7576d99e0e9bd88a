/**
 * The drift-method registry: one entry per method id with its display name, the column kinds it
 * applies to, its default threshold and direction, and the adapter from a prepared column to a score.
 * It holds no statistics itself: each method lives in `methods/`, one per file.
 */
import { computeMoments } from "../descriptive/moments.js";
import { toInsufficientData, toOk, type StatResult } from "../result.js";
import { computeDivergenceBins } from "./binning.js";
import type { ColumnKind, PreparedColumn, PreparedCounts } from "./column-data.js";
import { countSortedValues } from "./column-data.js";
import { andersonDarlingKSampleTest } from "./methods/anderson-darling.js";
import { computeCentroidDistance } from "./methods/centroid-distance.js";
import { chiSquareContingencyTest } from "./methods/chi-square-contingency.js";
import { chiSquareGoodnessOfFitTest } from "./methods/chi-square.js";
import { cramerVonMisesTest } from "./methods/cramer-von-mises.js";
import { energyDistance } from "./methods/energy-distance.js";
import { fisherExactTest } from "./methods/fisher-exact.js";
import { hellingerDistance } from "./methods/hellinger.js";
import { jensenShannonDistance } from "./methods/jensen-shannon.js";
import { kolmogorovSmirnovTestSorted } from "./methods/kolmogorov-smirnov.js";
import { kullbackLeiblerDivergence } from "./methods/kullback-leibler.js";
import { mannWhitneyUTest } from "./methods/mann-whitney.js";
import { computeMaximumMeanDiscrepancy, DEFAULT_MMD_SEED } from "./methods/maximum-mean-discrepancy.js";
import { populationStabilityIndex } from "./methods/population-stability-index.js";
import { twoProportionZTestFromCounts } from "./methods/two-proportion-z-test.js";
import { wassersteinDistanceSorted } from "./methods/wasserstein.js";
import { welchTTest } from "./methods/welch-t-test.js";

/** Stable ids of every drift method, as used in APIs and configuration. */
export const driftMethodIds = [
  "ks",
  "wasserstein_norm",
  "psi",
  "kl",
  "jensenshannon",
  "hellinger",
  "chisquare",
  "chi2_contingency",
  "ztest",
  "fisher",
  "anderson",
  "cvm",
  "energy",
  "mannwhitney",
  "ttest",
  "mmd",
  "centroid_distance",
] as const;

/** A drift method's stable id. */
export type DriftMethodId = (typeof driftMethodIds)[number];

/** How a score is compared with its threshold to call drift. */
export type DriftDirection = "below" | "at_or_below" | "above" | "at_or_above";

/** Options a method may read; every field has a documented default. */
export interface DriftMethodOptions {
  /** Logarithm base for `jensenshannon` (default e). */
  readonly jensenShannonBase?: number;
  /** Seed for methods that sample or permute (default DEFAULT_MMD_SEED). */
  readonly seed?: number;
  /** Permutations for `mmd` (default 100). */
  readonly permutationCount?: number;
  /** Rows per side `mmd` subsamples to (default 1000). */
  readonly maxRowsPerSide?: number;
  /** Distance for `centroid_distance` (default euclidean). */
  readonly centroidMetric?: "euclidean" | "cosine";
}

/** A method's score and, for tests, its statistic. */
export interface DriftScore {
  readonly score: number;
  readonly statistic?: number;
  readonly details?: Readonly<Record<string, number | string>>;
}

/** One registry entry. */
export interface DriftMethod {
  readonly id: DriftMethodId;
  readonly displayName: string;
  readonly columnKinds: readonly ColumnKind[];
  /** Whether the score is a p-value (drift when small) or a distance (drift when large). */
  readonly scoreKind: "p_value" | "distance";
  readonly defaultThreshold: number;
  readonly direction: DriftDirection;
  readonly compute: (column: PreparedColumn, options: DriftMethodOptions) => StatResult<DriftScore>;
}

/** Aligned counts of a column: categories as they are, numeric values as one category per distinct value. */
function toCounts(column: PreparedColumn): PreparedCounts {
  const sample = column.sample;
  if (sample.kind === "counts") return sample;
  if (sample.kind === "numeric") return countSortedValues(sample.reference, sample.current);
  throw new RangeError(`column ${column.name}: counts are not defined for embeddings`);
}

/** Binned counts for the share-based divergences (STATISTICS.md "Binning"). */
function toBinnedCounts(column: PreparedColumn): { reference: Float64Array; current: Float64Array } {
  const sample = column.sample;
  if (sample.kind === "numeric") return computeDivergenceBins(sample.reference, sample.current);
  return toCounts(column);
}

function numericSides(column: PreparedColumn): { reference: Float64Array; current: Float64Array } {
  if (column.sample.kind !== "numeric") throw new RangeError(`column ${column.name} is not numeric`);
  return column.sample;
}

function embeddingSides(column: PreparedColumn) {
  if (column.sample.kind !== "embedding") throw new RangeError(`column ${column.name} is not an embedding`);
  return column.sample;
}

/** Splits counts into "first sorted category" versus "all others", as the z-test and Fisher's test do. */
function toFirstVersusRest(counts: PreparedCounts): [[number, number], [number, number]] {
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  const r0 = counts.reference[0] ?? 0;
  const c0 = counts.current[0] ?? 0;
  return [
    [r0, sum(counts.reference) - r0],
    [c0, sum(counts.current) - c0],
  ];
}

function pValueScore(result: StatResult<{ statistic: number; pValue: number }>): StatResult<DriftScore> {
  return result.status === "ok" ? toOk({ score: result.pValue, statistic: result.statistic }) : result;
}

function distanceScore<K extends string>(
  result: StatResult<Record<K, number>>,
  key: K,
): StatResult<DriftScore> {
  return result.status === "ok" ? toOk({ score: result[key] }) : result;
}

const numericKinds: readonly ColumnKind[] = ["numeric"];
const discreteKinds: readonly ColumnKind[] = ["numeric", "categorical"];

const methods: readonly DriftMethod[] = [
  {
    id: "ks",
    displayName: "Kolmogorov-Smirnov",
    columnKinds: numericKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.05,
    direction: "at_or_below",
    compute: (c) => {
      const s = numericSides(c);
      return pValueScore(kolmogorovSmirnovTestSorted(s.reference, s.current));
    },
  },
  {
    id: "wasserstein_norm",
    displayName: "Wasserstein distance (normed)",
    columnKinds: numericKinds,
    scoreKind: "distance",
    defaultThreshold: 0.1,
    direction: "at_or_above",
    compute: (c) => {
      const s = numericSides(c);
      const moments = computeMoments(s.reference);
      if (moments.status !== "ok" || s.current.length === 0) {
        return { status: "insufficient_data", reason: "a side has no values" };
      }
      const distance = wassersteinDistanceSorted(s.reference, s.current);
      const norm = Math.max(moments.stdPopulation, 0.001);
      return toOk({
        score: distance / norm,
        statistic: distance,
        details: { referenceStd: moments.stdPopulation },
      });
    },
  },
  {
    id: "psi",
    displayName: "Population Stability Index",
    columnKinds: discreteKinds,
    scoreKind: "distance",
    defaultThreshold: 0.1,
    direction: "at_or_above",
    compute: (c) => {
      const b = toBinnedCounts(c);
      return distanceScore(populationStabilityIndex(b.reference, b.current), "psi");
    },
  },
  {
    id: "kl",
    displayName: "Kullback-Leibler divergence",
    columnKinds: discreteKinds,
    scoreKind: "distance",
    defaultThreshold: 0.1,
    direction: "at_or_above",
    compute: (c) => {
      const b = toBinnedCounts(c);
      return distanceScore(kullbackLeiblerDivergence(b.reference, b.current), "kl");
    },
  },
  {
    id: "jensenshannon",
    displayName: "Jensen-Shannon distance",
    columnKinds: discreteKinds,
    scoreKind: "distance",
    defaultThreshold: 0.1,
    direction: "at_or_above",
    compute: (c, o) => {
      const b = toBinnedCounts(c);
      const base = o.jensenShannonBase;
      return distanceScore(
        jensenShannonDistance(b.reference, b.current, base === undefined ? {} : { base }),
        "distance",
      );
    },
  },
  {
    id: "hellinger",
    displayName: "Hellinger distance",
    columnKinds: discreteKinds,
    scoreKind: "distance",
    defaultThreshold: 0.1,
    direction: "at_or_above",
    compute: (c) => {
      const b = toBinnedCounts(c);
      return distanceScore(hellingerDistance(b.reference, b.current), "distance");
    },
  },
  {
    id: "chisquare",
    displayName: "Chi-square goodness of fit",
    columnKinds: discreteKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.05,
    direction: "below",
    compute: (c) => {
      const k = toCounts(c);
      return pValueScore(chiSquareGoodnessOfFitTest(k.reference, k.current));
    },
  },
  {
    id: "chi2_contingency",
    displayName: "Chi-square contingency",
    columnKinds: discreteKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.05,
    direction: "below",
    compute: (c) => {
      const k = toCounts(c);
      return pValueScore(chiSquareContingencyTest(k.reference, k.current));
    },
  },
  {
    id: "ztest",
    displayName: "Two-proportion z-test",
    columnKinds: discreteKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.05,
    direction: "below",
    compute: (c) => {
      const k = toCounts(c);
      return pValueScore(twoProportionZTestFromCounts(k.reference, k.current));
    },
  },
  {
    id: "fisher",
    displayName: "Fisher's exact test",
    columnKinds: discreteKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.05,
    direction: "below",
    compute: (c) => {
      const r = fisherExactTest(toFirstVersusRest(toCounts(c)));
      return r.status === "ok" ? toOk({ score: r.pValue, statistic: r.oddsRatio }) : r;
    },
  },
  {
    id: "anderson",
    displayName: "Anderson-Darling (k-sample)",
    columnKinds: numericKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.1,
    direction: "below",
    compute: (c) => {
      const s = numericSides(c);
      const r = andersonDarlingKSampleTest([s.reference, s.current]);
      return r.status === "ok" ? toOk({ score: r.significanceLevel, statistic: r.statistic }) : r;
    },
  },
  {
    id: "cvm",
    displayName: "Cramér-von Mises",
    columnKinds: numericKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.1,
    direction: "at_or_below",
    compute: (c) => {
      const s = numericSides(c);
      return pValueScore(cramerVonMisesTest(s.reference, s.current));
    },
  },
  {
    id: "energy",
    displayName: "Energy distance",
    columnKinds: numericKinds,
    scoreKind: "distance",
    defaultThreshold: 0.1,
    direction: "above",
    compute: (c) => {
      const s = numericSides(c);
      return distanceScore(energyDistance(s.reference, s.current), "distance");
    },
  },
  {
    id: "mannwhitney",
    displayName: "Mann-Whitney U",
    columnKinds: numericKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.05,
    direction: "below",
    compute: (c) => {
      const s = numericSides(c);
      return pValueScore(mannWhitneyUTest(s.reference, s.current));
    },
  },
  {
    id: "ttest",
    displayName: "Welch's t-test",
    columnKinds: numericKinds,
    scoreKind: "p_value",
    defaultThreshold: 0.05,
    direction: "below",
    compute: (c) => {
      const s = numericSides(c);
      return pValueScore(welchTTest(s.reference, s.current));
    },
  },
  {
    id: "mmd",
    displayName: "Maximum mean discrepancy",
    columnKinds: ["embedding"],
    scoreKind: "p_value",
    defaultThreshold: 0.05,
    direction: "below",
    compute: (c, o) => {
      const s = embeddingSides(c);
      const r = computeMaximumMeanDiscrepancy(s.reference, s.current, {
        permutationCount: o.permutationCount ?? 100,
        maxRowsPerSide: o.maxRowsPerSide ?? 1000,
        seed: o.seed ?? DEFAULT_MMD_SEED,
      });
      return r.status === "ok"
        ? toOk({
            score: r.pValue,
            statistic: r.mmd2,
            details: { sigma: r.sigma, permutations: r.permutationCount },
          })
        : r;
    },
  },
  {
    id: "centroid_distance",
    displayName: "Centroid distance",
    columnKinds: ["embedding"],
    scoreKind: "distance",
    defaultThreshold: 0.2,
    direction: "at_or_above",
    compute: (c, o) => {
      const s = embeddingSides(c);
      const r = computeCentroidDistance(s.reference, s.current);
      if (r.status !== "ok") return r;
      const metric = o.centroidMetric ?? "euclidean";
      const score = metric === "cosine" ? r.cosine : r.euclidean;
      if (score === null)
        return toInsufficientData("cosine distance is undefined: a centroid is the zero vector");
      return toOk({ score, details: { metric } });
    },
  },
];

const byId = new Map<DriftMethodId, DriftMethod>(methods.map((m) => [m.id, m]));

/** All registered drift methods, in registry order. */
export function listDriftMethods(): readonly DriftMethod[] {
  return methods;
}

/** True when `id` names a registered drift method. */
export function isDriftMethodId(id: string): id is DriftMethodId {
  return byId.has(id as DriftMethodId);
}

/** The registry entry for `id`. */
export function selectDriftMethod(id: DriftMethodId): DriftMethod {
  const method = byId.get(id);
  if (method === undefined) throw new RangeError(`unknown drift method ${id}`);
  return method;
}

/** True when `method` can run on a column of `kind`. */
export function isDriftMethodApplicable(id: DriftMethodId, kind: ColumnKind): boolean {
  return selectDriftMethod(id).columnKinds.includes(kind);
}

/** True when `score` means drift under `threshold` and `direction`. */
export function isDrifted(score: number, threshold: number, direction: DriftDirection): boolean {
  switch (direction) {
    case "below":
      return score < threshold;
    case "at_or_below":
      return score <= threshold;
    case "above":
      return score > threshold;
    case "at_or_above":
      return score >= threshold;
  }
}
