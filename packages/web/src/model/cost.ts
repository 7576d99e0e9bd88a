/** Cost of predictions from a model's cost per 1,000 predictions. */

/** The cost of `predictions`, or null when no cost is set. */
export function computePredictionCost(predictions: number | null, costPer1k: number | null): number | null {
  if (predictions === null || costPer1k === null) return null;
  return (predictions / 1000) * costPer1k;
}

/** A money amount with its currency. */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return "—";
  return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 2 }).format(
    amount,
  );
}
