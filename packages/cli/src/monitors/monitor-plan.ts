/**
 * Monitors as code: the file format (`monitors:` list of monitor bodies, each with its `model` id) and
 * the plan that makes the server match it. Monitors are identified by model + name; a plan lists what to
 * create, which fields to update and, with prune, what to delete. Pure: the command does the I/O.
 */
import {
  createMonitorSchema,
  dataQualityMetricIds,
  embeddingDriftMetricIds,
  idSchema,
  type Monitor,
} from "@sextant/sdk";

/** One monitor of a file: the create body plus the id of the model it belongs to. */
export const monitorFileEntrySchema = createMonitorSchema.extend({ model: idSchema });

/** A parsed monitors file entry (defaults applied). */
export type MonitorFileEntry = ReturnType<typeof monitorFileEntrySchema.parse>;

/** Kinds whose metrics form a closed list (the server refuses others too). */
const closedMetrics: Partial<Record<MonitorFileEntry["kind"], readonly string[]>> = {
  data_quality: dataQualityMetricIds,
  embedding_drift: embeddingDriftMetricIds,
};

/** The entries of a parsed monitors file (`apiVersion: sextant/v1`, `monitors: [...]`); throws with the path. */
export function parseMonitorFile(raw: unknown): MonitorFileEntry[] {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new Error("a monitors file is a mapping with a `monitors` list");
  }
  const file = raw as Record<string, unknown>;
  if (file.apiVersion !== undefined && file.apiVersion !== "sextant/v1") {
    throw new Error(`unsupported apiVersion ${JSON.stringify(file.apiVersion)} (expected sextant/v1)`);
  }
  const list = file.monitors ?? [];
  if (!Array.isArray(list)) throw new Error("`monitors` must be a list");
  return list.map((item, index) => {
    const parsed = monitorFileEntrySchema.safeParse(item);
    if (parsed.success) {
      const metrics = closedMetrics[parsed.data.kind];
      if (metrics !== undefined && !metrics.includes(parsed.data.metric)) {
        throw new Error(`monitors[${index}].metric: ${parsed.data.kind} measures ${metrics.join(", ")}`);
      }
      return parsed.data;
    }
    const issue = parsed.error.issues[0];
    throw new Error(`monitors[${index}].${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  });
}

/** The compared fields of a monitor (everything a file can say). */
export const monitorFieldNames = [
  "name",
  "description",
  "versionId",
  "kind",
  "metric",
  "columns",
  "params",
  "window",
  "baseline",
  "scope",
  "condition",
  "forWindows",
  "minSampleSize",
  "delayMs",
  "channelIds",
  "enabled",
  "labels",
] as const;

type FieldName = (typeof monitorFieldNames)[number];

/** One step of a plan. */
export type PlanStep =
  | {
      readonly action: "create";
      readonly modelId: string;
      readonly name: string;
      readonly body: MonitorFileEntry;
    }
  | {
      readonly action: "update";
      readonly modelId: string;
      readonly name: string;
      readonly monitorId: string;
      readonly changes: readonly { field: FieldName; from: unknown; to: unknown }[];
    }
  | {
      readonly action: "delete";
      readonly modelId: string;
      readonly name: string;
      readonly monitorId: string;
    };

/** JSON with sorted keys, so field comparison ignores key order. */
export function toCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

/** The file entry of a server monitor (for export and comparison). */
export function toMonitorFileEntry(monitor: Monitor): MonitorFileEntry {
  const entry: Record<string, unknown> = { model: monitor.modelId };
  for (const field of monitorFieldNames) entry[field] = monitor[field];
  return monitorFileEntrySchema.parse(entry);
}

/** Plans the changes that make the server's monitors of the file's models match the file. */
export function computeMonitorPlan(input: {
  readonly desired: readonly MonitorFileEntry[];
  readonly current: readonly Monitor[];
  readonly prune: boolean;
}): PlanStep[] {
  const steps: PlanStep[] = [];
  const key = (modelId: string, name: string): string => `${modelId}\u0000${name}`;
  const current = new Map(input.current.map((monitor) => [key(monitor.modelId, monitor.name), monitor]));
  const wanted = new Set<string>();
  for (const entry of input.desired) {
    const id = key(entry.model, entry.name);
    if (wanted.has(id)) throw new Error(`monitor "${entry.name}" of model ${entry.model} appears twice`);
    wanted.add(id);
    const existing = current.get(id);
    if (existing === undefined) {
      steps.push({ action: "create", modelId: entry.model, name: entry.name, body: entry });
      continue;
    }
    const have = toMonitorFileEntry(existing);
    const changes = monitorFieldNames
      .filter((field) => toCanonicalJson(have[field]) !== toCanonicalJson(entry[field]))
      .map((field) => ({ field, from: have[field], to: entry[field] }));
    if (changes.length > 0) {
      steps.push({
        action: "update",
        modelId: entry.model,
        name: entry.name,
        monitorId: existing.id,
        changes,
      });
    }
  }
  if (input.prune) {
    for (const monitor of input.current) {
      if (!wanted.has(key(monitor.modelId, monitor.name))) {
        steps.push({ action: "delete", modelId: monitor.modelId, name: monitor.name, monitorId: monitor.id });
      }
    }
  }
  return steps;
}

/** The plan as a diff, one line per change (`+` create, `~` update, `-` delete). */
export function renderMonitorPlan(steps: readonly PlanStep[]): string {
  if (steps.length === 0) return "no changes\n";
  const lines: string[] = [];
  for (const step of steps) {
    const label = `${step.modelId}/${step.name}`;
    if (step.action === "create") lines.push(`+ create ${label}`);
    if (step.action === "delete") lines.push(`- delete ${label} (${step.monitorId})`);
    if (step.action === "update") {
      lines.push(`~ update ${label} (${step.monitorId})`);
      for (const change of step.changes) {
        lines.push(`    ${change.field}: ${toCanonicalJson(change.from)} -> ${toCanonicalJson(change.to)}`);
      }
    }
  }
  const count = (action: PlanStep["action"]) => steps.filter((step) => step.action === action).length;
  lines.push(`${count("create")} to create, ${count("update")} to update, ${count("delete")} to delete`);
  return `${lines.join("\n")}\n`;
}
