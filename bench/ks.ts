// Measures the two-sample Kolmogorov-Smirnov test on 1M × 1M seeded normal samples: radix sort of 1M doubles,
// then the full test (both sorts, merge, p-value) with and without drift, median of 5 runs against SciPy's 940 ms.
import { kolmogorovSmirnovTest } from "../packages/core/src/drift/methods/kolmogorov-smirnov.js";
import { sortFloat64 } from "../packages/core/src/sorting/sort-float64.js";

const SIZE = 1_000_000;
const RUNS = 5;
const SCIPY_KS_MS = 940;

/** Seeded standard normal sample (mulberry32 + Box-Muller), shifted by `shift`. */
function generateNormalSample(size: number, seed: number, shift: number): Float64Array {
  let state = seed >>> 0;
  const nextUnit = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 2 ** 32;
  };
  return Float64Array.from(
    { length: size },
    () => Math.sqrt(-2 * Math.log(nextUnit())) * Math.cos(2 * Math.PI * nextUnit()) + shift,
  );
}

/** Median wall time in ms of `RUNS` calls, after one warm-up call. */
function measureMedianMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

const reference = generateNormalSample(SIZE, 1, 0);
const sameDistribution = generateNormalSample(SIZE, 2, 0);
const drifted = generateNormalSample(SIZE, 3, 0.005);

const sortMs = measureMedianMs(() => sortFloat64(reference));
const builtInSortMs = measureMedianMs(() => Float64Array.from(reference).sort());
console.log(
  `sortFloat64, 1M doubles: ${sortMs.toFixed(1)} ms (built-in Float64Array sort: ${builtInSortMs.toFixed(1)} ms)`,
);

for (const [label, current] of [
  ["no drift", sameDistribution],
  ["shift 0.005 sd", drifted],
] as const) {
  const result = kolmogorovSmirnovTest(reference, current);
  const totalMs = measureMedianMs(() => kolmogorovSmirnovTest(reference, current));
  const summary =
    result.status === "ok"
      ? `D = ${result.statistic.toFixed(6)}, p = ${result.pValue.toExponential(3)} (${result.pValueMethod})`
      : result.reason;
  console.log(
    `KS 1M × 1M, ${label}: ${totalMs.toFixed(1)} ms total incl. sorting and p-value; ${summary}; ` +
      `SciPy ${SCIPY_KS_MS} ms → ${(SCIPY_KS_MS / totalMs).toFixed(1)}× faster (ratio ${(totalMs / SCIPY_KS_MS).toFixed(3)})`,
  );
}
