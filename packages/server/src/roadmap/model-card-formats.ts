/**
 * Model-card exports: Model Card Toolkit JSON (schema v0.0.2), a Hugging Face README (YAML front matter
 * with `model-index`, then Markdown), Markdown and a self-contained HTML page. Pure string building.
 */
import type { ModelCard } from "./model-card.js";
import { escapeHtml, toHtmlDocument } from "./html-document.js";

/** The Hugging Face pipeline tag of a Sextant task (tabular models). */
export function toHfTaskType(task: ModelCard["task"]): string {
  return task === "regression"
    ? "tabular-regression"
    : task === "ranking"
      ? "text-ranking"
      : "tabular-classification";
}

/** The card as Model Card Toolkit JSON, schema v0.0.2. */
export function toMctJson(card: ModelCard): Record<string, unknown> {
  const details: Record<string, unknown> = {
    name: card.name,
    overview: card.description,
    documentation: `Task: ${card.task}. Risk tier: ${card.riskTier}. Card completeness ${Math.round(card.completeness * 100)}%${card.missingFields.length > 0 ? ` (missing: ${card.missingFields.join(", ")})` : ""}.`,
    owners: card.owners.map((o) => ({
      name: o.name,
      contact: o.contact === "" ? o.role : `${o.contact} (${o.role})`,
    })),
  };
  if (card.version !== null)
    details.version = { name: card.version.name, date: card.version.date, diff: card.version.description };
  const data =
    card.version?.datasetRef == null
      ? []
      : [
          {
            name: card.version.datasetRef,
            description: "training dataset of the live version",
            ...(card.sensitiveAttributes.length > 0
              ? { sensitive: { sensitive_data: [...card.sensitiveAttributes] } }
              : {}),
          },
        ];
  return {
    schema_version: "0.0.2",
    model_details: details,
    model_parameters: {
      model_architecture: card.task,
      data,
      input_format: card.inputs
        .filter((i) => i.role === "feature")
        .map((i) => `${i.name}: ${i.type}`)
        .join(", "),
      output_format: card.inputs
        .filter((i) => i.role.startsWith("prediction") || i.role === "class_probabilities")
        .map((i) => `${i.name}: ${i.type}`)
        .join(", "),
    },
    quantitative_analysis: {
      performance_metrics: card.metrics.map((m) => ({
        type: m.type,
        value: m.value,
        ...(m.slice === null ? {} : { slice: m.slice }),
      })),
    },
    considerations: {
      users: card.stakeholders.map((s) => ({ description: `${s.name} (${s.role})` })),
      use_cases: card.description === "" ? [] : [{ description: card.description }],
      limitations: card.missingFields.map((f) => ({ description: `card field not documented: ${f}` })),
      tradeoffs: [],
      ethical_considerations: card.sensitiveAttributes.map((a) => ({
        name: `protected attribute ${a}`,
        mitigation_strategy: "monitored with a fairness monitor where one is configured",
      })),
    },
  };
}

// JSON strings are valid YAML double-quoted scalars, so quoting with JSON.stringify is always safe.
const q = (value: string): string => JSON.stringify(value);

/** The card as a Hugging Face README: YAML front matter with `model-index`, then the Markdown card. */
export function toHfReadme(card: ModelCard): string {
  const lines = ["---", "library_name: sextant", `pipeline_tag: ${q(toHfTaskType(card.task))}`, "tags:"];
  for (const tag of ["sextant", card.task, ...card.tags]) lines.push(`- ${q(tag)}`);
  if (card.metrics.length > 0) {
    const dataset = card.version?.datasetRef ?? "unspecified";
    lines.push(
      "model-index:",
      `- name: ${q(card.name)}`,
      "  results:",
      "  - task:",
      `      type: ${q(toHfTaskType(card.task))}`,
      `      name: ${q(card.task)}`,
      "    dataset:",
      `      type: ${q(dataset)}`,
      `      name: ${q(card.version === null ? dataset : `${dataset} (production traffic of ${card.version.name})`)}`,
      "    metrics:",
    );
    for (const m of card.metrics)
      lines.push(
        `    - type: ${q(m.type)}`,
        `      value: ${m.value}`,
        `      name: ${q(m.slice === null ? `${m.type} (production)` : `${m.type} (${m.slice})`)}`,
      );
  }
  lines.push("---", "");
  return lines.join("\n") + renderModelCardMarkdown(card);
}

function mdCell(value: string): string {
  return value.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** The card as Markdown. */
export function renderModelCardMarkdown(card: ModelCard): string {
  const v = card.version;
  const out = [
    `# Model card: ${card.name}`,
    "",
    card.description,
    "",
    `- Task: ${card.task} · risk tier: ${card.riskTier} · completeness: ${Math.round(card.completeness * 100)}%`,
    `- Owners: ${card.owners.map((o) => `${o.name} (${o.role})`).join(", ")}`,
    `- Version: ${v === null ? "none" : `${v.name} (${v.date}), run ${v.trainingRunRef ?? "not recorded"}, dataset ${v.datasetRef ?? "not recorded"}`}`,
    `- Missing fields: ${card.missingFields.length === 0 ? "none" : card.missingFields.join(", ")}`,
    "",
    "## Metrics in production",
    "",
    "| Metric | Value | Slice | Window end |",
    "|---|---|---|---|",
    ...card.metrics.map(
      (m) => `| ${mdCell(m.type)} | ${m.value} | ${mdCell(m.slice ?? "all")} | ${m.windowEnd} |`,
    ),
    "",
    "## Inputs",
    "",
    "| Column | Role | Type |",
    "|---|---|---|",
    ...card.inputs.map((i) => `| ${mdCell(i.name)} | ${i.role} | ${i.type} |`),
    "",
    `Generated by Sextant at ${card.generatedAt} from /models/${card.modelId}.`,
  ];
  return out.join("\n") + "\n";
}

/** The card as one self-contained HTML page. */
export function renderModelCardHtml(card: ModelCard): string {
  const rows = (cells: string[][]) =>
    cells.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("");
  const body = [
    `<h1>Model card: ${escapeHtml(card.name)}</h1>`,
    `<p>${escapeHtml(card.description)}</p>`,
    `<p>Task ${escapeHtml(card.task)} · risk tier ${escapeHtml(card.riskTier)} · completeness ${Math.round(card.completeness * 100)}%</p>`,
    `<h2>Owners</h2><table><tbody>${rows(card.owners.map((o) => [o.name, o.role, o.contact]))}</tbody></table>`,
    `<h2>Metrics in production</h2><table><thead><tr><th>Metric</th><th>Value</th><th>Slice</th></tr></thead><tbody>${rows(card.metrics.map((m) => [m.type, String(m.value), m.slice ?? "all"]))}</tbody></table>`,
    `<h2>Inputs</h2><table><tbody>${rows(card.inputs.map((i) => [i.name, i.role, i.type]))}</tbody></table>`,
  ].join("\n");
  return toHtmlDocument(`Model card ${card.name}`, body);
}
