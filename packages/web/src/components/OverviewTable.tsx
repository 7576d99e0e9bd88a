/** The overview's table: one row per model, status per area, incidents, volume, owners. */
import type { OverviewRow } from "../api/load-overview.js";
import { healthAreas, isUnhealthy, type HealthArea } from "../model/model-health.js";
import { Link } from "./Link.js";
import { StatusBadge } from "./StatusBadge.js";

const areaTitles: Readonly<Record<HealthArea, string>> = {
  drift: "Drift",
  quality: "Quality",
  performance: "Performance",
  fairness: "Fairness",
  kpi: "KPI",
};

/** Renders the rows. */
export function OverviewTable({ rows }: { readonly rows: readonly OverviewRow[] }) {
  return (
    <div className="table-scroll">
      <table className="overview">
        <caption className="visually-hidden">Models and their health</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Status</th>
            {healthAreas.map((area) => (
              <th scope="col" key={area}>
                {areaTitles[area]}
              </th>
            ))}
            <th scope="col">Open incidents</th>
            <th scope="col">Predictions</th>
            <th scope="col">Owner</th>
            <th scope="col">Workspace</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const unhealthy = isUnhealthy(row.health, row.openIncidents.length);
            return (
              <tr
                key={row.model.id}
                data-model={row.model.name}
                data-health={unhealthy ? "unhealthy" : "healthy"}
              >
                <th scope="row">
                  <Link to={`/models/${row.model.id}`}>{row.model.name}</Link>
                  <div className="muted small">
                    {row.stages.join(", ") || "no version"}
                    {row.model.tags.length > 0 ? ` · ${row.model.tags.join(", ")}` : ""}
                  </div>
                </th>
                <td>
                  {unhealthy ? (
                    <StatusBadge status="critical" label="Unhealthy" />
                  ) : (
                    <StatusBadge status="healthy" />
                  )}
                </td>
                {healthAreas.map((area) => (
                  <td key={area}>
                    <StatusBadge status={row.health[area]} />
                  </td>
                ))}
                <td>
                  {row.openIncidents.length === 0 ? (
                    "0"
                  ) : (
                    <Link to={`/incidents?modelId=${row.model.id}`}>{row.openIncidents.length} open</Link>
                  )}
                </td>
                <td className="number">
                  {row.predictions === null ? "—" : row.predictions.toLocaleString("en")}
                </td>
                <td>
                  {row.model.owner.name}
                  {row.model.businessOwner === null ? null : (
                    <div className="muted small">business: {row.model.businessOwner.name}</div>
                  )}
                </td>
                <td>{row.workspace?.name ?? row.model.workspaceId}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
