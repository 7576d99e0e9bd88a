/**
 * Log loss as scikit-learn 1.2.1 `log_loss` (eps="auto"): probabilities are clipped to
 * [ε, 1−ε] with ε = float64 machine epsilon (2.22e-16, not the older 1e-15), each row is renormalised
 * to sum 1 (a binary score p becomes the row [1−p, p] after clipping), and the loss is −mean ln p(true).
 */
import { computeCompensatedSum } from "../descriptive/compensated-sum.js";

const CLIP_EPSILON = Number.EPSILON;

function clipProbability(p: number): number {
  return Math.min(Math.max(p, CLIP_EPSILON), 1 - CLIP_EPSILON);
}

/**
 * Mean binary log loss of 0/1 labels against positive-class probabilities (non-empty input). The losses
 * are summed as they are computed, with the same Neumaier steps as `computeCompensatedSum` over an
 * array of them (so the same result), without that array.
 */
export function computeBinaryLogLoss(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const positive = clipProbability(yScore[i] as number);
    const negative = 1 - positive;
    const rowSum = negative + positive;
    const loss = -Math.log((yTrue[i] === 1 ? positive : negative) / rowSum);
    const next = sum + loss;
    compensation += Math.abs(sum) >= Math.abs(loss) ? sum - next + loss : loss - next + sum;
    sum = next;
  }
  return (sum + compensation) / yTrue.length;
}

/** Mean multiclass log loss; `probabilities` is row-major n × classCount, `classIndex` the true column. */
export function computeMulticlassLogLoss(input: {
  readonly classIndex: ArrayLike<number>;
  readonly probabilities: Float64Array;
  readonly classCount: number;
}): number {
  const { classIndex, probabilities, classCount } = input;
  const rowCount = classIndex.length;
  const losses = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const offset = i * classCount;
    let rowSum = 0;
    for (let c = 0; c < classCount; c++) rowSum += clipProbability(probabilities[offset + c] as number);
    const truth = clipProbability(probabilities[offset + (classIndex[i] as number)] as number);
    losses[i] = -Math.log(truth / rowSum);
  }
  return computeCompensatedSum(losses) / rowCount;
}
