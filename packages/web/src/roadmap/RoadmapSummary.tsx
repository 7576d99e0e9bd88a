/**
 * The summary header of an assessment (ROADMAP.md §5 section 1): strategy, readiness level and phase,
 * progress index and its change, the Google and Azure levels, and the top five next steps.
 */
import type { RoadmapAssessment } from "@sextant/core";
import { Link } from "../components/Link.js";
import type { FactSources } from "./evidence-sources.js";
import { ScoreChip } from "./ScoreChip.js";
import { toLevelTone } from "./roadmap-labels.js";

/** Props of RoadmapSummary. */
export interface RoadmapSummaryProps {
  readonly assessment: RoadmapAssessment;
  readonly sources: FactSources;
}

function formatChange(change: number | undefined): string {
  if (change === undefined) return "first assessment";
  return `${change > 0 ? "+" : ""}${change} since the previous assessment`;
}

/** The header above the step tabs. */
export function RoadmapSummary({ assessment: a, sources }: RoadmapSummaryProps) {
  const strategyEvidence = a.strategy.reasons.flatMap((r) =>
    Object.entries(r.evidence).map(([fact, value]) => ({ fact, value })),
  );
  return (
    <div className="roadmap-summary" data-testid="roadmap-summary">
      <dl className="facts">
        <dt>Strategy</dt>
        <dd>
          <ScoreChip
            value={a.strategy.strategy}
            label="Organisation strategy"
            evidence={strategyEvidence}
            sources={sources}
          />{" "}
          <span className="muted small">{a.strategy.decisionText}</span>
        </dd>
        <dt>Readiness level</dt>
        <dd>
          <ScoreChip
            value={`L${a.readinessLevel}`}
            label="Readiness level"
            evidence={a.aggregateEvidence.readinessLevel}
            sources={sources}
            tone={toLevelTone(a.readinessLevel)}
          />{" "}
          <span data-testid="phase-label">{a.phaseLabel}</span>
        </dd>
        <dt>Progress index</dt>
        <dd>
          <ScoreChip
            value={`${a.progressIndex}/100`}
            label="Progress index"
            evidence={a.aggregateEvidence.progressIndex}
            sources={sources}
          />{" "}
          <span className="muted small">{formatChange(a.deltaFromPrevious?.progressIndexChange)}</span>
        </dd>
        <dt>External levels</dt>
        <dd>
          Google MLOps{" "}
          <ScoreChip
            value={`L${a.externalLevels.google.level}`}
            label="Google MLOps level"
            evidence={a.externalLevels.google.evidence}
            sources={sources}
          />{" "}
          · Azure MLOps{" "}
          <ScoreChip
            value={`L${a.externalLevels.azure.level}`}
            label="Azure MLOps level"
            evidence={a.externalLevels.azure.evidence}
            sources={sources}
          />{" "}
          <span className="muted small">({a.externalLevels.google.confidence})</span>
        </dd>
      </dl>
      <h2>Top next steps</h2>
      {a.nextSteps.length === 0 ? (
        <p className="muted">No next step: every rule is satisfied.</p>
      ) : (
        <ol className="next-steps">
          {a.nextSteps.slice(0, 5).map((step) => (
            <li key={step.id} data-next-step={step.ruleId}>
              <strong>{step.title}</strong> <span className="muted small">{step.why}</span>{" "}
              <span className="badge">step {step.blogStep}</span>{" "}
              <span className="badge">effort {step.effort}</span>
              {step.link !== null && step.link.startsWith("/models/") ? (
                <>
                  {" "}
                  <Link to={step.link}>open</Link>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
