/**
 * fast-check arbitraries for the count-based drift divergences: two aligned count vectors whose last
 * category is at least 1 on each side, so neither side is empty and every property has data to test.
 */
import fc from "fast-check";

const counts = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 });

/** [reference, current]: equal length 1–12, counts 0–1001, the last count of each side >= 1. */
export const alignedCountPairs: fc.Arbitrary<readonly [number[], number[]]> = fc
  .tuple(counts, counts)
  .map(([a, b]) => {
    const length = Math.min(a.length, b.length);
    const reference = [...a.slice(0, length - 1), (a[length - 1] ?? 0) + 1];
    const current = [...b.slice(0, length - 1), (b[length - 1] ?? 0) + 1];
    return [reference, current] as const;
  });
