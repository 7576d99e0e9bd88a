/** A model's monitors with their state, health and last error. */
import { canEdit, useApp } from "../api/app-context.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { deriveMonitorStatus } from "../model/model-health.js";

/** The monitors page. */
export function MonitorsPage({ modelId }: { readonly modelId: string }) {
  const { client, session } = useApp();
  const state = useAsync(async () => {
    const [model, monitors] = await Promise.all([
      client.call("getModel", { params: { id: modelId } }),
      client.call("listModelMonitors", { params: { modelId }, query: { limit: 500 } }),
    ]);
    return { model, monitors: monitors.items };
  }, [client, modelId]);
  return (
    <AsyncBlock state={state} what="monitors">
      {({ model, monitors }) => (
        <section aria-labelledby="monitors-title">
          <p className="breadcrumb">
            <Link to={`/models/${modelId}`}>{model.name}</Link> / monitors
          </p>
          <h1 id="monitors-title">Monitors of {model.name}</h1>
          {canEdit(session, model.workspaceId) ? (
            <p>
              <Link className="button" to={`/models/${modelId}/monitors/new`}>
                New monitor
              </Link>
            </p>
          ) : null}
          {monitors.length === 0 ? (
            <EmptyState title="No monitors yet">
              Create one with “New monitor”, or apply an organisation policy in Settings.
            </EmptyState>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Monitor</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Metric</th>
                    <th scope="col">Window</th>
                    <th scope="col">State</th>
                    <th scope="col">Last run</th>
                  </tr>
                </thead>
                <tbody>
                  {monitors.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <Link to={`/models/${modelId}/monitors/${m.id}`}>{m.name}</Link>
                        {m.enabled ? "" : " (disabled)"}
                      </th>
                      <td>{m.kind}</td>
                      <td>{m.metric}</td>
                      <td>{m.window.kind}</td>
                      <td>
                        <StatusBadge status={deriveMonitorStatus(m)} />
                        {m.lastError === null ? null : <div className="error small">{m.lastError}</div>}
                      </td>
                      <td>{m.lastRunAt?.slice(0, 16).replace("T", " ") ?? "never"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </AsyncBlock>
  );
}
