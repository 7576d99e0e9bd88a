/**
 * Loads everything the roadmap facts are counted from (models, versions, monitors and their runs, results,
 * incidents, channels, policies, users, memberships, keys, audit chain, event activity) through the Store
 * port. The only I/O step of the assessment; it decides nothing.
 */
import type { ApiKeyRecord, MembershipRecord, UserRecord } from "../auth/auth-records.js";
import type { AuditService } from "../auth/audit-service.js";
import type {
  ChannelRecord,
  IncidentRecord,
  MonitorRecord,
  MonitorResultRecord,
  MonitorRunRecord,
  PolicyRecord,
} from "../monitoring/monitoring-records.js";
import type { ModelRecord, Page, PageRequest, VersionRecord, WorkspaceRecord } from "../registry/records.js";
import type { VersionActivityRecord } from "../storage/roadmap-store.js";
import type { Store } from "../storage/store.js";

/** The platform state at one instant. */
export interface PlatformSnapshot {
  readonly at: Date;
  readonly windowDays: number;
  readonly workspaces: readonly WorkspaceRecord[];
  readonly models: readonly ModelRecord[];
  readonly versionsByModel: ReadonlyMap<string, readonly VersionRecord[]>;
  readonly monitors: readonly MonitorRecord[];
  readonly runs: ReadonlyMap<string, MonitorRunRecord>;
  readonly latestResults: readonly MonitorResultRecord[];
  readonly incidents: readonly IncidentRecord[];
  readonly channels: readonly ChannelRecord[];
  readonly policies: readonly PolicyRecord[];
  readonly users: readonly UserRecord[];
  readonly memberships: readonly MembershipRecord[];
  readonly apiKeys: readonly ApiKeyRecord[];
  readonly activity: ReadonlyMap<string, VersionActivityRecord>;
  readonly audit: { readonly entries: number; readonly chainValid: boolean | null };
}

const dayMs = 86_400_000;
const pageSize = 500;

/** Reads every page of a list. */
export async function listAll<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await list({ limit: pageSize, offset });
    out.push(...page.items);
    if (page.items.length < pageSize || out.length >= page.total) return out;
  }
}

/** Loads the snapshot the facts are computed from; `at` is the assessment time. */
export async function loadPlatformSnapshot(input: {
  readonly store: Store;
  readonly audit: AuditService;
  readonly at: Date;
  readonly windowDays: number;
}): Promise<PlatformSnapshot> {
  const { store, at, windowDays } = input;
  const workspaces = await listAll((p) => store.listWorkspaces(p));
  const models = await listAll((p) => store.listModels(p));
  const versionsByModel = new Map<string, VersionRecord[]>();
  for (const model of models)
    versionsByModel.set(model.id, await listAll((p) => store.listVersions({ ...p, modelId: model.id })));
  const monitors = await listAll((p) => store.listMonitors(p));
  const runs = new Map<string, MonitorRunRecord>();
  for (const monitor of monitors) {
    const run = await store.loadMonitorRun(monitor.id);
    if (run !== undefined) runs.set(monitor.id, run);
  }
  const users = await listAll((p) => store.listUsers(p));
  const memberships: MembershipRecord[] = [];
  for (const user of users) memberships.push(...(await store.listUserMemberships(user.id)));
  const apiKeys: ApiKeyRecord[] = [];
  for (const workspace of workspaces)
    apiKeys.push(...(await listAll((p) => store.listApiKeys({ ...p, workspaceId: workspace.id }))));
  const versionIds = [...versionsByModel.values()].flat().map((v) => v.id);
  const activity = await store.readVersionActivity({
    versionIds,
    from: new Date(at.getTime() - windowDays * dayMs),
    until: at,
    labelsSince: new Date(at.getTime() - 30 * dayMs),
  });
  const verification = await input.audit.verify();
  const head = await store.loadAuditHead();
  return {
    at,
    windowDays,
    workspaces,
    models,
    versionsByModel,
    monitors,
    runs,
    latestResults: await store.listLatestMonitorResults(),
    incidents: await listAll((p) => store.listIncidents(p)),
    channels: await listAll((p) => store.listChannels(p)),
    policies: await listAll((p) => store.listPolicies(p)),
    users,
    memberships,
    apiKeys,
    activity: new Map(activity.map((a) => [a.versionId, a])),
    audit: { entries: head.seq, chainValid: head.seq === 0 ? null : verification.valid },
  };
}
