/** Loads and charts the results of a set of monitors, or says which monitor to create. */
import { useApp } from "../api/app-context.js";
import type { MonitorItem } from "../api/api-types.js";
import { loadResultsOf } from "../api/load-model.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "./AsyncBlock.js";
import { MonitorChart } from "./MonitorChart.js";
import { NoMonitors } from "./NoMonitors.js";

/** Props of MonitorCharts. */
export interface MonitorChartsProps {
  readonly modelId: string;
  readonly monitors: readonly MonitorItem[];
  readonly what: string;
  readonly kind: string;
}

/** One chart per monitor. */
export function MonitorCharts({ modelId, monitors, what, kind }: MonitorChartsProps) {
  const { client } = useApp();
  const state = useAsync(() => loadResultsOf(client, monitors, 720), [client, monitors]);
  if (monitors.length === 0) return <NoMonitors modelId={modelId} what={what} kind={kind} />;
  return (
    <AsyncBlock state={state} what={`${what} results`}>
      {(results) => (
        <>
          {monitors.map((m) => (
            <MonitorChart key={m.id} monitor={m} results={results.get(m.id) ?? []} />
          ))}
        </>
      )}
    </AsyncBlock>
  );
}
