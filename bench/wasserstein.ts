// Measures the Wasserstein-1 distance (and its normed variant) on 1M × 1M seeded normal samples,
// median of 5 runs including both sorts and the merge.
import {
  normedWassersteinDistance,
  wassersteinDistance,
} from "../packages/core/src/drift/methods/wasserstein.js";
import { energyDistance } from "../packages/core/src/drift/methods/energy-distance.js";

const SIZE = 1_000_000;
const RUNS = 5;

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
const current = generateNormalSample(SIZE, 2, 0.1);

for (const [label, run] of [
  ["Wasserstein", () => wassersteinDistance(reference, current)],
  ["normed Wasserstein", () => normedWassersteinDistance(reference, current)],
  ["energy distance", () => energyDistance(reference, current)],
] as const) {
  const result = run();
  const value = result.status === "ok" ? result.distance.toFixed(6) : result.reason;
  console.log(`${label} 1M × 1M: ${measureMedianMs(run).toFixed(1)} ms (value ${value})`);
}
