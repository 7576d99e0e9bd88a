/** Editor of the questionnaire's declared stakeholders: role, name and the success measure they judge ML by. */
import type { StakeholderAnswer, StakeholderRole } from "@sextant/core";
import { toReadableName } from "./roadmap-labels.js";

const roles: readonly StakeholderRole[] = [
  "data_scientist",
  "ml_engineer",
  "business_ops",
  "ciso_devsec",
  "risk_compliance",
  "finance",
  "executive",
];

/** Props of StakeholderRows. */
export interface StakeholderRowsProps {
  readonly stakeholders: readonly StakeholderAnswer[];
  readonly onChange: (next: StakeholderAnswer[]) => void;
}

/** One row per stakeholder, with add and remove. */
export function StakeholderRows({ stakeholders, onChange }: StakeholderRowsProps) {
  const update = (index: number, patch: Partial<StakeholderAnswer>): void => {
    onChange(
      stakeholders.map((s, i) => {
        if (i !== index) return s;
        const next = { ...s, ...patch };
        if (next.name === "") delete next.name;
        if (next.metricKey === "") delete next.metricKey;
        return next;
      }),
    );
  };
  return (
    <fieldset id="stakeholders">
      <legend>Stakeholders and their success measures</legend>
      {stakeholders.map((s, i) => (
        <div className="inline-form" key={i} data-stakeholder-row={i}>
          <label>
            Role
            <select
              value={s.role}
              onChange={(e) => {
                update(i, { role: e.target.value as StakeholderRole });
              }}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {toReadableName(r)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Name
            <input
              value={s.name ?? ""}
              onChange={(e) => {
                update(i, { name: e.target.value });
              }}
            />
          </label>
          <label>
            Success measure
            <input
              required
              value={s.successMetric}
              onChange={(e) => {
                update(i, { successMetric: e.target.value });
              }}
            />
          </label>
          <label>
            Metric key
            <input
              value={s.metricKey ?? ""}
              onChange={(e) => {
                update(i, { metricKey: e.target.value });
              }}
            />
          </label>
          <button
            type="button"
            onClick={() => {
              onChange(stakeholders.filter((_, j) => j !== i));
            }}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          onChange([...stakeholders, { role: "data_scientist", successMetric: "F1" }]);
        }}
      >
        Add a stakeholder
      </button>
    </fieldset>
  );
}
