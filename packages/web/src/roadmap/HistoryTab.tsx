/** Assessments over time: the progress-index and readiness trend (uPlot) and the list, each one openable. */
import { TimeSeriesChart } from "../charts/TimeSeriesChart.js";
import { Link } from "../components/Link.js";
import type { AssessmentSummary } from "./roadmap-data.js";

/** Props of HistoryTab. */
export interface HistoryTabProps {
  readonly history: readonly AssessmentSummary[];
  readonly currentId: string;
}

/** The history tab. */
export function HistoryTab({ history, currentId }: HistoryTabProps) {
  const oldestFirst = [...history].reverse();
  return (
    <div data-testid="step-history">
      <h2>Assessments over time</h2>
      {oldestFirst.length < 2 ? (
        <p className="muted">
          The trend needs two assessments; run another one after changes (a weekly assessment builds it).
        </p>
      ) : (
        <figure className="chart-figure">
          <figcaption>Progress index (0–100) and readiness level × 25</figcaption>
          <TimeSeriesChart
            label="Progress index over time"
            timesMs={oldestFirst.map((a) => Date.parse(a.createdAt))}
            series={[
              { label: "progress index", values: oldestFirst.map((a) => a.progressIndex) },
              { label: "readiness × 25", values: oldestFirst.map((a) => a.readinessLevel * 25), dash: true },
            ]}
            height={220}
          />
        </figure>
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">By</th>
              <th scope="col">Strategy</th>
              <th scope="col">Readiness</th>
              <th scope="col">Progress index</th>
              <th scope="col">Ruleset</th>
            </tr>
          </thead>
          <tbody>
            {history.map((a) => (
              <tr key={a.id} data-assessment={a.id} aria-current={a.id === currentId ? "true" : undefined}>
                <th scope="row">
                  <Link to={`/roadmap?assessment=${encodeURIComponent(a.id)}`}>
                    {a.createdAt.slice(0, 16).replace("T", " ")}
                  </Link>
                  {a.id === currentId ? <span className="badge">shown</span> : null}
                </th>
                <td>{a.createdBy}</td>
                <td>{a.strategy}</td>
                <td>
                  L{a.readinessLevel} {a.phaseLabel}
                </td>
                <td>{a.progressIndex}</td>
                <td>{a.rulesetVersion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
