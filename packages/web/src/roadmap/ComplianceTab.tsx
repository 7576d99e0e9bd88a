/**
 * Cross-cutting outputs: the regulatory readiness checklist (EU AI Act, NIST AI RMF), the stakeholder
 * scorecard, and the exports (reports, compliance documents and logs).
 */
import type { RoadmapAssessment } from "@sextant/core";
import type { FactSources } from "./evidence-sources.js";
import { ComplianceExports } from "./ComplianceExports.js";
import { ScoreChip } from "./ScoreChip.js";
import { toReadableName, toStatusTone } from "./roadmap-labels.js";

/** Props of ComplianceTab. */
export interface ComplianceTabProps {
  readonly assessment: RoadmapAssessment;
  readonly sources: FactSources;
}

const yes = (flag: boolean): string => (flag ? "yes" : "no");

/** The compliance tab. */
export function ComplianceTab({ assessment, sources }: ComplianceTabProps) {
  return (
    <div data-testid="step-compliance">
      <h2>Regulatory readiness</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Check</th>
              <th scope="col">Status</th>
              <th scope="col">Anchor</th>
              <th scope="col">Applies from</th>
            </tr>
          </thead>
          <tbody>
            {assessment.regulatoryReadiness.map((item) => (
              <tr key={item.id} data-regulatory={item.id}>
                <th scope="row">{item.id}</th>
                <td>{item.check}</td>
                <td>
                  <ScoreChip
                    value={item.status}
                    label={`Check ${item.id}`}
                    evidence={item.evidence}
                    sources={sources}
                    tone={toStatusTone(item.status)}
                  />
                </td>
                <td className="small">{item.anchor}</td>
                <td className="small">{item.appliesFrom ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Stakeholder scorecard</h2>
      {assessment.stakeholderScorecard.length === 0 ? (
        <p className="muted">No stakeholder is declared in the questionnaire.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Success measure</th>
                <th scope="col">Defined</th>
                <th scope="col">Tracked</th>
                <th scope="col">Reported</th>
                <th scope="col">Alerted</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {assessment.stakeholderScorecard.map((s) => (
                <tr key={`${s.role}-${s.name ?? ""}`} data-stakeholder={s.role}>
                  <th scope="row">
                    {toReadableName(s.role)}
                    {s.name === undefined ? "" : ` (${s.name})`}
                  </th>
                  <td>{s.successMetric}</td>
                  <td>{yes(s.defined)}</td>
                  <td>{yes(s.tracked)}</td>
                  <td>{yes(s.reported)}</td>
                  <td>{s.alertingApplicable ? yes(s.alerted) : "n/a"}</td>
                  <td>
                    <ScoreChip
                      value={`${s.score}/4`}
                      label={`Stakeholder score of ${toReadableName(s.role)}`}
                      evidence={s.evidence}
                      sources={sources}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ComplianceExports assessmentId={assessment.id} />
    </div>
  );
}
