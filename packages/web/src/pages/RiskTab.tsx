/** Risk view: fairness per group over time, the model's incidents, and its model card. */
import { useMemo } from "react";
import { useApp } from "../api/app-context.js";
import { loadResultsOf, type ModelPageData } from "../api/load-model.js";
import { useAsync } from "../api/use-async.js";
import { TimeSeriesChart } from "../charts/TimeSeriesChart.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { IncidentTable } from "../components/IncidentTable.js";
import { ModelCard } from "../components/ModelCard.js";
import { MonitorChart } from "../components/MonitorChart.js";
import { NoMonitors } from "../components/NoMonitors.js";
import { EmptyState } from "../components/EmptyState.js";

/** The risk tab. */
export function RiskTab({ data }: { readonly data: ModelPageData }) {
  const { client } = useApp();
  const fairness = useMemo(() => (data.monitors ?? []).filter((m) => m.kind === "fairness"), [data.monitors]);
  const state = useAsync(() => loadResultsOf(client, fairness, 720), [client, fairness]);
  return (
    <div className="tab-body">
      <h2>Fairness per group</h2>
      {fairness.length === 0 ? (
        <NoMonitors modelId={data.model.id} what="fairness" kind="fairness" />
      ) : (
        <AsyncBlock state={state} what="fairness results">
          {(results) => (
            <>
              {fairness.map((monitor) => {
                const rows = (results.get(monitor.id) ?? []).filter((r) => r.segment === null);
                const groups = [
                  ...new Set(
                    rows.flatMap((r) =>
                      Object.keys((r.evidence.selectionRate as Record<string, number> | undefined) ?? {}),
                    ),
                  ),
                ].sort();
                return (
                  <div key={monitor.id}>
                    <MonitorChart monitor={monitor} results={rows} />
                    {groups.length === 0 ? null : (
                      <figure className="chart-figure">
                        <figcaption>
                          Selection rate per group (
                          {String(monitor.params.protectedAttribute ?? "protected attribute")})
                        </figcaption>
                        <TimeSeriesChart
                          label="Selection rate per group over time"
                          timesMs={rows.map((r) => Date.parse(r.windowStart))}
                          series={groups.map((g) => ({
                            label: g,
                            values: rows.map(
                              (r) =>
                                (r.evidence.selectionRate as Record<string, number> | undefined)?.[g] ?? null,
                            ),
                          }))}
                        />
                      </figure>
                    )}
                  </div>
                );
              })}
            </>
          )}
        </AsyncBlock>
      )}
      <h2>Incidents</h2>
      {data.incidents === undefined ? (
        <EmptyState title="Incidents are not available on this server yet">
          Upgrade the server to see incidents.
        </EmptyState>
      ) : (
        <IncidentTable incidents={data.incidents} />
      )}
      <h2>Model card</h2>
      <ModelCard data={data} />
    </div>
  );
}
