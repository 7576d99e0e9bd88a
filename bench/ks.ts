// Measures the two-sample Kolmogorov-Smirnov test on 1M × 1M seeded normal samples: radix sort of 1M doubles,
// then the full test (both sorts, merge, p-value) with and without drift, median of 5 runs against SciPy's 940 ms.
import { kolmogorovSmirnovTest } from "../packages/core/src/drift/methods/kolmogorov-smirnov.js";
import { sortFloat64 } from "../packages/core/src/sorting/sort-float64.js";
import { generateNormalSample, measureMedianMs } from "./sample-timing.js";

const SIZE = 1_000_000;
const SCIPY_KS_MS = 940;

const reference = generateNormalSample(SIZE, 1, 0);
const sameDistribution = generateNormalSample(SIZE, 2, 0);
const drifted = generateNormalSample(SIZE, 3, 0.005);

const sortMs = measureMedianMs(() => sortFloat64(reference)).medianMs;
const builtInSortMs = measureMedianMs(() => Float64Array.from(reference).sort()).medianMs;
console.log(
  `sortFloat64, 1M doubles: ${sortMs.toFixed(1)} ms (built-in Float64Array sort: ${builtInSortMs.toFixed(1)} ms)`,
);

for (const [label, current] of [
  ["no drift", sameDistribution],
  ["shift 0.005 sd", drifted],
] as const) {
  const result = kolmogorovSmirnovTest(reference, current);
  const totalMs = measureMedianMs(() => kolmogorovSmirnovTest(reference, current)).medianMs;
  const summary =
    result.status === "ok"
      ? `D = ${result.statistic.toFixed(6)}, p = ${result.pValue.toExponential(3)} (${result.pValueMethod})`
      : result.reason;
  console.log(
    `KS 1M × 1M, ${label}: ${totalMs.toFixed(1)} ms total incl. sorting and p-value; ${summary}; ` +
      `SciPy ${SCIPY_KS_MS} ms → ${(SCIPY_KS_MS / totalMs).toFixed(1)}× faster (ratio ${(totalMs / SCIPY_KS_MS).toFixed(3)})`,
  );
}
