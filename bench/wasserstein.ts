// Measures the Wasserstein-1 distance (and its normed variant) on 1M × 1M seeded normal samples,
// median of 5 runs including both sorts and the merge.
import {
  normedWassersteinDistance,
  wassersteinDistance,
} from "../packages/core/src/drift/methods/wasserstein.js";
import { energyDistance } from "../packages/core/src/drift/methods/energy-distance.js";
import { generateNormalSample, measureMedianMs } from "./sample-timing.js";

const SIZE = 1_000_000;

const reference = generateNormalSample(SIZE, 1, 0);
const current = generateNormalSample(SIZE, 2, 0.1);

for (const [label, run] of [
  ["Wasserstein", () => wassersteinDistance(reference, current)],
  ["normed Wasserstein", () => normedWassersteinDistance(reference, current)],
  ["energy distance", () => energyDistance(reference, current)],
] as const) {
  const result = run();
  const value = result.status === "ok" ? result.distance.toFixed(6) : result.reason;
  console.log(`${label} 1M × 1M: ${measureMedianMs(run).medianMs.toFixed(1)} ms (value ${value})`);
}
