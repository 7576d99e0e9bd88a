/**
 * Step 3 of the article: the prioritised blueprint (status, coverage, priority, phase) and the maturity of
 * the nine dimensions, each with its evidence and the conditions for the next level.
 */
import type { RoadmapAssessment } from "@sextant/core";
import type { FactSources } from "./evidence-sources.js";
import { ScoreChip } from "./ScoreChip.js";
import { formatLevel, formatPercent, toLevelTone, toReadableName, toStatusTone } from "./roadmap-labels.js";

/** Props of BlueprintTab. */
export interface BlueprintTabProps {
  readonly assessment: RoadmapAssessment;
  readonly sources: FactSources;
}

/** The blueprint and maturity tab. */
export function BlueprintTab({ assessment, sources }: BlueprintTabProps) {
  const phaseOrder = { now: 0, next: 1, later: 2, maintain: 3 } as const;
  const blueprint = [...assessment.blueprint].sort(
    (a, b) => phaseOrder[a.phase] - phaseOrder[b.phase] || b.priority - a.priority,
  );
  return (
    <div data-testid="step-blueprint">
      <h2>Blueprint and priorities</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Article term</th>
              <th scope="col">Status</th>
              <th scope="col">Coverage</th>
              <th scope="col">Priority</th>
              <th scope="col">Phase</th>
              <th scope="col">Serves</th>
            </tr>
          </thead>
          <tbody>
            {blueprint.map((item) => (
              <tr key={item.component} data-component={item.component}>
                <th scope="row" title={item.reasons.join(" ")}>
                  {toReadableName(item.component)}
                </th>
                <td>{item.blogTerm}</td>
                <td>
                  <ScoreChip
                    value={item.status.replace("_", " ")}
                    label={`Blueprint status of ${toReadableName(item.component)}`}
                    evidence={Object.entries(item.evidence).map(([fact, value]) => ({ fact, value }))}
                    sources={sources}
                    tone={toStatusTone(item.status)}
                  />
                </td>
                <td>{formatPercent(item.coverage)}</td>
                <td>
                  {item.priority.toFixed(1)}{" "}
                  <span className="muted small">(importance {item.importance})</span>
                </td>
                <td>
                  <span className={`badge phase-${item.phase}`}>{item.phase}</span>
                </td>
                <td className="small">{item.servesStakeholders.map(toReadableName).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="maturity">Maturity by dimension</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Level</th>
              <th scope="col">To reach the next level</th>
              <th scope="col">Anchors</th>
            </tr>
          </thead>
          <tbody>
            {assessment.dimensions.map((d) => (
              <tr key={d.id} data-dimension={d.id}>
                <th scope="row">
                  {d.id} {d.name}
                </th>
                <td>
                  <ScoreChip
                    value={formatLevel(d.level)}
                    label={`${d.id} ${d.name}`}
                    evidence={d.evidence}
                    sources={sources}
                    tone={toLevelTone(d.level)}
                    nextLevel={d.nextLevel}
                  />
                </td>
                <td className="small">
                  {d.nextLevel.length === 0
                    ? d.level === 4
                      ? "top level reached"
                      : "–"
                    : d.nextLevel
                        .map((n) => `${n.condition} (now ${n.current}, needs ${n.target})`)
                        .join("; ")}
                </td>
                <td className="small muted">{d.anchors.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
