/** Step 2 of the article: needs now / in 12 months / observed, capacity signals, discrepancies, projections. */
import type { RoadmapAssessment } from "@sextant/core";
import type { FactSources } from "./evidence-sources.js";
import { ScoreChip } from "./ScoreChip.js";
import { toReadableName } from "./roadmap-labels.js";

/** Props of NeedsTab. */
export interface NeedsTabProps {
  readonly assessment: RoadmapAssessment;
  readonly sources: FactSources;
}

/** The needs tab. */
export function NeedsTab({ assessment, sources }: NeedsTabProps) {
  const n = assessment.needs;
  return (
    <div data-testid="step-needs">
      <h2>Current and future needs</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Need</th>
              <th scope="col">Now</th>
              <th scope="col">In 12 months</th>
              <th scope="col">Observed</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {n.rows.map((row) => (
              <tr key={row.key} data-need={row.key}>
                <th scope="row">{toReadableName(row.key)}</th>
                <td>{String(row.now)}</td>
                <td>{row.in12Months === undefined ? "–" : String(row.in12Months)}</td>
                <td>{row.observed === undefined ? "–" : String(row.observed)}</td>
                <td className="muted small">{row.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Capacity signals (rule of thumb)</h3>
      {n.capacitySignals.length === 0 ? (
        <p className="muted">No capacity signal.</p>
      ) : (
        <ul>
          {n.capacitySignals.map((c) => (
            <li key={c.id}>
              <ScoreChip
                value={c.severity}
                label={`Capacity signal ${c.id}`}
                evidence={c.evidence}
                sources={sources}
                tone={c.severity === "warn" ? "partial" : "neutral"}
              />{" "}
              {c.text}
            </li>
          ))}
        </ul>
      )}
      <h3>Discrepancies between answers and facts</h3>
      {n.discrepancies.length === 0 ? (
        <p className="muted">The answers agree with what Sextant observes.</p>
      ) : (
        <ul>
          {n.discrepancies.map((d) => (
            <li key={d.id} data-discrepancy={d.id}>
              <strong>{d.id}</strong> {d.text}{" "}
              <span className="muted small">
                (declared {JSON.stringify(d.declared)}, observed {JSON.stringify(d.observed)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Projections for the next 12 months</h3>
      <p>
        <ScoreChip
          value={`${n.projections.monitorsNeeded12m} monitors`}
          label="Monitors needed in 12 months"
          evidence={n.projectionEvidence}
          sources={sources}
        />{" "}
        · {n.projections.alertPoliciesNeeded12m} alert policies · ingestion modes{" "}
        {n.projections.ingestionModesNeeded.join(", ") || "none"}
      </p>
    </div>
  );
}
