/**
 * Primes the report's numeric loops in the calling thread on small synthetic columns, so that V8 has
 * seen every operation of them before a million-row column arrives (docs/decisions/0008, "Priming").
 *
 * Why: a report calls each loop of feature scoring (moments, the pooled merge, category counts) only a
 * few times per thread, each time over a million values. V8 then compiles the loop in the middle of its
 * first call (on-stack replacement) from what it has seen so far: the code after the loop has never run,
 * so the compiled loop keeps its running doubles boxed (a heap number per step: hundreds of young-
 * generation collections per report), gives up at the loop's end, and the next calls go the same way.
 * A dozen calls on a few hundred values first let V8 compile these functions whole with complete type
 * feedback: the moments of a million sorted values then take 3 ms instead of 12 ms per side.
 *
 * Priming costs about 20 ms per thread (mostly compiling) and pays from a few hundred thousand rows per
 * side (`minRowsForPriming`; at 100k no priming measured best): it runs while the threads would
 * otherwise wait for DuckDB, on the main thread while DuckDB profiles the files, in the worker once it
 * has opened its DuckDB and waits for its read. The main thread also primes the performance section
 * (run once per side there), which costs about 60 ms of compiling, a round per event-loop turn so that
 * it fills the thread's waits for DuckDB instead of delaying them.
 */
import { selectPolicyDriftMethod, type DriftColumn } from "@sextant/core";
import type { LoadedCategoricalColumn, LoadedNumericColumn } from "../files/loaded-datasets.js";
import { defaultDriftSettings, type DriftSettings } from "./drift-section.js";
import { scoreFeature } from "./feature-drift.js";
import { computePerformanceSection } from "./performance-section.js";

/** Rows per synthetic side: enough for every branch, far too few for V8 to compile mid-loop. */
const primingRows = 256;

/** Calls per function: V8 compiles a function whole once it has been called this often. */
const primingRounds = 12;

/** Deterministic continuous values with a few repeats and one missing value. */
function syntheticValues(seed: number): Float64Array {
  const values = new Float64Array(primingRows);
  for (let i = 0; i < primingRows; i++) values[i] = i % 17 === 0 ? 0.5 : Math.sin(seed + i * 0.731) * 3;
  values[Math.floor(seed * 7) % primingRows] = Number.NaN;
  return values;
}

function syntheticCodes(seed: number, size: number): Int32Array {
  return Int32Array.from({ length: primingRows }, (_, i) => (i % 23 === 0 ? -1 : (i * 7 + seed) % size));
}

/**
 * `settings` with the methods its policy picks for a million-row column (a few hundred rows would get the
 * small-sample methods, whose loops the real columns never run).
 */
function atScale(settings: DriftSettings): DriftSettings {
  const profile = { referenceSize: 1_000_000, uniqueCount: 1_000_000 };
  return {
    ...settings,
    methodByColumn: {
      "primed numeric": selectPolicyDriftMethod(settings.policy, { ...profile, kind: "numeric" }),
      "primed categorical": selectPolicyDriftMethod(settings.policy, { ...profile, kind: "categorical" }),
    },
  };
}

/** One round of feature scoring: a numeric and a categorical synthetic feature. */
function scoreSyntheticFeatures(round: number, settings: DriftSettings): void {
  const numeric: DriftColumn = {
    name: "primed numeric",
    kind: "numeric",
    reference: syntheticValues(round),
    current: syntheticValues(round + 0.5),
  };
  const categorical: DriftColumn = {
    name: "primed categorical",
    kind: "categorical",
    categories: ["a", "b", "c", "d"],
    reference: syntheticCodes(round, 4),
    current: syntheticCodes(round + 1, 3),
  };
  // In place, as a report without segments scores its features.
  scoreFeature(numeric, settings, true);
  scoreFeature(categorical, settings, true);
}

/**
 * Scores synthetic features `primingRounds` times in this thread (under `settings`, default policy if
 * none); false when a round failed (a bug, which priming must not turn into a failed report: it only
 * ever costs speed).
 */
export function primeFeatureScoring(settings: DriftSettings = defaultDriftSettings): boolean {
  const scaled = atScale(settings);
  try {
    for (let round = 0; round < primingRounds; round++) scoreSyntheticFeatures(round, scaled);
    return true;
  } catch {
    return false;
  }
}

/**
 * Rows per side from which a report primes its loops: below, the saving is smaller than the cost (the
 * worker's wait before its read is too short, the performance section's compiling too long; measured at
 * 100k and 1M).
 */
export const minRowsForPriming = 300_000;

/** One round of binary performance (metrics, curves, calibration) on a synthetic pair. */
function computeSyntheticPerformance(round: number): void {
  const target: LoadedCategoricalColumn = {
    kind: "categorical",
    categories: [0, 1],
    reference: syntheticCodes(round, 2),
    current: syntheticCodes(round + 1, 2),
  };
  const probability = (seed: number) => syntheticValues(seed).map((v) => (Number.isNaN(v) ? v : (v + 3) / 6));
  const proba: LoadedNumericColumn = {
    kind: "numeric",
    reference: probability(round),
    current: probability(round + 0.25),
    typeErrors: { reference: 0, current: 0 },
  };
  computePerformanceSection({ targetName: "y", target, probaNames: ["p"], proba: [proba] }, () => undefined);
}

/**
 * Primes the performance section a round per event-loop turn (after pending I/O callbacks) while
 * `wanted()` holds, so the thread primes in its waits for DuckDB and stops once it has real work.
 * Settles when done or stopped (true), or at a failing round (false: a bug, which priming must not
 * turn into a failed report).
 */
export async function primePerformanceInSteps(wanted: () => boolean): Promise<boolean> {
  for (let round = 0; round < primingRounds; round++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!wanted()) return true;
    try {
      computeSyntheticPerformance(round);
    } catch {
      return false;
    }
  }
  return true;
}
