/** Finance view of one model: volume and cost from the cost per 1,000 predictions. */
import type { ModelPageData } from "../api/load-model.js";
import { computePredictionCost, formatMoney } from "../model/cost.js";

/** The finance tab. */
export function FinanceTab({ data }: { readonly data: ModelPageData }) {
  const m = data.model;
  const cost = computePredictionCost(data.predictions, m.costPer1kPredictions);
  return (
    <div className="tab-body">
      <h2>Cost</h2>
      <dl className="facts">
        <dt>Predictions (live version)</dt>
        <dd>{data.predictions?.toLocaleString("en") ?? "—"}</dd>
        <dt>Cost per 1,000 predictions</dt>
        <dd>
          {m.costPer1kPredictions === null
            ? "not set: PATCH /models/{id} with costPer1kPredictions"
            : formatMoney(m.costPer1kPredictions, m.costCurrency)}
        </dd>
        <dt>Cost of these predictions</dt>
        <dd>{formatMoney(cost, m.costCurrency)}</dd>
      </dl>
    </div>
  );
}
