/**
 * Increasing isotonic regression by pool-adjacent-violators, as scikit-learn 1.2 `IsotonicRegression(
 * out_of_bounds="clip")`: labels of tied inputs are averaged first, PAV pools adjacent violating blocks
 * (weighted by row count), and prediction interpolates linearly between fitted points, clipped at the ends.
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";

/** A fitted isotonic function: increasing knots and their fitted values. */
export interface IsotonicFit {
  readonly knots: readonly number[];
  readonly values: readonly number[];
}

/** Indices of `values` in ascending order (stable for ties). */
export function deriveAscendingOrder(values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
}

/** Collapses tied x into one point each, with mean y and the tie count as weight. */
function collapseTies(x: ArrayLike<number>, y: ArrayLike<number>) {
  const order = deriveAscendingOrder(x);
  const knots: number[] = [];
  const sums: number[] = [];
  const weights: number[] = [];
  for (const index of order) {
    const xi = x[index] as number;
    const last = knots.length - 1;
    if (last >= 0 && knots[last] === xi) {
      sums[last]! += y[index] as number;
      weights[last]! += 1;
    } else {
      knots.push(xi);
      sums.push(y[index] as number);
      weights.push(1);
    }
  }
  return { knots, sums, weights };
}

/** Fits an increasing isotonic regression of `y` on `x` (finite values); empty input → insufficient_data. */
export function fitIsotonicRegression(x: ArrayLike<number>, y: ArrayLike<number>): StatResult<IsotonicFit> {
  if (x.length !== y.length) throw new RangeError("x and y lengths differ");
  if (x.length === 0) return toInsufficientData("isotonic regression needs at least one point");
  const { knots, sums, weights } = collapseTies(x, y);
  // Stack of pooled blocks: weighted sum, weight and the number of knots each covers.
  const blockSums: number[] = [];
  const blockWeights: number[] = [];
  const blockSpans: number[] = [];
  for (let k = 0; k < knots.length; k++) {
    let sum = sums[k]!;
    let weight = weights[k]!;
    let span = 1;
    while (blockSums.length > 0) {
      const top = blockSums.length - 1;
      if (blockSums[top]! / blockWeights[top]! < sum / weight) break;
      sum += blockSums.pop()!;
      weight += blockWeights.pop()!;
      span += blockSpans.pop()!;
    }
    blockSums.push(sum);
    blockWeights.push(weight);
    blockSpans.push(span);
  }
  const values: number[] = [];
  blockSums.forEach((sum, block) => {
    const mean = sum / blockWeights[block]!;
    for (let s = 0; s < blockSpans[block]!; s++) values.push(mean);
  });
  return toOk({ knots, values });
}

/** Evaluates a fit at `x`: linear interpolation between knots, clipped to the end values outside them. */
export function predictIsotonic(fit: IsotonicFit, x: number): number {
  const { knots, values } = fit;
  const last = knots.length - 1;
  if (x <= knots[0]!) return values[0]!;
  if (x >= knots[last]!) return values[last]!;
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (knots[middle]! <= x) low = middle;
    else high = middle;
  }
  const fraction = (x - knots[low]!) / (knots[high]! - knots[low]!);
  return values[low]! + fraction * (values[high]! - values[low]!);
}
