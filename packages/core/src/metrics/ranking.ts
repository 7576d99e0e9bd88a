/**
 * Ranking metrics averaged over queries (each query = one relevance row and one score row; rows may
 * differ in length). NDCG@k is scikit-learn 1.2.1 `ndcg_score(k, ignore_ties=False)`: linear gain,
 * discount 1/log2(rank+1) for ranks <= k, tied scores share their group's mean gain, ideal DCG from the
 * relevance sorted descending, and a query with no relevant item scores 0. The others call an item
 * relevant when relevance > 0 and break score ties by input order (stable): with rel_i = [item at rank i
 * is relevant], R = relevant items in the query,
 *   AP@k = Σ_{i<=k} rel_i·precision@i / min(k, R)   (0 when R = 0), MAP@k = mean AP@k;
 *   RR = 1 / rank of the first relevant item within the first k (0 if none), MRR = mean RR;
 *   hit@k = 1 if any of the first k items is relevant, hit rate = mean hit@k.
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";

/** Per-query relevance and scores, aligned item by item. */
export interface RankingInput {
  readonly relevance: readonly ArrayLike<number>[];
  readonly scores: readonly ArrayLike<number>[];
}

/** A ranking metric averaged over the queries. */
export type RankingResult = StatResult<{ readonly value: number; readonly queryCount: number }>;

function validateQueries(input: RankingInput, k: number): void {
  if (input.relevance.length !== input.scores.length) {
    throw new RangeError("relevance and scores must hold the same number of queries");
  }
  input.relevance.forEach((row, q) => {
    if (row.length !== input.scores[q]!.length) throw new RangeError(`query ${q}: length mismatch`);
  });
  if (!(Number.isInteger(k) && k >= 1) && k !== Infinity) {
    throw new RangeError("k must be a positive integer");
  }
}

function averageOverQueries(
  input: RankingInput,
  k: number,
  scoreQuery: (relevance: ArrayLike<number>, scores: ArrayLike<number>) => number,
): RankingResult {
  validateQueries(input, k);
  const queryCount = input.relevance.length;
  if (queryCount === 0) return toInsufficientData("no queries");
  let sum = 0;
  for (let q = 0; q < queryCount; q++) sum += scoreQuery(input.relevance[q]!, input.scores[q]!);
  return toOk({ value: sum / queryCount, queryCount });
}

/** Item indices by descending score, ties kept in input order. */
function deriveRankOrder(scores: ArrayLike<number>): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  return order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
}

function computeDiscounts(length: number, k: number): Float64Array {
  const discounts = new Float64Array(length);
  for (let i = 0; i < Math.min(length, k); i++) discounts[i] = 1 / (Math.log(i + 2) / Math.LN2);
  return discounts;
}

/** DCG where every group of tied scores shares the mean gain of its members (McSherry & Najork). */
function computeTieAveragedDcg(relevance: ArrayLike<number>, scores: ArrayLike<number>, k: number) {
  const order = deriveRankOrder(scores);
  const discounts = computeDiscounts(order.length, k);
  let cumulativeDiscount = 0;
  let previousCumulative = 0;
  let dcg = 0;
  let start = 0;
  while (start < order.length) {
    const score = scores[order[start]!] as number;
    let end = start;
    let gainSum = 0;
    while (end < order.length && scores[order[end]!] === score) {
      gainSum += relevance[order[end]!] as number;
      cumulativeDiscount += discounts[end]!;
      end++;
    }
    dcg += (gainSum / (end - start)) * (cumulativeDiscount - previousCumulative);
    previousCumulative = cumulativeDiscount;
    start = end;
  }
  return dcg;
}

function computeIdealDcg(relevance: ArrayLike<number>, k: number): number {
  const sorted = Float64Array.from(relevance).sort().reverse();
  const discounts = computeDiscounts(sorted.length, k);
  let dcg = 0;
  for (let i = 0; i < Math.min(sorted.length, k); i++) dcg += sorted[i]! * discounts[i]!;
  return dcg;
}

/** Mean NDCG@k over queries as sklearn `ndcg_score(ignore_ties=False)`; relevance must be >= 0. */
export function computeNdcgAtK(input: RankingInput & { readonly k: number }): RankingResult {
  return averageOverQueries(input, input.k, (relevance, scores) => {
    for (let i = 0; i < relevance.length; i++) {
      if ((relevance[i] as number) < 0) throw new RangeError("NDCG needs non-negative relevance");
    }
    const ideal = computeIdealDcg(relevance, input.k);
    return ideal === 0 ? 0 : computeTieAveragedDcg(relevance, scores, input.k) / ideal;
  });
}

/** Mean average precision at k (definition in the module header). */
export function computeMeanAveragePrecisionAtK(input: RankingInput & { readonly k: number }): RankingResult {
  return averageOverQueries(input, input.k, (relevance, scores) => {
    let relevantCount = 0;
    for (let i = 0; i < relevance.length; i++) if ((relevance[i] as number) > 0) relevantCount++;
    if (relevantCount === 0) return 0;
    const order = deriveRankOrder(scores);
    let hits = 0;
    let precisionSum = 0;
    for (let rank = 1; rank <= Math.min(order.length, input.k); rank++) {
      if ((relevance[order[rank - 1]!] as number) > 0) precisionSum += ++hits / rank;
    }
    return precisionSum / Math.min(input.k, relevantCount);
  });
}

/** Mean reciprocal rank of the first relevant item (within the first k when k is given). */
export function computeMeanReciprocalRank(input: RankingInput & { readonly k?: number }): RankingResult {
  const k = input.k ?? Infinity;
  return averageOverQueries(input, k, (relevance, scores) => {
    const order = deriveRankOrder(scores);
    const firstHit = order.findIndex((item) => (relevance[item] as number) > 0);
    return firstHit === -1 || firstHit >= k ? 0 : 1 / (firstHit + 1);
  });
}

/** Share of queries with at least one relevant item among the first k. */
export function computeHitRateAtK(input: RankingInput & { readonly k: number }): RankingResult {
  return averageOverQueries(input, input.k, (relevance, scores) => {
    const order = deriveRankOrder(scores);
    return order.slice(0, input.k).some((item) => (relevance[item] as number) > 0) ? 1 : 0;
  });
}
