/**
 * Multiple-testing corrections over the p-values of one dataset: Bonferroni (reject when p < alpha/m)
 * and Benjamini-Hochberg (reject the k smallest, k the largest i with p_(i) <= alpha·i/m).
 */

/** Which correction to apply to p-value methods across columns. */
export type MultipleTestingCorrection = "none" | "bonferroni" | "benjamini_hochberg";

/** A p-value with the significance level it is tested at. */
export interface PValueTest {
  readonly pValue: number;
  readonly alpha: number;
}

/** Bonferroni: each test rejects when p < alpha / m. */
export function selectBonferroniRejections(tests: readonly PValueTest[]): boolean[] {
  const m = tests.length;
  return tests.map((t) => t.pValue < t.alpha / m);
}

/**
 * Benjamini-Hochberg step-up: with p-values sorted ascending, find the largest i with p_(i) <= alpha·i/m
 * and reject the i smallest. Each test's own alpha is used at its rank (equal alphas give the textbook rule).
 */
export function selectBenjaminiHochbergRejections(tests: readonly PValueTest[]): boolean[] {
  const m = tests.length;
  const order = tests.map((_, i) => i).sort((a, b) => tests[a]!.pValue - tests[b]!.pValue);
  let cutoff = 0;
  order.forEach((index, rank) => {
    const t = tests[index]!;
    if (t.pValue <= (t.alpha * (rank + 1)) / m) cutoff = rank + 1;
  });
  const rejected = new Array<boolean>(m).fill(false);
  for (let rank = 0; rank < cutoff; rank++) rejected[order[rank]!] = true;
  return rejected;
}

/** Applies a correction; `none` keeps each test's own decision (p < alpha is not assumed: callers decide). */
export function selectCorrectedRejections(
  correction: Exclude<MultipleTestingCorrection, "none">,
  tests: readonly PValueTest[],
): boolean[] {
  return correction === "bonferroni"
    ? selectBonferroniRejections(tests)
    : selectBenjaminiHochbergRejections(tests);
}
