/** A list of incidents: severity, status, title, opened, with a link to each. */
import type { IncidentItem } from "../api/api-types.js";
import { EmptyState } from "./EmptyState.js";
import { Link } from "./Link.js";

/** Renders incidents, newest first as given. */
export function IncidentTable({ incidents }: { readonly incidents: readonly IncidentItem[] }) {
  if (incidents.length === 0) {
    return (
      <EmptyState title="No incidents">
        Nothing has fired. Incidents open when a monitor's condition is violated.
      </EmptyState>
    );
  }
  return (
    <div className="table-scroll">
      <table className="incidents">
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id} data-incident={i.id}>
              <th scope="row">
                <Link to={`/incidents/${i.id}`}>{i.title}</Link>
                {i.segment === null ? null : <span className="muted small"> · segment {i.segment}</span>}
              </th>
              <td>
                <span className={`badge badge-${i.severity}`}>{i.severity}</span>
              </td>
              <td>
                {i.status}
                {i.snoozedUntil === null
                  ? ""
                  : ` (snoozed until ${i.snoozedUntil.slice(0, 16).replace("T", " ")})`}
              </td>
              <td>{i.openedAt.slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
