/** Operations view: prediction volume per window, freshness of the latest data, ingest errors from the audit log. */
import { useMemo } from "react";
import { canReadAudit, useApp } from "../api/app-context.js";
import { loadResultsOf, type ModelPageData } from "../api/load-model.js";
import { useAsync } from "../api/use-async.js";
import { TimeSeriesChart } from "../charts/TimeSeriesChart.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";

/** The operations tab. */
export function OperationsTab({ data }: { readonly data: ModelPageData }) {
  const { client, session } = useApp();
  const hourly = useMemo(
    () =>
      (data.monitors ?? []).filter((m) => m.window.kind === "hourly" && m.scope.kind === "all").slice(0, 1),
    [data.monitors],
  );
  const volume = useAsync(() => loadResultsOf(client, hourly, 720), [client, hourly]);
  const versionId = data.liveVersion?.id;
  const ingest = useAsync(async () => {
    if (versionId === undefined || !canReadAudit(session)) return [];
    const page = await client.call("listAuditEvents", { query: { targetId: versionId, limit: 200 } });
    return page.items.filter((e) => e.action.startsWith("ingest") || typeof e.details.rejected === "number");
  }, [client, versionId, session]);
  const latest = data.monitors
    ?.map((m) => m.evaluatedUntil)
    .filter((v): v is string => v !== null)
    .sort()
    .at(-1);
  return (
    <div className="tab-body">
      <h2>Volume</h2>
      <p>
        <strong>{data.predictions?.toLocaleString("en") ?? "—"}</strong> predictions stored for the live
        version.
      </p>
      {hourly.length === 0 ? (
        <EmptyState title="No hourly monitor">
          Create an hourly monitor (e.g. data quality, metric volume) to chart volume per hour.
        </EmptyState>
      ) : (
        <AsyncBlock state={volume} what="volume">
          {(results) => {
            const rows = (results.get(hourly[0]!.id) ?? []).filter((r) => r.segment === null);
            return (
              <TimeSeriesChart
                label="Predictions per hour"
                timesMs={rows.map((r) => Date.parse(r.windowStart))}
                series={[{ label: "predictions per hour", values: rows.map((r) => r.sampleSize) }]}
              />
            );
          }}
        </AsyncBlock>
      )}
      <h2>Freshness</h2>
      <p>
        {latest === undefined
          ? "No window evaluated yet."
          : `Latest evaluated window ends ${latest.slice(0, 16).replace("T", " ")} UTC (${Math.round((Date.now() - Date.parse(latest)) / 60_000)} minutes ago).`}
      </p>
      <h2>Ingest errors</h2>
      <AsyncBlock state={ingest} what="ingest records">
        {(events) => {
          const withErrors = events.filter(
            (e) => typeof e.details.rejected === "number" && e.details.rejected > 0,
          );
          if (!canReadAudit(session))
            return <p className="muted">Ingest records are in the audit log (auditors and admins).</p>;
          if (withErrors.length === 0) {
            return <p>No rejected rows in the last {events.length} ingest requests.</p>;
          }
          return (
            <ul>
              {withErrors.map((e) => (
                <li key={e.seq}>
                  {e.at.slice(0, 16).replace("T", " ")}: {String(e.details.rejected)} rows rejected (
                  {e.action})
                </li>
              ))}
            </ul>
          );
        }}
      </AsyncBlock>
    </div>
  );
}
