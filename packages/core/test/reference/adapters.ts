/**
 * One adapter per reference `fn`: turns a case's inputs and options into a call of the core function
 * and returns the values under the names the vector file uses. Adapters hold no statistics.
 */
import { countCategories, type Category } from "../../src/drift/category-counts.js";
import { andersonDarlingKSampleTest } from "../../src/drift/methods/anderson-darling.js";
import { computeCentroidDistance } from "../../src/drift/methods/centroid-distance.js";
import { chiSquareContingencyTest } from "../../src/drift/methods/chi-square-contingency.js";
import { chiSquareGoodnessOfFitTest } from "../../src/drift/methods/chi-square.js";
import { cramerVonMisesTest } from "../../src/drift/methods/cramer-von-mises.js";
import { energyDistance } from "../../src/drift/methods/energy-distance.js";
import { fisherExactTest } from "../../src/drift/methods/fisher-exact.js";
import { hellingerDistance } from "../../src/drift/methods/hellinger.js";
import { jensenShannonDistance } from "../../src/drift/methods/jensen-shannon.js";
import { kolmogorovSmirnovTest } from "../../src/drift/methods/kolmogorov-smirnov.js";
import { kullbackLeiblerDivergence } from "../../src/drift/methods/kullback-leibler.js";
import { mannWhitneyUTest } from "../../src/drift/methods/mann-whitney.js";
import { computeUnbiasedMmd2 } from "../../src/drift/methods/maximum-mean-discrepancy.js";
import { populationStabilityIndex } from "../../src/drift/methods/population-stability-index.js";
import { twoProportionZTest } from "../../src/drift/methods/two-proportion-z-test.js";
import { wassersteinDistance } from "../../src/drift/methods/wasserstein.js";
import { welchTTest } from "../../src/drift/methods/welch-t-test.js";
import { toEmbeddingMatrix } from "../../src/numeric/embedding-matrix.js";
import { metricAdapters } from "./metric-adapters.js";
import { inputNumber, inputNumbers, inputRows, unwrap, type ReferenceAdapter } from "./case-inputs.js";
import type { ReferenceCase } from "./vector-file.js";

const twoSample = (testCase: ReferenceCase) =>
  [inputNumbers(testCase, "reference"), inputNumbers(testCase, "current")] as const;

const categoryCounts = (testCase: ReferenceCase) =>
  countCategories(testCase.inputs["reference"] as Category[], testCase.inputs["current"] as Category[]);

const counts = (testCase: ReferenceCase) =>
  [inputNumbers(testCase, "reference_counts"), inputNumbers(testCase, "current_counts")] as const;

const testOutcome = (r: { statistic: number; pValue: number }) => ({
  statistic: r.statistic,
  pvalue: r.pValue,
});

const driftAdapters: Record<string, ReferenceAdapter> = {
  ks_2samp: (c) => testOutcome(unwrap(kolmogorovSmirnovTest(...twoSample(c)))),
  cramervonmises_2samp: (c) => testOutcome(unwrap(cramerVonMisesTest(...twoSample(c)))),
  anderson_ksamp: (c) => {
    const r = unwrap(andersonDarlingKSampleTest(twoSample(c)));
    return { statistic: r.statistic, significance_level: r.significanceLevel };
  },
  wasserstein_distance: (c) => ({ distance: unwrap(wassersteinDistance(...twoSample(c))).distance }),
  energy_distance: (c) => ({ distance: unwrap(energyDistance(...twoSample(c))).distance }),
  mannwhitneyu: (c) => testOutcome(unwrap(mannWhitneyUTest(...twoSample(c)))),
  ttest_ind_welch: (c) => testOutcome(unwrap(welchTTest(...twoSample(c)))),
  chisquare_gof: (c) => {
    const k = categoryCounts(c);
    const r = unwrap(chiSquareGoodnessOfFitTest(k.reference, k.current));
    return { ...testOutcome(r), dof: r.degreesOfFreedom };
  },
  chi2_contingency: (c) => {
    const k = categoryCounts(c);
    const r = unwrap(chiSquareContingencyTest(k.reference, k.current));
    return { ...testOutcome(r), dof: r.degreesOfFreedom };
  },
  jensenshannon_counts: (c) => {
    const base = c.options["base"];
    const options = base === "e" || base === undefined ? {} : { base: Number(base) };
    return { distance: unwrap(jensenShannonDistance(...counts(c), options)).distance };
  },
  hellinger_counts: (c) => ({ distance: unwrap(hellingerDistance(...counts(c))).distance }),
  psi_counts: (c) => ({ psi: unwrap(populationStabilityIndex(...counts(c))).psi }),
  kl_counts: (c) => ({ kl: unwrap(kullbackLeiblerDivergence(...counts(c))).kl }),
  fisher_exact: (c) => {
    const [row0, row1] = inputRows(c, "table");
    const r = unwrap(
      fisherExactTest([
        [row0![0]!, row0![1]!],
        [row1![0]!, row1![1]!],
      ]),
    );
    return { oddsratio: r.oddsRatio, pvalue: r.pValue };
  },
  proportions_ztest: (c) =>
    testOutcome(
      unwrap(
        twoProportionZTest({
          referenceSuccesses: inputNumber(c, "reference_successes"),
          referenceTotal: inputNumber(c, "reference_n"),
          currentSuccesses: inputNumber(c, "current_successes"),
          currentTotal: inputNumber(c, "current_n"),
        }),
      ),
    ),
  embedding_centroid_distance: (c) => {
    const r = unwrap(
      computeCentroidDistance(
        toEmbeddingMatrix(inputRows(c, "reference")),
        toEmbeddingMatrix(inputRows(c, "current")),
      ),
    );
    return { euclidean: r.euclidean, cosine: r.cosine };
  },
  mmd2_rbf_unbiased: (c) => {
    const r = unwrap(
      computeUnbiasedMmd2(
        toEmbeddingMatrix(inputRows(c, "reference")),
        toEmbeddingMatrix(inputRows(c, "current")),
      ),
    );
    return { mmd2: r.mmd2, sigma: r.sigma };
  },
};

/** Every adapter by `fn`. */
export const referenceAdapters: Readonly<Record<string, ReferenceAdapter>> = {
  ...driftAdapters,
  ...metricAdapters,
};
