/**
 * Compliance documents of one model as Markdown (ROADMAP.md §5 compliance exports): the post-market
 * monitoring plan (`pmm-plan.md`, EU AI Act Art. 72) and the technical-documentation skeleton
 * (`annex-iv-skeleton.md`, Annex IV), pre-filled from the registry and monitoring configuration; what
 * Sextant cannot know is marked "To complete". All user text is escaped.
 */
import { escapeMarkdown, toCellText, toMarkdownTable } from "@sextant/core";
import type { ChannelRecord, IncidentRecord, MonitorRecord } from "../monitoring/monitoring-records.js";
import type { ModelRecord, VersionRecord } from "../registry/records.js";
import type { ModelCard } from "./model-card.js";

/** What both documents are built from. */
export interface ComplianceContext {
  readonly model: ModelRecord;
  readonly workspaceName: string;
  readonly card: ModelCard;
  readonly versions: readonly VersionRecord[];
  readonly monitors: readonly MonitorRecord[];
  readonly channels: readonly ChannelRecord[];
  readonly incidents: readonly IncidentRecord[];
  /** Days raw predictions and labels are kept; 0 = forever. */
  readonly predictionLogRetentionDays: number;
  readonly at: Date;
}

const todo = "_To complete._";
const dayMs = 86_400_000;

function describeCondition(monitor: MonitorRecord): string {
  const { kind, ...rest } = monitor.condition;
  const limits = Object.entries(rest).map(([key, value]) => `${key} ${String(value)}`);
  return `${kind}${limits.length === 0 ? "" : `: ${limits.join(", ")}`}`;
}

function monitorTable(ctx: ComplianceContext): string {
  if (ctx.monitors.length === 0)
    return "No monitor is configured for this model. Add drift, data-quality and performance monitors before relying on this plan.";
  const channelName = (id: string) => ctx.channels.find((c) => c.id === id)?.name ?? id;
  return toMarkdownTable(
    ["Monitor", "Kind", "Metric", "Window", "Condition", "Enabled", "Alert channels"],
    ctx.monitors.map((m) => [
      escapeMarkdown(m.name),
      m.kind,
      escapeMarkdown(m.metric),
      m.window.kind,
      escapeMarkdown(describeCondition(m)),
      toCellText(m.enabled),
      m.channelIds.length === 0 ? "none" : escapeMarkdown(m.channelIds.map(channelName).join(", ")),
    ]),
  );
}

function header(title: string, ctx: ComplianceContext, anchors: string): string[] {
  return [
    `# ${title}: ${escapeMarkdown(ctx.model.name)}`,
    "",
    `Generated ${ctx.at.toISOString()} by Sextant from the model registry and monitoring configuration (${anchors}). ` +
      "It is a draft: review it, complete the marked parts and keep it with the technical documentation.",
    "",
  ];
}

function retentionText(days: number): string {
  return days === 0 ? "kept without time limit" : `kept ${days} days (by event time)`;
}

/** The post-market monitoring plan (Art. 72) of a model. */
export function renderPmmPlan(ctx: ComplianceContext): string {
  const { model, card } = ctx;
  const since = ctx.at.getTime() - 90 * dayMs;
  const recent = ctx.incidents.filter((i) => i.incident.openedAtMs >= since);
  const open = ctx.incidents.filter((i) => i.incident.status !== "resolved");
  return [
    ...header("Post-market monitoring plan", ctx, "EU AI Act Art. 72; NIST AI RMF MANAGE 4.1"),
    "## 1 System",
    "",
    toMarkdownTable(
      ["Model", "Id", "Workspace", "Risk tier", "Task", "Version in production"],
      [
        [
          escapeMarkdown(model.name),
          model.id,
          escapeMarkdown(ctx.workspaceName),
          model.riskTier,
          model.task,
          card.version === null ? "none" : escapeMarkdown(card.version.name),
        ],
      ],
    ),
    "",
    "## 2 Responsibilities",
    "",
    ...card.owners.map(
      (o) => `- ${escapeMarkdown(o.role)}: ${escapeMarkdown(o.name)} ${escapeMarkdown(o.contact)}`,
    ),
    ...card.stakeholders.map((s) => `- stakeholder (${escapeMarkdown(s.role)}): ${escapeMarkdown(s.name)}`),
    `- Human oversight of the system in use: ${todo}`,
    "",
    "## 3 Data collected in production",
    "",
    `- Predictions, ground-truth labels and outcomes are logged to Sextant and ${retentionText(ctx.predictionLogRetentionDays)}; monitor results and incidents are kept.`,
    `- Input features monitored: ${card.inputs.length === 0 ? "no schema registered" : escapeMarkdown(card.inputs.map((i) => i.name).join(", "))}.`,
    `- Protected attributes: ${card.sensitiveAttributes.length === 0 ? "none declared" : escapeMarkdown(card.sensitiveAttributes.join(", "))}.`,
    `- Feedback from deployers and users: ${todo}`,
    "",
    "## 4 Monitoring in place",
    "",
    monitorTable(ctx),
    "",
    "## 5 Latest production metrics",
    "",
    card.metrics.length === 0
      ? "No performance, fairness or business metric is computed in production yet."
      : toMarkdownTable(
          ["Metric", "Value", "Segment", "Window end"],
          card.metrics.map((m) => [
            escapeMarkdown(m.type),
            toCellText(m.value),
            escapeMarkdown(m.slice ?? "all"),
            m.windowEnd,
          ]),
        ),
    "",
    "## 6 Incidents and serious-incident reporting (Art. 73)",
    "",
    `- Incidents opened in the last 90 days: ${recent.length}; not resolved now: ${open.length} (the incident log export lists them).`,
    "- A serious incident is reported to the market surveillance authority without undue delay and at the latest 15 days after becoming aware of it; 2 days for a widespread infringement or a serious disruption of critical infrastructure; 10 days in the event of a death (Art. 73(2)–(4)).",
    `- Who decides whether an incident is serious, and who reports it: ${todo}`,
    "",
    "## 7 Review",
    "",
    `- Review cadence of this plan and of the thresholds above: ${todo}`,
    `- Corrective actions (retraining, rollback, suspension) and who may trigger them: ${todo}`,
    "",
  ].join("\n");
}

