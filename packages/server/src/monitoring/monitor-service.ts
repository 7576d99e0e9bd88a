/**
 * Monitor definitions: create, update, delete, read with state, checked against the model (version of the
 * model, columns of its schema, reference of the version, segment of the model, known channels).
 */
import type { MonitorConditionSpec, WindowSpec } from "@sextant/core";
import {
  dataQualityMetricIds,
  embeddingDriftMetricIds,
  type ColumnSpec,
  type createMonitorSchema,
  type updateMonitorSchema,
} from "@sextant/sdk";
import type { z } from "zod";
import { AppError } from "../app/app-error.js";
import type { Page, PageRequest } from "../registry/records.js";
import type { Store } from "../storage/store.js";
import type { MonitoringIdGenerator } from "./monitoring-ids.js";
import type { MonitorBaselineSpec, MonitorRecord } from "./monitoring-records.js";

type CreateInput = z.output<typeof createMonitorSchema>;
type UpdateInput = z.output<typeof updateMonitorSchema>;

/** The monitor service. */
export interface MonitorService {
  create(modelId: string, input: CreateInput): Promise<MonitorRecord>;
  update(id: string, patch: UpdateInput): Promise<MonitorRecord>;
  load(id: string): Promise<MonitorRecord>;
  list(filter: PageRequest & { modelId?: string | undefined }): Promise<Page<MonitorRecord>>;
  remove(id: string): Promise<void>;
}

/** A wire window spec to core's. */
export function toWindowSpec(window: CreateInput["window"]): WindowSpec {
  const zone = window.timeZone === undefined ? {} : { timeZone: window.timeZone };
  if (window.kind === "duration")
    return { kind: "duration", durationMs: window.durationMs ?? 3_600_000, ...zone };
  return { kind: window.kind, ...zone };
}

function toBaseline(baseline: CreateInput["baseline"]): MonitorBaselineSpec {
  return baseline.kind === "range"
    ? { kind: "range", from: new Date(baseline.from), to: new Date(baseline.to) }
    : baseline;
}

/** Drops undefined members (zod optional output → exact optional core types). */
function toConditionSpec(condition: CreateInput["condition"]): MonitorConditionSpec {
  return Object.fromEntries(
    Object.entries(condition).filter(([, value]) => value !== undefined),
  ) as MonitorConditionSpec;
}

function invalid(detail: string, path: string): AppError {
  return new AppError("MONITOR_INVALID", detail, { errors: [{ path, message: detail }] as never });
}

/** Refuses metrics a kind does not have (for the kinds with a closed list) and non-embedding columns. */
function checkMetric(record: MonitorRecord, columns: readonly ColumnSpec[]): void {
  const allowed: Partial<Record<MonitorRecord["kind"], readonly string[]>> = {
    data_quality: dataQualityMetricIds,
    embedding_drift: embeddingDriftMetricIds,
  };
  const metrics = allowed[record.kind];
  if (metrics !== undefined && !metrics.includes(record.metric)) {
    throw invalid(`${record.kind} monitors measure ${metrics.join(", ")}`, "metric");
  }
  if (record.kind !== "embedding_drift") return;
  for (const name of record.columns) {
    if (columns.find((column) => column.name === name)?.type !== "embedding") {
      throw invalid(`column ${name} is not an embedding column`, "columns");
    }
  }
}

/** Creates the monitor service. */
export function createMonitorService(options: {
  readonly store: Store;
  readonly ids: MonitoringIdGenerator;
  readonly clock: () => Date;
}): MonitorService {
  const { store, clock } = options;
  const check = async (record: MonitorRecord): Promise<void> => {
    const version = await store.findVersion(record.versionId);
    if (version === undefined)
      throw new AppError("VERSION_NOT_FOUND", `no version with id ${record.versionId}`);
    if (version.modelId !== record.modelId)
      throw invalid("the version belongs to another model", "versionId");
    const names = new Set(version.schema?.columns.map((column) => column.name) ?? []);
    for (const column of record.columns) {
      if (!names.has(column)) throw invalid(`column ${column} is not in the version schema`, "columns");
    }
    checkMetric(record, version.schema?.columns ?? []);
    if (record.baseline.kind === "reference") {
      const reference = await store.findReference(record.baseline.referenceId);
      if (reference?.versionId !== record.versionId)
        throw invalid("the reference is not of this version", "baseline");
    }
    if (record.scope.kind === "segment") {
      const segment = await store.findSegment(record.scope.segmentId);
      if (segment?.modelId !== record.modelId) throw invalid("the segment is not of this model", "scope");
    }
    for (const channelId of record.channelIds) {
      if ((await store.findChannel(channelId)) === undefined) {
        throw new AppError("CHANNEL_NOT_FOUND", `no channel with id ${channelId}`);
      }
    }
  };
  return {
    async create(modelId, input) {
      if ((await store.findModel(modelId)) === undefined) {
        throw new AppError("MODEL_NOT_FOUND", `no model with id ${modelId}`);
      }
      const now = clock();
      const { evaluateFrom, ...fields } = input;
      const record: MonitorRecord = {
        id: options.ids("mon"),
        modelId,
        ...fields,
        ...(evaluateFrom === undefined ? {} : { evaluateFrom: new Date(evaluateFrom) }),
        window: toWindowSpec(input.window),
        baseline: toBaseline(input.baseline),
        condition: toConditionSpec(input.condition),
        createdAt: now,
        updatedAt: now,
      };
      await check(record);
      await store.saveMonitor(record);
      return record;
    },
    async update(id, patch) {
      const current = await this.load(id);
      const { window, baseline, condition, evaluateFrom, ...rest } = patch;
      const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const record: MonitorRecord = {
        ...current,
        ...defined,
        ...(window === undefined ? {} : { window: toWindowSpec(window) }),
        ...(baseline === undefined ? {} : { baseline: toBaseline(baseline) }),
        ...(condition === undefined ? {} : { condition: toConditionSpec(condition) }),
        ...(evaluateFrom === undefined ? {} : { evaluateFrom: new Date(evaluateFrom) }),
        updatedAt: clock(),
      };
      await check(record);
      await store.saveMonitor(record);
      // A new backfill start replays from there: the runner starts fresh when nothing is evaluated.
      const run = evaluateFrom === undefined ? undefined : await store.loadMonitorRun(id);
      if (run !== undefined) await store.saveMonitorRun({ ...run, evaluatedUntil: null });
      return record;
    },
    async load(id) {
      const record = await store.findMonitor(id);
      if (record === undefined) throw new AppError("MONITOR_NOT_FOUND", `no monitor with id ${id}`);
      return record;
    },
    list: (filter) => store.listMonitors(filter),
    async remove(id) {
      await this.load(id);
      await store.deleteMonitor(id);
    },
  };
}
