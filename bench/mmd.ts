/**
 * Benchmark of the `mmd` drift method: 1,000 × 64-dimension embeddings per side with 100 permutations,
 * median wall time of 3 runs on seeded synthetic data. Prints figures only; never asserts on time.
 */

import { computeMaximumMeanDiscrepancy } from "../packages/core/src/drift/methods/maximum-mean-discrepancy.js";
import { toEmbeddingMatrix } from "../packages/core/src/numeric/embedding-matrix.js";
import type { EmbeddingMatrix } from "../packages/core/src/numeric/embedding-matrix.js";
import { createSeededRandom } from "../packages/core/src/random/seeded-random.js";
import type { SeededRandom } from "../packages/core/src/random/seeded-random.js";

const ROWS_PER_SIDE = 1000;
const DIMENSION = 64;
const PERMUTATIONS = 100;
const RUNS = 3;
const GOAL_MS = 1000;

// Box-Muller: two uniforms give one standard normal (the second is discarded to keep the code short).
function drawNormal(random: SeededRandom): number {
  const u = 1 - random.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextFloat());
}

function generateEmbeddings(random: SeededRandom, shift: number): EmbeddingMatrix {
  const rows: number[][] = [];
  for (let r = 0; r < ROWS_PER_SIDE; r += 1) {
    rows.push(Array.from({ length: DIMENSION }, () => drawNormal(random) + shift));
  }
  return toEmbeddingMatrix(rows);
}

const random = createSeededRandom(42);
const reference = generateEmbeddings(random, 0);
const current = generateEmbeddings(random, 0.05);
const timesMs: number[] = [];
let summary = "";
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  const result = computeMaximumMeanDiscrepancy(reference, current, { permutationCount: PERMUTATIONS });
  timesMs.push(performance.now() - started);
  summary =
    result.status === "ok"
      ? `mmd2=${result.mmd2.toExponential(4)} sigma=${result.sigma.toFixed(4)} p=${result.pValue.toFixed(4)}`
      : `insufficient_data: ${result.reason}`;
}
timesMs.sort((a, b) => a - b);
const medianMs = timesMs[Math.floor(RUNS / 2)] ?? Number.NaN;
console.log(`mmd ${ROWS_PER_SIDE}x${DIMENSION} per side, ${PERMUTATIONS} permutations: ${summary}`);
console.log(
  `median of ${RUNS} runs: ${medianMs.toFixed(1)} ms (runs: ${timesMs.map((t) => t.toFixed(1)).join(", ")} ms; goal <= ${GOAL_MS} ms)`,
);
