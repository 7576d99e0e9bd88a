/** Step 1 of the article: the organisation strategy, the rules that fired, the mandates and the RACI table. */
import type { RaciRow, RoadmapAssessment } from "@sextant/core";
import type { FactSources } from "./evidence-sources.js";
import { ScoreChip } from "./ScoreChip.js";
import { toReadableName } from "./roadmap-labels.js";

const parties = [
  "central_mlops",
  "product_team",
  "data_scientist",
  "ml_engineer",
  "business_ops",
  "risk_compliance",
  "ciso_devsec",
  "finance",
  "executive",
] as const;

/** Props of StrategyTab. */
export interface StrategyTabProps {
  readonly assessment: RoadmapAssessment;
  readonly sources: FactSources;
}

function RaciTable({ rows }: { readonly rows: readonly [string, RaciRow][] }) {
  const used = parties.filter((p) => rows.some(([, row]) => row[p] !== undefined));
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Component</th>
            {used.map((p) => (
              <th key={p} scope="col">
                {toReadableName(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([component, row]) => (
            <tr key={component}>
              <th scope="row">{toReadableName(component)}</th>
              {used.map((p) => (
                <td key={p}>{row[p] ?? "–"}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The strategy tab. */
export function StrategyTab({ assessment, sources }: StrategyTabProps) {
  const s = assessment.strategy;
  return (
    <div data-testid="step-strategy">
      <h2>
        Recommended strategy: <span data-testid="strategy-name">{s.strategy}</span>
        {s.borderline ? <span className="badge badge-warning">borderline</span> : null}
      </h2>
      <p>{s.decisionText}</p>
      <p className="muted small">
        Central pressure {s.centralPressure} · autonomy pressure {s.autonomyPressure} · decision rule{" "}
        {s.decisionRule} · governance variant {toReadableName(s.governanceVariant)}
      </p>
      {s.differsFromPreferred === undefined ? null : <p className="note">{s.differsFromPreferred.note}</p>}
      {s.warnings.map((w) => (
        <p key={w} className="note">
          {w}
        </p>
      ))}
      <h3>Rules that fired</h3>
      {s.reasons.length === 0 ? (
        <p className="muted">No pressure rule fired.</p>
      ) : (
        <ul>
          {s.reasons.map((r) => (
            <li key={`${r.ruleId}-${r.text}`}>
              <ScoreChip
                value={`${r.pressure} +${r.points}`}
                label={`Rule ${r.ruleId}`}
                evidence={Object.entries(r.evidence).map(([fact, value]) => ({ fact, value }))}
                sources={sources}
              />{" "}
              {r.text}
            </li>
          ))}
        </ul>
      )}
      <div className="two-columns">
        <div>
          <h3>Central mandate</h3>
          <ul>
            {s.centralMandate.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Team mandate</h3>
          <ul>
            {s.teamMandate.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      </div>
      <h3>RACI</h3>
      <RaciTable rows={[...Object.entries(s.raci), ["tool evaluation (steps 4–5)", s.toolEvaluationRaci]]} />
    </div>
  );
}
