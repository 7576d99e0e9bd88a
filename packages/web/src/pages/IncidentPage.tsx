/** One incident: facts, actions (acknowledge, resolve, snooze), the evidence chart of its monitors, and its timeline. */
import { useState } from "react";
import { toErrorMessage } from "../api/api-client.js";
import { useApp } from "../api/app-context.js";
import type { IncidentItem } from "../api/api-types.js";
import { loadRecentResults } from "../api/load-model.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { Link } from "../components/Link.js";
import { MonitorChart } from "../components/MonitorChart.js";
import { selectVisibleTimeline, toReadableDetail } from "../model/timeline-text.js";

const shownViolations = 10;

function toLocalInput(date: Date): string {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The incident page. */
export function IncidentPage({ incidentId }: { readonly incidentId: string }) {
  const { client } = useApp();
  const state = useAsync(
    () => client.call("getIncident", { params: { id: incidentId } }),
    [client, incidentId],
  );
  return (
    <AsyncBlock state={state} what="the incident">
      {(incident) => <IncidentView incident={incident} reload={state.reload} />}
    </AsyncBlock>
  );
}

function IncidentView({ incident, reload }: { incident: IncidentItem; reload: () => void }) {
  const { client } = useApp();
  const [message, setMessage] = useState<string | null>(null);
  const [until, setUntil] = useState(() => toLocalInput(new Date(Date.now() + 86_400_000)));
  const [showAll, setShowAll] = useState(false);
  const model = useAsync(
    () => client.call("getModel", { params: { id: incident.modelId } }),
    [client, incident.modelId],
  );
  const modelName = model.status === "ok" ? model.data.name : "model";
  const timeline = selectVisibleTimeline(incident.timeline, showAll ? Infinity : shownViolations);
  const evidence = useAsync(async () => {
    const monitors = await Promise.all(
      incident.monitorIds.slice(0, 3).map((id) => client.call("getMonitor", { params: { id } })),
    );
    return Promise.all(
      monitors.map(async (m) => ({ monitor: m, results: await loadRecentResults(client, m, 168) })),
    );
  }, [client, incident.id]);
  const act = async (action: "acknowledge" | "resolve" | "snooze"): Promise<void> => {
    setMessage(null);
    try {
      if (action === "acknowledge") await client.call("acknowledgeIncident", { params: { id: incident.id } });
      else if (action === "resolve") await client.call("resolveIncident", { params: { id: incident.id } });
      else
        await client.call("snoozeIncident", {
          params: { id: incident.id },
          body: { until: new Date(until).toISOString() },
        });
      setMessage(`Incident ${action === "snooze" ? "snoozed" : `${action}d`}.`);
      reload();
    } catch (error) {
      setMessage(toErrorMessage(error));
    }
  };
  return (
    <section aria-labelledby="incident-title">
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link> / <Link to={`/models/${incident.modelId}`}>{modelName}</Link>
      </p>
      <h1 id="incident-title">{incident.title}</h1>
      <p>
        <span className={`badge badge-${incident.severity}`}>{incident.severity}</span>{" "}
        <strong data-testid="incident-status">{incident.status}</strong> · opened{" "}
        {incident.openedAt.slice(0, 16).replace("T", " ")} UTC
        {incident.segment === null ? "" : ` · segment ${incident.segment}`}
        {incident.snoozedUntil === null
          ? ""
          : ` · snoozed until ${incident.snoozedUntil.slice(0, 16).replace("T", " ")}`}
      </p>
      <div className="actions" role="group" aria-label="Incident actions">
        <button type="button" disabled={incident.status !== "open"} onClick={() => void act("acknowledge")}>
          Acknowledge
        </button>
        <button type="button" disabled={incident.status === "resolved"} onClick={() => void act("resolve")}>
          Resolve
        </button>
        <label>
          Snooze until
          <input
            type="datetime-local"
            value={until}
            onChange={(e) => {
              setUntil(e.target.value);
            }}
          />
        </label>
        <button type="button" disabled={incident.status === "resolved"} onClick={() => void act("snooze")}>
          Snooze
        </button>
      </div>
      {message === null ? null : <p role="status">{message}</p>}
      <h2>Evidence</h2>
      <AsyncBlock state={evidence} what="evidence">
        {(items) => (
          <>
            {items.map(({ monitor, results }) => (
              <MonitorChart key={monitor.id} monitor={monitor} results={results} />
            ))}
          </>
        )}
      </AsyncBlock>
      <h2>Timeline</h2>
      {timeline.hidden === 0 ? null : (
        <p className="muted small">
          {timeline.hidden} earlier violations folded.{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setShowAll(true);
            }}
          >
            Show all
          </button>
        </p>
      )}
      <ol className="timeline">
        {timeline.visible.map((entry, i) => (
          <li key={`${entry.at}-${i}`} data-kind={entry.kind}>
            <time dateTime={entry.at}>{entry.at.slice(0, 16).replace("T", " ")}</time>{" "}
            <strong>{entry.kind}</strong> {toReadableDetail(entry.detail)}
          </li>
        ))}
      </ol>
    </section>
  );
}
