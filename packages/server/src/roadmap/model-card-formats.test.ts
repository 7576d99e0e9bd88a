import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { buildModelCard, type ModelCard } from "./model-card.js";
import { renderModelCardHtml, toHfReadme, toHfTaskType, toMctJson } from "./model-card-formats.js";
import type { ModelRecord, VersionRecord } from "../registry/records.js";
import type { MonitorRecord, MonitorResultRecord } from "../monitoring/monitoring-records.js";

// Model Card Toolkit schema v0.0.2 (tensorflow/model-card-toolkit), descriptions dropped; "#definitions/graphic"
// is spelled "#/definitions/graphic". No JSON Schema library is a project dependency, so a validator of the
// draft-07 keywords this schema uses (type, properties, additionalProperties, items, $ref, required, oneOf,
// format date/uri) is written out here.
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  $ref?: string;
  required?: string[];
  oneOf?: Schema[];
  format?: string;
  definitions?: Record<string, Schema>;
}
const schema = JSON.parse(
  readFileSync(new URL("./testdata/model-card.schema.v0.0.2.json", import.meta.url), "utf8"),
) as Schema;

function validate(s: Schema, v: unknown, path = ""): string[] {
  if (s.$ref !== undefined)
    return validate(schema.definitions![s.$ref.replace("#/definitions/", "")]!, v, path);
  const errors: string[] = [];
  const typeOk =
    {
      object: typeof v === "object" && v !== null && !Array.isArray(v),
      array: Array.isArray(v),
      string: typeof v === "string",
      number: typeof v === "number",
    }[s.type ?? "object"] ?? true;
  if (s.type !== undefined && !typeOk) return [`${path}: not ${s.type}`];
  if (s.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(String(v))) errors.push(`${path}: not a date`);
  if (s.format === "uri" && !/^[a-z][a-z0-9+.-]*:/i.test(String(v))) errors.push(`${path}: not a uri`);
  if (Array.isArray(v) && s.items !== undefined)
    v.forEach((x, i) => errors.push(...validate(s.items!, x, `${path}/${i}`)));
  if (typeOk && s.type === "object") {
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      const sub = s.properties?.[k];
      if (sub !== undefined) errors.push(...validate(sub, x, `${path}/${k}`));
      else if (s.additionalProperties === false) errors.push(`${path}/${k}: not allowed`);
    }
    for (const k of s.required ?? []) if (!(k in o)) errors.push(`${path}/${k}: required`);
    if (
      s.oneOf !== undefined &&
      s.oneOf.filter((alt) => validate({ ...alt, type: "object" }, v, path).length === 0).length !== 1
    )
      errors.push(`${path}: oneOf`);
  }
  return errors;
}
const validateMct = (v: unknown) => validate(schema, v);

const at = new Date("2026-11-20T12:00:00.000Z");
const model: ModelRecord = {
  id: "mdl_test00000001",
  workspaceId: "ws_test00000001",
  name: 'loan "default" | risk',
  description: "Predicts 12-month default of loan applications.",
  task: "binary",
  owner: { kind: "team", name: "credit-risk-ml", email: "ml@example.com" },
  businessOwner: null,
  stakeholders: [{ name: "Lena", role: "risk" }],
  tags: ["credit"],
  riskTier: "high",
  costPer1kPredictions: null,
  costCurrency: "EUR",
  createdAt: at,
  updatedAt: at,
};
const version: VersionRecord = {
  id: "ver_test00000001",
  modelId: model.id,
  name: "1.0.0",
  description: "first",
  stage: "production",
  source: "ci",
  trigger: "quarterly retrain",
  trainingRunRef: "mlflow://runs/1",
  datasetRef: "s3://bucket/train.parquet",
  schema: {
    revision: 1,
    updatedAt: at,
    columns: [
      { name: "income", role: "feature", type: "numeric", nullable: true, description: "" },
      { name: "age_band", role: "protected_attribute", type: "categorical", nullable: true, description: "" },
      { name: "score", role: "prediction_score", type: "numeric", nullable: true, description: "" },
    ],
  },
  createdAt: at,
  updatedAt: at,
};
const monitor = {
  id: "mon_test00000001",
  modelId: model.id,
  kind: "performance",
  metric: "roc_auc",
} as MonitorRecord;
const result = (value: number | null, segment: string | null): MonitorResultRecord => ({
  monitorId: monitor.id,
  modelId: model.id,
  segment,
  windowStart: at,
  windowEnd: at,
  value,
  sampleSize: 100,
  severity: "none",
  status: "ok",
  detail: null,
  evidence: {},
  evaluatedAt: at,
});

function card(
  results: MonitorResultRecord[] = [result(0.81, null), result(0.74, "broker channel")],
): ModelCard {
  return buildModelCard({ model, versions: [version], monitors: [monitor], latestResults: results, at });
}

describe("model card", () => {
  it("counts completeness over the required fields", () => {
    expect(card().missingFields).toEqual(["business_owner"]);
    expect(card().completeness).toBeCloseTo(7 / 8, 12);
    expect(card([result(null, null)]).missingFields).toEqual(["business_owner", "production_metric"]);
  });

  it("exports MCT JSON that validates against model_card.schema.json v0.0.2", () => {
    const mct = toMctJson(card());
    expect(validateMct(mct)).toEqual([]);
    expect(mct).toMatchObject({
      quantitative_analysis: {
        performance_metrics: [
          { type: "roc_auc", value: 0.81 },
          { type: "roc_auc", value: 0.74, slice: "broker channel" },
        ],
      },
    });
    expect(validateMct(toMctJson(card([])))).toEqual([]);
    // The validator is strict enough to catch a wrong shape.
    expect(validateMct({ ...mct, model_details: { version: { date: "not a date" } } })).toEqual([
      "/model_details/version/date: not a date",
    ]);
    expect(validateMct({ ...mct, extra: 1 })).toEqual(["/extra: not allowed"]);
    expect(
      validateMct({ quantitative_analysis: { performance_metrics: [{ type: "f1", value: "0.8" }] } }),
    ).toEqual(["/quantitative_analysis/performance_metrics/0/value: not number"]);
  });

  it("writes a Hugging Face README whose model-index has the required keys", () => {
    const readme = toHfReadme(card());
    const front = /^---\n([\s\S]*?)\n---\n/.exec(readme);
    expect(front).not.toBeNull();
    const meta = parse(front![1]!) as {
      "model-index": {
        name: string;
        results: {
          task: { type: string };
          dataset: { type: string; name: string };
          metrics: { type: string; value: number }[];
        }[];
      }[];
      pipeline_tag: string;
    };
    const entry = meta["model-index"][0]!;
    expect(entry.name).toBe(model.name);
    const r = entry.results[0]!;
    expect(r.task.type).toBe("tabular-classification");
    expect(r.dataset.type).toBe("s3://bucket/train.parquet");
    expect(r.dataset.name).toContain("production traffic");
    expect(r.metrics).toEqual([
      expect.objectContaining({ type: "roc_auc", value: 0.81 }),
      expect.objectContaining({ type: "roc_auc", value: 0.74 }),
    ]);
    expect(readme).toContain("# Model card:");
    expect(toHfTaskType("regression")).toBe("tabular-regression");
  });

  it("omits model-index without a measured metric and escapes HTML", () => {
    const readme = toHfReadme(card([]));
    expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(readme)![1]!)).not.toHaveProperty("model-index");
    expect(renderModelCardHtml(card())).toContain("loan &quot;default&quot; | risk");
  });
});
