/** Data-science view: performance (estimated vs realised), drift heatmap, feature overlay, segment comparison. */
import { useMemo, useState } from "react";
import { useApp } from "../api/app-context.js";
import { loadResultsOf, type ModelPageData } from "../api/load-model.js";
import { useAsync } from "../api/use-async.js";
import { DriftHeatmap } from "../charts/DriftHeatmap.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";
import { FeatureOverlay } from "../components/FeatureOverlay.js";
import { MonitorChart } from "../components/MonitorChart.js";
import { NoMonitors } from "../components/NoMonitors.js";
import { SegmentComparison } from "../components/SegmentComparison.js";
import { deriveDriftMatrix } from "../model/drift-matrix.js";

const realisedSeries = [{ key: "realised", label: "realised" }];

/** The data-science tab. */
export function DataScienceTab({ data }: { readonly data: ModelPageData }) {
  const { client } = useApp();
  const monitors = useMemo(() => data.monitors ?? [], [data.monitors]);
  const performance = monitors.filter((m) => m.kind === "performance" || m.kind === "estimated_performance");
  const drift = monitors.filter((m) => m.kind === "data_drift" || m.kind === "dataset_drift");
  const segmented = monitors.filter((m) => m.scope.kind !== "all");
  const state = useAsync(
    () => loadResultsOf(client, [...performance, ...drift, ...segmented], 168),
    [client, monitors],
  );
  const [feature, setFeature] = useState<string | undefined>(undefined);
  if (data.monitors === undefined) {
    return (
      <EmptyState title="Monitoring is not available on this server yet">
        Upgrade the server to see results.
      </EmptyState>
    );
  }
  return (
    <AsyncBlock state={state} what="monitor results">
      {(results) => {
        const matrix = deriveDriftMatrix(drift.flatMap((m) => results.get(m.id) ?? []));
        const selected = feature ?? matrix.features[0]?.name;
        return (
          <div className="tab-body">
            <h2>Performance over time</h2>
            {performance.length === 0 ? (
              <NoMonitors modelId={data.model.id} what="performance" kind="estimated_performance" />
            ) : (
              performance.map((m) => (
                <MonitorChart
                  key={m.id}
                  monitor={m}
                  results={results.get(m.id) ?? []}
                  {...(m.kind === "estimated_performance"
                    ? { evidenceSeries: realisedSeries, valueLabel: `estimated ${m.metric}` }
                    : {})}
                />
              ))
            )}
            <h2 id="drift-title">Drift per feature</h2>
            {matrix.features.length === 0 ? (
              <NoMonitors modelId={data.model.id} what="drift" kind="dataset_drift" />
            ) : (
              <>
                <p className="muted small">
                  Red cells drifted; rows are sorted by the number of drifted windows. Select a row to see its
                  distribution.
                </p>
                <DriftHeatmap matrix={matrix} selected={selected} onSelect={setFeature} />
              </>
            )}
            {selected === undefined || data.liveVersion === undefined ? null : (
              <FeatureOverlay
                key={selected}
                data={data}
                feature={selected}
                currentEnd={matrix.windows.at(-1)}
              />
            )}
            <h2>Segment comparison</h2>
            <SegmentComparison data={data} monitors={segmented} results={results} />
          </div>
        );
      }}
    </AsyncBlock>
  );
}
