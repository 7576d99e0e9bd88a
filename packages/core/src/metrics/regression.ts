/**
 * Regression metrics with scikit-learn 1.2.1 definitions: MAE, MSE, RMSE, MAPE (a fraction, |e| /
 * max(|y|, float64 eps)), R², median absolute error, explained variance, max error, and mean error =
 * mean(y_pred − y_true). R² and explained variance follow sklearn's force_finite rule (perfect fit → 1,
 * otherwise 0 when y_true has zero variance) but detect a constant y_true exactly, where sklearn's
 * rounded mean can leave a 1e-33 "variance" and return −1e33; R² needs two rows (sklearn returns NaN).
 */
import { computeCompensatedSum } from "../descriptive/compensated-sum.js";
import { sortFloat64 } from "../sorting/sort-float64.js";
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import type { MetricValue } from "./metric-value.js";
import { toMetricValue } from "./metric-value.js";

/** Every regression metric; only R² can be unavailable for non-empty input. */
export interface RegressionMetrics {
  readonly count: number;
  readonly mae: number;
  readonly mse: number;
  readonly rmse: number;
  readonly mape: number;
  readonly r2: MetricValue;
  readonly medianAe: number;
  readonly explainedVariance: number;
  readonly maxError: number;
  readonly meanError: number;
}

/** Regression metrics of predictions against truth; empty input → insufficient_data. */
export function computeRegressionMetrics(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yPred: ArrayLike<number>;
}): StatResult<RegressionMetrics> {
  const { yTrue, yPred } = input;
  if (yTrue.length !== yPred.length) throw new RangeError("yTrue and yPred lengths differ");
  const n = yTrue.length;
  if (n === 0) return toInsufficientData("no rows");
  const residuals = new Float64Array(n); // y_true − y_pred, as sklearn's R² and explained variance
  const absoluteErrors = new Float64Array(n);
  const percentageErrors = new Float64Array(n);
  let maxError = 0;
  for (let i = 0; i < n; i++) {
    const truth = yTrue[i] as number;
    const residual = truth - (yPred[i] as number);
    const absolute = Math.abs(residual);
    residuals[i] = residual;
    absoluteErrors[i] = absolute;
    percentageErrors[i] = absolute / Math.max(Math.abs(truth), Number.EPSILON);
    if (absolute > maxError) maxError = absolute;
  }
  const meanResidual = computeCompensatedSum(residuals) / n;
  const squaredErrorSum = computeCompensatedSum(residuals.map((r) => r * r));
  const truthIsConstant = isConstant(yTrue);
  const truthMean = computeCompensatedSum(yTrue) / n;
  const totalSquares = truthIsConstant ? 0 : computeSquaredDeviationSum(yTrue, truthMean);
  const unexplainedSquares = computeSquaredDeviationSum(residuals, meanResidual);
  const mse = squaredErrorSum / n;
  return toOk({
    count: n,
    mae: computeCompensatedSum(absoluteErrors) / n,
    mse,
    rmse: Math.sqrt(mse),
    mape: computeCompensatedSum(percentageErrors) / n,
    r2:
      n < 2
        ? toInsufficientData("R² needs at least two rows")
        : toMetricValue(computeForcedFiniteScore(squaredErrorSum, totalSquares)),
    medianAe: computeMedian(absoluteErrors),
    explainedVariance: computeForcedFiniteScore(unexplainedSquares / n, totalSquares / n),
    maxError,
    meanError: -meanResidual,
  });
}

/** sklearn's `_assemble_r2_explained_variance` with force_finite=True. */
function computeForcedFiniteScore(numerator: number, denominator: number): number {
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}

function isConstant(values: ArrayLike<number>): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

function computeSquaredDeviationSum(values: ArrayLike<number>, center: number): number {
  const squares = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const deviation = (values[i] as number) - center;
    squares[i] = deviation * deviation;
  }
  return computeCompensatedSum(squares);
}

/** NumPy median: the middle value, or the mean of the two middle values. */
function computeMedian(unsorted: Float64Array): number {
  const values = sortFloat64(unsorted);
  const middle = values.length >> 1;
  return values.length % 2 === 1
    ? (values[middle] as number)
    : ((values[middle - 1] as number) + (values[middle] as number)) / 2;
}
