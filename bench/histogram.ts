/**
 * Benchmark: a 20-bin equal-width histogram (range finding included) over 5,000,000 seeded values.
 * Prints the median of 5 runs and the ratio to NumPy's `np.histogram(x, bins=20)` (~50 ms on the
 * project's 2-core machine). Run: `npx tsx --conditions=source bench/histogram.ts`. Never asserts on time.
 */
import { computeEqualWidthHistogram } from "../packages/core/src/descriptive/histogram.js";

const VALUE_COUNT = 5_000_000;
const BIN_COUNT = 20;
const RUNS = 5;
const NUMPY_REFERENCE_MS = 50;

/** Seeded normal sample (mulberry32 + Box-Muller) so every run bins the same data. */
function generateNormalSample(seed: number, count: number): Float64Array {
  let state = seed >>> 0;
  const nextUniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const values = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(nextUniform()));
    const angle = 2 * Math.PI * nextUniform();
    values[i] = radius * Math.cos(angle);
    if (i + 1 < count) values[i + 1] = radius * Math.sin(angle);
  }
  return values;
}

const values = generateNormalSample(20261130, VALUE_COUNT);
// Warm-up so the optimizing JIT has compiled the hot loops before timing.
for (let run = 0; run < 3; run++) computeEqualWidthHistogram(values, BIN_COUNT);
const timesMs: number[] = [];
let total = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const result = computeEqualWidthHistogram(values, BIN_COUNT);
  timesMs.push(performance.now() - start);
  if (result.status === "ok") total = result.counts.reduce((a, b) => a + b, 0);
}
const medianMs = [...timesMs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
console.log(`histogram: ${VALUE_COUNT} values, ${BIN_COUNT} bins, ${total} counted`);
console.log(`runs (ms): ${timesMs.map((t) => t.toFixed(1)).join(", ")}`);
console.log(`median: ${medianMs.toFixed(1)} ms (goal <= 20 ms)`);
console.log(
  `NumPy np.histogram reference: ~${NUMPY_REFERENCE_MS} ms → ${(NUMPY_REFERENCE_MS / medianMs).toFixed(2)}× NumPy speed`,
);
