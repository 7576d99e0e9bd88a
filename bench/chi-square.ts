// Measures chi-square drift over a 50-category column with 1M values per side: counting dictionary codes
// (the form the file readers produce) and the goodness-of-fit and contingency tests, median of 5 runs.
// Also the same from 1M JS strings per side (countCategories), the slow path for callers without codes.
import { countCategories } from "../packages/core/src/drift/category-counts.js";
import { computeColumnDrift } from "../packages/core/src/drift/column-drift.js";
import { createSeededRandom } from "../packages/core/src/random/seeded-random.js";
import { measureMedianMs } from "./sample-timing.js";

const SIZE = 1_000_000;
const CATEGORIES = 50;

function generateCodes(seed: number, tilt: number): Int32Array {
  const random = createSeededRandom(seed);
  const codes = new Int32Array(SIZE);
  for (let i = 0; i < SIZE; i++) {
    // A skewed distribution over 50 categories; `tilt` moves mass towards the low codes.
    const u = random.nextFloat() ** (1 + tilt);
    codes[i] = Math.floor(u * CATEGORIES);
  }
  return codes;
}

const categories = Array.from({ length: CATEGORIES }, (_, k) => `c${String(k).padStart(2, "0")}`);
const reference = generateCodes(1, 0);
const current = generateCodes(2, 0.02);
const column = { name: "category", kind: "categorical" as const, categories, reference, current };

for (const method of ["chisquare", "chi2_contingency"] as const) {
  let summary = "";
  const { medianMs, runsMs } = measureMedianMs(() => {
    const r = computeColumnDrift({ column, method });
    summary =
      r.status === "ok"
        ? `p = ${r.score.toExponential(3)}, statistic = ${r.statistic?.toFixed(2)}`
        : r.reason;
  });
  console.log(
    `${method}, ${CATEGORIES} categories × ${SIZE} codes per side: median ${medianMs.toFixed(1)} ms ` +
      `(runs ${runsMs.map((t) => t.toFixed(1)).join(", ")}); ${summary}`,
  );
}

const referenceStrings = Array.from(reference, (code) => categories[code]!);
const currentStrings = Array.from(current, (code) => categories[code]!);
const { medianMs } = measureMedianMs(() => countCategories(referenceStrings, currentStrings));
console.log(
  `counting ${SIZE} JS strings per side into ${CATEGORIES} categories: median ${medianMs.toFixed(1)} ms`,
);
