/**
 * Steps 4–5 of the article (build vs buy; narrow 3–4 → 2 → 1 on a real use case): each tool evaluation with
 * its funnel stage, ranking (weighted score, coverage, hands-on confidence, knockouts) and score matrix,
 * and a form to start a new evaluation with the default criteria.
 */
import type { ToolEvaluation } from "@sextant/core";
import { useState, type SyntheticEvent } from "react";
import { toErrorMessage } from "../api/api-client.js";
import { useApp } from "../api/app-context.js";
import { EmptyState } from "../components/EmptyState.js";
import type { FactSources } from "./evidence-sources.js";
import type { EvaluationView } from "./roadmap-data.js";
import { ScoreChip } from "./ScoreChip.js";
import { formatPercent } from "./roadmap-labels.js";

/** Props of EvaluationTab. */
export interface EvaluationTabProps {
  readonly evaluations: readonly EvaluationView[];
  readonly buildVsBuyLean: string;
  readonly sources: FactSources;
  readonly onChanged: () => void;
}

function ScoreMatrix({ evaluation }: { readonly evaluation: ToolEvaluation }) {
  const cell = (candidateId: string, criterionId: string) =>
    evaluation.scores
      .filter((s) => s.candidateId === candidateId && s.criterionId === criterionId)
      .sort((a, b) => b.scoredAt.localeCompare(a.scoredAt))[0];
  return (
    <details>
      <summary>
        Criteria and score matrix ({evaluation.criteria.length} criteria, {evaluation.scores.length} scores)
      </summary>
      <div className="table-scroll">
        <table className="small">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Weight</th>
              {evaluation.candidates.map((c) => (
                <th key={c.id} scope="col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {evaluation.criteria.map((criterion) => (
              <tr key={criterion.id} data-criterion={criterion.id}>
                <th scope="row">
                  {criterion.label}
                  {criterion.knockout === undefined ? null : <span className="badge">knockout</span>}
                </th>
                <td>
                  {criterion.weight}
                  {criterion.weightOverridden === true ? " (overridden)" : ""}
                </td>
                {evaluation.candidates.map((c) => {
                  const s = cell(c.id, criterion.id);
                  if (s === undefined) return <td key={c.id}>–</td>;
                  const text = `${s.score ?? "n/a"} (${s.evidenceKind})`;
                  return (
                    <td key={c.id}>
                      {s.evidenceUrl === undefined ? (
                        text
                      ) : (
                        <a href={s.evidenceUrl} target="_blank" rel="noreferrer">
                          {text}
                        </a>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function EvaluationCard({ view, sources }: { readonly view: EvaluationView; readonly sources: FactSources }) {
  const e = view.evaluation;
  const nameOf = (id: string) => e.candidates.find((c) => c.id === id)?.name ?? id;
  return (
    <article className="evaluation" data-evaluation={e.id}>
      <h3>
        {e.title} <span className="badge">{e.stage}</span>
      </h3>
      <p className="muted small">Use case: {e.useCase === "" ? "not set" : e.useCase}</p>
      {view.warnings.map((w) => (
        <p key={w} className="note">
          {w}
        </p>
      ))}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Weighted score</th>
              <th scope="col">Coverage</th>
              <th scope="col">Hands-on confidence</th>
              <th scope="col">Knocked out</th>
            </tr>
          </thead>
          <tbody>
            {view.score.ranking.map((r) => (
              <tr key={r.candidateId} data-candidate={r.candidateId}>
                <th scope="row">{nameOf(r.candidateId)}</th>
                <td>
                  <ScoreChip
                    value={String(Math.round(r.weightedScore))}
                    label={`Weighted score of ${nameOf(r.candidateId)}`}
                    evidence={[
                      { fact: "evaluation.weightedScore", value: r.weightedScore },
                      { fact: "evaluation.coverage", value: r.coverage },
                    ]}
                    sources={sources}
                  />
                </td>
                <td>{formatPercent(r.coverage)}</td>
                <td>{formatPercent(r.handsOnConfidence)}</td>
                <td>{r.knockedOut ? `yes: ${(r.knockoutReasons ?? []).join("; ")}` : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ScoreMatrix evaluation={e} />
      <a href={`/api/v1/roadmap/evaluations/${e.id}/export.csv`} data-testid="evaluation-csv">
        Score matrix (CSV)
      </a>
    </article>
  );
}

function StartEvaluationForm({ onChanged }: { readonly onChanged: () => void }) {
  const { client } = useApp();
  const [title, setTitle] = useState("");
  const [useCase, setUseCase] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    client.call("createToolEvaluation", { body: { title, useCase } }).then(
      () => {
        setTitle("");
        setUseCase("");
        setError(null);
        onChanged();
      },
      (e: unknown) => {
        setError(toErrorMessage(e));
      },
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Start a tool evaluation">
      <label>
        Title
        <input
          required
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
          }}
          name="evaluation-title"
        />
      </label>
      <label>
        Real use case
        <input
          value={useCase}
          onChange={(e) => {
            setUseCase(e.target.value);
          }}
          name="evaluation-use-case"
        />
      </label>
      <button type="submit" className="button">
        Start evaluation
      </button>
      {error === null ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The tool-evaluation tab. */
export function EvaluationTab({ evaluations, buildVsBuyLean, sources, onChanged }: EvaluationTabProps) {
  return (
    <div data-testid="step-evaluation">
      <h2>Tool evaluation: build vs buy</h2>
      <p className="muted">
        Build-vs-buy lean: <strong>{buildVsBuyLean.replaceAll("_", " ")}</strong>. Longlist → 3–4 → 2
        finalists → a PoC on a real use case → decision with stakeholder sign-offs.
      </p>
      {evaluations.length === 0 ? (
        <EmptyState title="No tool evaluation yet">
          Start one below: it gets the default criteria (Thoughtworks matrix, the article's step 5, monitoring
          detail, security) weighted by the blueprint phases, and an in-house build candidate.
        </EmptyState>
      ) : (
        evaluations.map((v) => <EvaluationCard key={v.evaluation.id} view={v} sources={sources} />)
      )}
      <StartEvaluationForm onChanged={onChanged} />
    </div>
  );
}
