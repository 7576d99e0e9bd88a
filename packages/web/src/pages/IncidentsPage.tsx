/** The incidents list, filtered by status and model. */
import { useState } from "react";
import { useApp } from "../api/app-context.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { IncidentTable } from "../components/IncidentTable.js";
import { readQueryParam, useLocation } from "../routing/router.js";

type Status = "" | "open" | "acknowledged" | "resolved";

/** The incidents page. */
export function IncidentsPage() {
  const { client } = useApp();
  const location = useLocation();
  const modelId = readQueryParam(location, "modelId");
  const [status, setStatus] = useState<Status>("");
  const state = useAsync(
    () =>
      client.call("listIncidents", {
        query: {
          limit: 200,
          ...(status === "" ? {} : { status }),
          ...(modelId === undefined ? {} : { modelId }),
        },
      }),
    [client, status, modelId],
  );
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Incidents</h1>
      <div className="filters">
        <label>
          Status
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status);
            }}
          >
            <option value="">All</option>
            <option value="open">Open</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="resolved">Resolved</option>
          </select>
        </label>
        {modelId === undefined ? null : <span className="muted">for one model</span>}
      </div>
      <AsyncBlock state={state} what="incidents">
        {(page) => <IncidentTable incidents={page.items} />}
      </AsyncBlock>
    </section>
  );
}
