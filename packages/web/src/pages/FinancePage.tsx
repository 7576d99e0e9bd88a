/** Finance across the estate: prediction volume and cost per model and per team (workspace). */
import { useApp } from "../api/app-context.js";
import { loadOverview } from "../api/load-overview.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { computePredictionCost, formatMoney } from "../model/cost.js";

/** The finance page. */
export function FinancePage() {
  const { client } = useApp();
  const state = useAsync(() => loadOverview(client), [client]);
  return (
    <section aria-labelledby="finance-title">
      <h1 id="finance-title">Finance</h1>
      <AsyncBlock state={state} what="models">
        {(overview) => {
          if (overview.rows.length === 0)
            return (
              <EmptyState title="No models yet">Register a model to see its volume and cost.</EmptyState>
            );
          const teams = new Map<string, { name: string; predictions: number; costs: Map<string, number> }>();
          for (const row of overview.rows) {
            const team = teams.get(row.model.workspaceId) ?? {
              name: row.workspace?.name ?? row.model.workspaceId,
              predictions: 0,
              costs: new Map<string, number>(),
            };
            team.predictions += row.predictions ?? 0;
            const cost = computePredictionCost(row.predictions, row.model.costPer1kPredictions);
            if (cost !== null)
              team.costs.set(row.model.costCurrency, (team.costs.get(row.model.costCurrency) ?? 0) + cost);
            teams.set(row.model.workspaceId, team);
          }
          return (
            <>
              <h2>Per team</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Team (workspace)</th>
                    <th scope="col">Predictions</th>
                    <th scope="col">Cost</th>
                  </tr>
                </thead>
                <tbody>
                  {[...teams.entries()].map(([id, t]) => (
                    <tr key={id}>
                      <th scope="row">{t.name}</th>
                      <td className="number">{t.predictions.toLocaleString("en")}</td>
                      <td>
                        {[...t.costs].map(([cur, amount]) => formatMoney(amount, cur)).join(" + ") ||
                          "no cost set"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2>Per model</h2>
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Model</th>
                      <th scope="col">Predictions</th>
                      <th scope="col">Per 1,000</th>
                      <th scope="col">Cost</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.rows.map((row) => (
                      <tr key={row.model.id}>
                        <th scope="row">
                          <Link to={`/models/${row.model.id}?tab=finance`}>{row.model.name}</Link>
                        </th>
                        <td className="number">{row.predictions?.toLocaleString("en") ?? "—"}</td>
                        <td>{formatMoney(row.model.costPer1kPredictions, row.model.costCurrency)}</td>
                        <td>
                          {formatMoney(
                            computePredictionCost(row.predictions, row.model.costPer1kPredictions),
                            row.model.costCurrency,
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </AsyncBlock>
    </section>
  );
}
