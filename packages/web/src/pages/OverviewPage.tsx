/** The organisation overview: every model's health per area, open incidents, volume and owners, with filters. */
import { useMemo, useState } from "react";
import { useApp } from "../api/app-context.js";
import { loadOverview, type OverviewRow } from "../api/load-overview.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";
import { OverviewTable } from "../components/OverviewTable.js";
import { isUnhealthy } from "../model/model-health.js";

interface Filters {
  workspaceId: string;
  stage: string;
  owner: string;
  tag: string;
}

/** Keeps the rows matching every filter ("" = any). */
export function selectOverviewRows(rows: readonly OverviewRow[], filters: Filters): OverviewRow[] {
  return rows.filter(
    (row) =>
      (filters.workspaceId === "" || row.model.workspaceId === filters.workspaceId) &&
      (filters.stage === "" || row.stages.includes(filters.stage as OverviewRow["stages"][number])) &&
      (filters.owner === "" || row.model.owner.name === filters.owner) &&
      (filters.tag === "" || row.model.tags.includes(filters.tag)),
  );
}

/** The overview page. */
export function OverviewPage() {
  const { client } = useApp();
  const state = useAsync(() => loadOverview(client), [client]);
  const [filters, setFilters] = useState<Filters>({ workspaceId: "", stage: "", owner: "", tag: "" });
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => {
    setFilters((f) => ({ ...f, [key]: event.target.value }));
  };
  const options = useMemo(() => {
    if (state.status !== "ok") return { owners: [], tags: [] };
    const owners = [...new Set(state.data.rows.map((r) => r.model.owner.name))].sort();
    const tags = [...new Set(state.data.rows.flatMap((r) => r.model.tags))].sort();
    return { owners, tags };
  }, [state]);
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Organisation overview</h1>
      <AsyncBlock state={state} what="models">
        {(overview) => {
          if (overview.rows.length === 0) {
            return (
              <EmptyState title="No models yet">
                Register a model with <code>POST /api/v1/workspaces/&lt;id&gt;/models</code> or the SDK, then
                send predictions to its version; it appears here with its health.
              </EmptyState>
            );
          }
          const rows = selectOverviewRows(overview.rows, filters);
          const unhealthy = overview.rows.filter((r) => isUnhealthy(r.health, r.openIncidents.length)).length;
          const incidents = overview.rows.reduce((n, r) => n + r.openIncidents.length, 0);
          return (
            <>
              <p className="summary">
                <strong>{overview.rows.length}</strong> models · <strong>{unhealthy}</strong> need attention ·{" "}
                <strong>{incidents}</strong> open incidents
              </p>
              {overview.monitoringAvailable ? null : (
                <p className="note">
                  Monitoring is not available on this server yet: health shows "Not monitored".
                </p>
              )}
              <div className="filters" role="group" aria-label="Filters">
                <label>
                  Workspace
                  <select value={filters.workspaceId} onChange={set("workspaceId")}>
                    <option value="">All</option>
                    {overview.workspaces.map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Stage
                  <select value={filters.stage} onChange={set("stage")}>
                    <option value="">All</option>
                    <option value="production">Production</option>
                    <option value="staging">Staging</option>
                    <option value="archived">Archived</option>
                  </select>
                </label>
                <label>
                  Owner
                  <select value={filters.owner} onChange={set("owner")}>
                    <option value="">All</option>
                    {options.owners.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                </label>
                <label>
                  Tag
                  <select value={filters.tag} onChange={set("tag")}>
                    <option value="">All</option>
                    {options.tags.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </label>
              </div>
              {rows.length === 0 ? (
                <EmptyState title="No model matches these filters">
                  Clear a filter to see more models.
                </EmptyState>
              ) : (
                <OverviewTable rows={rows} />
              )}
            </>
          );
        }}
      </AsyncBlock>
    </section>
  );
}
