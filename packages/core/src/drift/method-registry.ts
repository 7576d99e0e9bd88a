/**
 * The drift-method registry: one entry per method id with its display name, the column kinds it
 * applies to, its default threshold and direction, and the adapter from a prepared column to a score.
 * It holds no statistics itself: each method lives in `methods/`, one per file.
 */
import { computeMoments } from "../descriptive/moments.js";
import { toInsufficientData, toOk, type StatResult, type TestOutcome } from "../result.js";
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

function pValueScore(result: StatResult<TestOutcome>): StatResult<DriftScore> {
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
const embeddingKinds: readonly ColumnKind[] = ["embedding"];

/** What every entry states for itself; the builders below add the column kinds, score kind and adapter. */
type MethodHeader = Pick<DriftMethod, "id" | "displayName" | "defaultThreshold" | "direction">;

type Sides = { readonly reference: Float64Array; readonly current: Float64Array };
type TwoSampleTest = (reference: Float64Array, current: Float64Array) => StatResult<TestOutcome>;

function toDriftMethod(
  header: MethodHeader,
  kinds: Pick<DriftMethod, "columnKinds" | "scoreKind">,
  compute: DriftMethod["compute"],
): DriftMethod {
  const { id, displayName, defaultThreshold, direction } = header;
  return { id, displayName, ...kinds, defaultThreshold, direction, compute };
}

/** A method scored on the two (sorted) numeric samples. */
function toNumericMethod(
  header: MethodHeader,
  scoreKind: DriftMethod["scoreKind"],
  score: (sides: Sides, options: DriftMethodOptions) => StatResult<DriftScore>,
): DriftMethod {
  return toDriftMethod(header, { columnKinds: numericKinds, scoreKind }, (c, o) => score(numericSides(c), o));
}

/** A two-sample test on the numeric samples, scored by its p-value. */
function toNumericTestMethod(header: MethodHeader, test: TwoSampleTest): DriftMethod {
  return toNumericMethod(header, "p_value", (s) => pValueScore(test(s.reference, s.current)));
}

/** A test on the aligned counts (a numeric value counts as a category), scored by its p-value. */
function toCountTestMethod(header: MethodHeader, test: TwoSampleTest): DriftMethod {
  return toDriftMethod(header, { columnKinds: discreteKinds, scoreKind: "p_value" }, (c) => {
    const k = toCounts(c);
    return pValueScore(test(k.reference, k.current));
  });
}

/** A divergence of binned numeric values or of category counts, scored by its size. */
function toBinnedDistanceMethod(
  header: MethodHeader,
  score: (binned: Sides, options: DriftMethodOptions) => StatResult<DriftScore>,
): DriftMethod {
  return toDriftMethod(header, { columnKinds: discreteKinds, scoreKind: "distance" }, (c, o) =>
    score(toBinnedCounts(c), o),
  );
}

/** A method on the two embedding matrices. */
function toEmbeddingMethod(
  header: MethodHeader,
  scoreKind: DriftMethod["scoreKind"],
  score: (sides: ReturnType<typeof embeddingSides>, options: DriftMethodOptions) => StatResult<DriftScore>,
): DriftMethod {
  return toDriftMethod(header, { columnKinds: embeddingKinds, scoreKind }, (c, o) =>
    score(embeddingSides(c), o),
  );
}

/** Wasserstein distance divided by the reference standard deviation (floored at 0.001). */
function computeNormedWassersteinScore(
  s: Sides & { readonly wassersteinDistance?: number },
): StatResult<DriftScore> {
  const moments = computeMoments(s.reference);
  if (moments.status !== "ok" || s.current.length === 0) {
    return { status: "insufficient_data", reason: "a side has no values" };
  }
  const distance = s.wassersteinDistance ?? wassersteinDistanceSorted(s.reference, s.current);
  const norm = Math.max(moments.stdPopulation, 0.001);
  return toOk({
    score: distance / norm,
    statistic: distance,
    // The reference mean comes along so that callers showing reference stats need not recompute them.
    details: { referenceStd: moments.stdPopulation, referenceMean: moments.mean },
  });
}

const methods: readonly DriftMethod[] = [
  toNumericTestMethod(
    { id: "ks", displayName: "Kolmogorov-Smirnov", defaultThreshold: 0.05, direction: "at_or_below" },
    kolmogorovSmirnovTestSorted,
  ),
  toNumericMethod(
    {
      id: "wasserstein_norm",
      displayName: "Wasserstein distance (normed)",
      defaultThreshold: 0.1,
      direction: "at_or_above",
    },
    "distance",
    computeNormedWassersteinScore,
  ),
  toBinnedDistanceMethod(
    { id: "psi", displayName: "Population Stability Index", defaultThreshold: 0.1, direction: "at_or_above" },
    (b) => distanceScore(populationStabilityIndex(b.reference, b.current), "psi"),
  ),
  toBinnedDistanceMethod(
    { id: "kl", displayName: "Kullback-Leibler divergence", defaultThreshold: 0.1, direction: "at_or_above" },
    (b) => distanceScore(kullbackLeiblerDivergence(b.reference, b.current), "kl"),
  ),
  toBinnedDistanceMethod(
    {
      id: "jensenshannon",
      displayName: "Jensen-Shannon distance",
      defaultThreshold: 0.1,
      direction: "at_or_above",
    },
    (b, o) => {
      const base = o.jensenShannonBase;
      return distanceScore(
        jensenShannonDistance(b.reference, b.current, base === undefined ? {} : { base }),
        "distance",
      );
    },
  ),
  toBinnedDistanceMethod(
    { id: "hellinger", displayName: "Hellinger distance", defaultThreshold: 0.1, direction: "at_or_above" },
    (b) => distanceScore(hellingerDistance(b.reference, b.current), "distance"),
  ),
  toCountTestMethod(
    {
      id: "chisquare",
      displayName: "Chi-square goodness of fit",
      defaultThreshold: 0.05,
      direction: "below",
    },
    chiSquareGoodnessOfFitTest,
  ),
  toCountTestMethod(
    {
      id: "chi2_contingency",
      displayName: "Chi-square contingency",
      defaultThreshold: 0.05,
      direction: "below",
    },
    chiSquareContingencyTest,
  ),
  toCountTestMethod(
    { id: "ztest", displayName: "Two-proportion z-test", defaultThreshold: 0.05, direction: "below" },
    twoProportionZTestFromCounts,
  ),
  toDriftMethod(
    { id: "fisher", displayName: "Fisher's exact test", defaultThreshold: 0.05, direction: "below" },
    { columnKinds: discreteKinds, scoreKind: "p_value" },
    (c) => {
      const r = fisherExactTest(toFirstVersusRest(toCounts(c)));
      return r.status === "ok" ? toOk({ score: r.pValue, statistic: r.oddsRatio }) : r;
    },
  ),
  toNumericMethod(
    { id: "anderson", displayName: "Anderson-Darling (k-sample)", defaultThreshold: 0.1, direction: "below" },
    "p_value",
    (s) => {
      const r = andersonDarlingKSampleTest([s.reference, s.current]);
      return r.status === "ok" ? toOk({ score: r.significanceLevel, statistic: r.statistic }) : r;
    },
  ),
  toNumericTestMethod(
    { id: "cvm", displayName: "Cramér-von Mises", defaultThreshold: 0.1, direction: "at_or_below" },
    cramerVonMisesTest,
  ),
  toNumericMethod(
    { id: "energy", displayName: "Energy distance", defaultThreshold: 0.1, direction: "above" },
    "distance",
    (s) => distanceScore(energyDistance(s.reference, s.current), "distance"),
  ),
  toNumericTestMethod(
    { id: "mannwhitney", displayName: "Mann-Whitney U", defaultThreshold: 0.05, direction: "below" },
    mannWhitneyUTest,
  ),
  toNumericTestMethod(
    { id: "ttest", displayName: "Welch's t-test", defaultThreshold: 0.05, direction: "below" },
    welchTTest,
  ),
  toEmbeddingMethod(
    { id: "mmd", displayName: "Maximum mean discrepancy", defaultThreshold: 0.05, direction: "below" },
    "p_value",
    (s, o) => {
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
  ),
  toEmbeddingMethod(
    {
      id: "centroid_distance",
      displayName: "Centroid distance",
      defaultThreshold: 0.2,
      direction: "at_or_above",
    },
    "distance",
    (s, o) => {
      const r = computeCentroidDistance(s.reference, s.current);
      if (r.status !== "ok") return r;
      const metric = o.centroidMetric ?? "euclidean";
      const score = metric === "cosine" ? r.cosine : r.euclidean;
      if (score === null)
        return toInsufficientData("cosine distance is undefined: a centroid is the zero vector");
      return toOk({ score, details: { metric } });
    },
  ),
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
