/**
 * The questionnaire: only what the platform cannot see, with answers the facts can give pre-filled and an
 * "observed: X" hint (flagged when the answer differs), discrepancies, Save (PUT) and Run assessment (POST).
 */
import type { RoadmapQuestionnaire } from "@sextant/core";
import { useState, type SyntheticEvent } from "react";
import { toErrorMessage } from "../api/api-client.js";
import { useApp } from "../api/app-context.js";
import { formatEvidenceValue } from "./evidence-sources.js";
import { questionSections, readAnswer, writeAnswer, type QuestionField } from "./questionnaire-fields.js";
import type { PrefilledAnswer, QuestionnaireView } from "./roadmap-data.js";
import { toReadableName } from "./roadmap-labels.js";
import { StakeholderRows } from "./StakeholderRows.js";

/** Props of QuestionnaireTab. */
export interface QuestionnaireTabProps {
  readonly view: QuestionnaireView;
  /** Called after a save or an assessment, with the new assessment id when one was created. */
  readonly onChanged: (assessmentId?: string) => void;
}

function FieldInput(props: {
  readonly field: QuestionField;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}) {
  const { field, value, onChange } = props;
  if (field.kind === "number")
    return (
      <input
        type="number"
        min={0}
        value={typeof value === "number" ? value : 0}
        onChange={(e) => {
          onChange(Math.max(0, Math.round(Number(e.target.value))));
        }}
      />
    );
  if (field.kind === "boolean")
    return (
      <input
        type="checkbox"
        checked={value === true}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
    );
  if (field.kind === "list")
    return (
      <input
        value={Array.isArray(value) ? value.join(", ") : ""}
        onChange={(e) => {
          onChange(
            e.target.value
              .split(",")
              .map((s) => s.trim())
              .filter((s) => s !== ""),
          );
        }}
      />
    );
  if (field.kind === "enum")
    return (
      <select
        value={typeof value === "string" ? value : ""}
        onChange={(e) => {
          onChange(e.target.value === "" ? undefined : e.target.value);
        }}
      >
        {field.optional === true ? <option value="">(none)</option> : null}
        {field.options.map((o) => (
          <option key={o} value={o}>
            {toReadableName(o)}
          </option>
        ))}
      </select>
    );
  const options = "options" in field ? field.options : [];
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  return (
    <span className="checkbox-group">
      {options.map((o) => (
        <label key={o} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(o)}
            onChange={(e) => {
              onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o));
            }}
          />
          {toReadableName(o)}
        </label>
      ))}
    </span>
  );
}

function ObservedHint({ prefilled }: { readonly prefilled: PrefilledAnswer | undefined }) {
  if (prefilled === undefined) return null;
  return (
    <span
      className={prefilled.differs ? "observed-hint differs" : "observed-hint"}
      data-observed={prefilled.fact}
    >
      observed: {formatEvidenceValue(prefilled.observed)}
      {prefilled.differs ? " (differs from the answer)" : ""}
    </span>
  );
}

/** The questionnaire tab. */
export function QuestionnaireTab({ view, onChanged }: QuestionnaireTabProps) {
  const { client, session } = useApp();
  const [draft, setDraft] = useState<RoadmapQuestionnaire>(view.questionnaire);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<string | undefined>, done: string): Promise<void> => {
    setBusy(true);
    try {
      const id = await action();
      setMessage({ kind: "ok", text: done });
      onChanged(id);
    } catch (error) {
      setMessage({ kind: "error", text: toErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = async (): Promise<undefined> => {
    const body = { ...draft, answeredBy: session.name, answeredAt: new Date().toISOString() };
    await client.call("putRoadmapQuestionnaire", { body });
    return undefined;
  };
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    void run(save, "Answers saved.");
  };
  const assess = (): void => {
    void run(async () => {
      const created = await client.call("createRoadmapAssessment", { body: {} });
      return (created.assessment as { id: string }).id;
    }, "Assessment created.");
  };
  return (
    <form data-testid="step-questionnaire" onSubmit={submit} aria-label="Roadmap questionnaire">
      <h2>Questionnaire</h2>
      <p className="muted">
        {view.revision === 0
          ? "Not saved yet: the answers below are defaults, pre-filled from what Sextant observes. Save them to run an assessment."
          : `Revision ${view.revision}, saved ${view.savedAt?.slice(0, 16).replace("T", " ") ?? ""} by ${view.questionnaire.answeredBy}.`}
      </p>
      {view.discrepancies.map((d) => (
        <p key={d.id} className="note" data-discrepancy={d.id}>
          <strong>{d.id}</strong> {d.text}
        </p>
      ))}
      {questionSections.map((section) => (
        <fieldset key={section.id} id={section.id} className="form-grid questionnaire-section">
          <legend>{section.title}</legend>
          {section.fields.map((field) => (
            <label key={field.path} data-field={field.path}>
              {field.label}
              <FieldInput
                field={field}
                value={readAnswer(draft, field.path)}
                onChange={(value) => {
                  setDraft((d) => writeAnswer(d, field.path, value));
                }}
              />
              <ObservedHint prefilled={view.prefilled[field.path]} />
            </label>
          ))}
        </fieldset>
      ))}
      <StakeholderRows
        stakeholders={draft.stakeholders}
        onChange={(stakeholders) => {
          setDraft((d) => ({ ...d, stakeholders }));
        }}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Save answers
        </button>
        <button type="button" disabled={busy || view.revision === 0} onClick={assess}>
          Run assessment
        </button>
        {message === null ? null : (
          <span className={message.kind === "error" ? "error" : "muted"} role="status">
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
