/**
 * Organisation policies: monitor templates attached to every model a selector matches (workspace, stage of
 * a version, tags). Compliance reports models without a reachable owner or without a monitor of each
 * template's kind and metric on their target version; `apply` creates the missing monitors.
 */
import type { createMonitorSchema, createPolicySchema } from "@sextant/sdk";
import type { z } from "zod";
import { AppError } from "../app/app-error.js";
import type { ModelRecord, Page, PageRequest, VersionRecord } from "../registry/records.js";
import type { Store } from "../storage/store.js";
import type { MonitorService } from "./monitor-service.js";
import type { MonitoringIdGenerator } from "./monitoring-ids.js";
import type { MonitorRecord, PolicyRecord } from "./monitoring-records.js";

/** One compliance finding. */
export interface PolicyFinding {
  readonly policyId: string;
  readonly modelId: string;
  readonly modelName: string;
  readonly problem: "missing_monitor" | "missing_owner" | "no_production_version";
  readonly detail: string;
}

/** Findings, and the monitors an apply created. */
export interface PolicyReport {
  readonly findings: PolicyFinding[];
  readonly createdMonitorIds: string[];
}

/** The policy service. */
export interface PolicyService {
  create(input: z.output<typeof createPolicySchema>): Promise<PolicyRecord>;
  load(id: string): Promise<PolicyRecord>;
  list(page: PageRequest): Promise<Page<PolicyRecord>>;
  remove(id: string): Promise<void>;
  /** Findings of every policy over every matching model. */
  checkCompliance(): Promise<PolicyReport>;
  /** Creates the policy's missing monitors on every matching model; reports what is still missing. */
  apply(id: string): Promise<PolicyReport>;
}

type Template = Omit<z.output<typeof createMonitorSchema>, "versionId">;

/** True when a model is in the selector's workspace and carries all its tags (stage is checked on versions). */
export function isModelSelected(selector: PolicyRecord["selector"], model: ModelRecord): boolean {
  if (selector.workspaceId !== undefined && selector.workspaceId !== model.workspaceId) return false;
  return (selector.tags ?? []).every((tag) => model.tags.includes(tag));
}

/** True when a model's owner can be reached (an e-mail address to route alerts to). */
export function hasReachableOwner(model: ModelRecord): boolean {
  return model.owner.name.trim() !== "" && model.owner.email !== undefined;
}

/** True when one of the monitors fulfils the template (same kind and metric on the version). */
export function hasTemplateMonitor(
  monitors: readonly MonitorRecord[],
  template: Template,
  versionId: string,
): boolean {
  return monitors.some(
    (monitor) =>
      monitor.versionId === versionId && monitor.kind === template.kind && monitor.metric === template.metric,
  );
}

async function listAll<T>(load: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await load({ limit: 500, offset });
    items.push(...page.items);
    if (page.items.length === 0 || offset + page.items.length >= page.total) return items;
  }
}

/** Creates the policy service. */
export function createPolicyService(options: {
  readonly store: Store;
  readonly ids: MonitoringIdGenerator;
  readonly clock: () => Date;
  readonly monitors: MonitorService;
}): PolicyService {
  const { store, monitors } = options;

  const findTargetVersion = async (policy: PolicyRecord, modelId: string) => {
    const stage = policy.selector.stage ?? "production";
    const versions = await listAll((page) => store.listVersions({ ...page, modelId, stage }));
    return versions.reduce<VersionRecord | undefined>(
      (newest, version) => (newest === undefined || version.createdAt >= newest.createdAt ? version : newest),
      undefined,
    );
  };

  const evaluate = async (policy: PolicyRecord, create: boolean): Promise<PolicyReport> => {
    const findings: PolicyFinding[] = [];
    const createdMonitorIds: string[] = [];
    const models = await listAll((page) => store.listModels(page));
    for (const model of models.filter((candidate) => isModelSelected(policy.selector, candidate))) {
      const base = { policyId: policy.id, modelId: model.id, modelName: model.name };
      const version = await findTargetVersion(policy, model.id);
      if (version === undefined) {
        // A stage selector only selects models having such a version; without one there is nothing to check.
        if (policy.selector.stage !== undefined) continue;
        findings.push({ ...base, problem: "no_production_version", detail: "no production version" });
      }
      if (policy.requireOwner && !hasReachableOwner(model)) {
        findings.push({ ...base, problem: "missing_owner", detail: "the owner has no e-mail to alert" });
      }
      if (version === undefined) continue;
      const existing = await listAll((page) => monitors.list({ ...page, modelId: model.id }));
      for (const template of policy.templates as readonly Template[]) {
        if (hasTemplateMonitor(existing, template, version.id)) continue;
        const detail = `no ${template.kind} monitor of ${template.metric} on version ${version.name}`;
        if (!create) {
          findings.push({ ...base, problem: "missing_monitor", detail });
          continue;
        }
        try {
          const labels = { ...template.labels, policy: policy.id };
          const created = await monitors.create(model.id, { ...template, labels, versionId: version.id });
          existing.push(created);
          createdMonitorIds.push(created.id);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          findings.push({ ...base, problem: "missing_monitor", detail: `${detail}: ${error.message}` });
        }
      }
    }
    return { findings, createdMonitorIds };
  };

  return {
    async create(input) {
      const record: PolicyRecord = {
        id: options.ids("pol"),
        name: input.name,
        selector: input.selector,
        requireOwner: input.requireOwner,
        templates: input.templates,
        createdAt: options.clock(),
      };
      await store.insertPolicy(record);
      return record;
    },
    async load(id) {
      const record = await store.findPolicy(id);
      if (record === undefined) throw new AppError("POLICY_NOT_FOUND", `no policy with id ${id}`);
      return record;
    },
    list: (page) => store.listPolicies(page),
    async remove(id) {
      await this.load(id);
      await store.deletePolicy(id);
    },
    async checkCompliance() {
      const reports = await Promise.all(
        (await listAll((page) => store.listPolicies(page))).map((policy) => evaluate(policy, false)),
      );
      return { findings: reports.flatMap((report) => report.findings), createdMonitorIds: [] };
    },
    async apply(id) {
      return evaluate(await this.load(id), true);
    },
  };
}