/** The Annex IV technical-documentation skeleton of a model. */
export function renderAnnexIvSkeleton(ctx: ComplianceContext): string {
  const { model, card } = ctx;
  const versions = [...ctx.versions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return [
    ...header("Technical documentation (Annex IV skeleton)", ctx, "EU AI Act Art. 11 and Annex IV"),
    "## 1 General description of the AI system",
    "",
    `- Intended purpose: ${model.description === "" ? todo : escapeMarkdown(model.description)}`,
    `- Provider and persons responsible: ${card.owners.map((o) => `${escapeMarkdown(o.name)} (${escapeMarkdown(o.role)})`).join("; ")}`,
    `- Version: ${card.version === null ? "no version registered" : `${escapeMarkdown(card.version.name)} (${card.version.date})`}`,
    `- Task: ${model.task}; risk tier: ${model.riskTier}`,
    `- Hardware and software it runs on, forms in which it is placed on the market, instructions for use: ${todo}`,
    "",
    "## 2 Elements of the system and its development",
    "",
    `- Training run: ${escapeMarkdown(card.version?.trainingRunRef ?? "not recorded")}; training data: ${escapeMarkdown(card.version?.datasetRef ?? "not recorded")}`,
    `- Inputs (${card.inputs.length}): ${card.inputs.length === 0 ? "no schema registered" : escapeMarkdown(card.inputs.map((i) => `${i.name} (${i.type})`).join(", "))}`,
    `- Design choices, architecture, data preparation and labelling, validation and testing procedures, cybersecurity measures: ${todo}`,
    `- Human-oversight measures (Art. 14): ${todo}`,
    "",
    "## 3 Monitoring, functioning and control",
    "",
    monitorTable(ctx),
    "",
    `- Protected attributes monitored for bias: ${card.sensitiveAttributes.length === 0 ? "none declared" : escapeMarkdown(card.sensitiveAttributes.join(", "))}`,
    `- Capabilities and limitations, accuracy for the groups of persons it is used on, foreseeable unintended outcomes: ${todo}`,
    "",
    "## 4 Appropriateness of the performance metrics",
    "",
    card.metrics.length === 0
      ? `No production metric is computed yet. ${todo}`
      : card.metrics
          .map((m) => `- ${escapeMarkdown(m.type)} = ${toCellText(m.value)} (window ending ${m.windowEnd})`)
          .join("\n"),
    "",
    "## 5 Risk-management system (Art. 9)",
    "",
    todo,
    "",
    "## 6 Changes through the lifecycle",
    "",
    versions.length === 0
      ? "No version registered."
      : toMarkdownTable(
          ["Version", "Registered", "Stage", "Description"],
          versions.map((v) => [
            escapeMarkdown(v.name),
            v.createdAt.toISOString(),
            v.stage,
            escapeMarkdown(v.description),
          ]),
        ),
    "",
    "## 7 Harmonised standards and other specifications applied",
    "",
    todo,
    "",
    "## 8 EU declaration of conformity (Art. 47)",
    "",
    todo,
    "",
    "## 9 Post-market performance evaluation (Art. 72)",
    "",
    `The post-market monitoring plan is exported at \`/api/v1/compliance/pmm-plan/${model.id}\`; logs are ${retentionText(ctx.predictionLogRetentionDays)}.`,
    "",
  ].join("\n");
}
