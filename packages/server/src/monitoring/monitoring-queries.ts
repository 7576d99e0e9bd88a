/**
 * Reads of the monitoring API that span workspaces: channels, deliveries, incidents, policies and latest
 * results, limited to the workspaces a caller may see (undefined = all). Org-wide channels and policies
 * (no workspace) are visible to every caller. Lists filter in memory: these tables stay small.
 */
import { AppError } from "../app/app-error.js";
import type { Page, PageRequest } from "../registry/records.js";
import type { Store } from "../storage/store.js";
import type {
  ChannelRecord,
  DeliveryRecord,
  IncidentRecord,
  MonitorRecord,
  MonitorResultRecord,
  MonitorRunRecord,
  MonitorStateRecord,
  PolicyRecord,
} from "./monitoring-records.js";

/** Workspaces a caller may see; undefined means all of them. */
export type VisibleWorkspaces = readonly string[] | undefined;

/** A latest result with what /metrics labels it with. */
export interface LabelledResult {
  readonly result: MonitorResultRecord;
  readonly monitor: MonitorRecord;
  readonly modelName: string;
}

/** Monitoring reads across workspaces. */
export interface MonitoringQueries {
  loadMonitorStatus(
    monitorId: string,
  ): Promise<{ run: MonitorRunRecord | undefined; states: MonitorStateRecord[] }>;
  listMonitorResults(
    monitorId: string,
    filter: PageRequest & {
      from?: string | undefined;
      to?: string | undefined;
      segment?: string | undefined;
    },
  ): Promise<Page<MonitorResultRecord>>;
  loadChannel(id: string): Promise<ChannelRecord>;
  removeChannel(id: string): Promise<void>;
  listChannels(page: PageRequest, visible: VisibleWorkspaces): Promise<Page<ChannelRecord>>;
  listDeliveries(
    filter: PageRequest & { status?: string | undefined },
    visible: VisibleWorkspaces,
  ): Promise<Page<DeliveryRecord>>;
  listIncidents(
    filter: PageRequest & { modelId?: string | undefined; status?: string | undefined },
    visible: VisibleWorkspaces,
  ): Promise<Page<IncidentRecord>>;
  listPolicies(page: PageRequest, visible: VisibleWorkspaces): Promise<Page<PolicyRecord>>;
  /** Model ids of the visible workspaces (undefined = all). */
  listVisibleModelIds(visible: VisibleWorkspaces): Promise<ReadonlySet<string> | undefined>;
  listLatestResults(visible: VisibleWorkspaces): Promise<LabelledResult[]>;
}

async function listAll<T>(load: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await load({ limit: 500, offset });
    items.push(...page.items);
    if (page.items.length === 0 || offset + page.items.length >= page.total) return items;
  }
}

/** One page of the items that pass a predicate. */
export async function selectPage<T>(
  load: (page: PageRequest) => Promise<Page<T>>,
  keep: (item: T) => boolean,
  page: PageRequest,
): Promise<Page<T>> {
  const kept = (await listAll(load)).filter(keep);
  return { items: kept.slice(page.offset, page.offset + page.limit), total: kept.length };
}

/** Creates the monitoring queries. */
export function createMonitoringQueries(store: Store): MonitoringQueries {
  const isVisibleWorkspace = (visible: VisibleWorkspaces, workspaceId: string | null | undefined) =>
    visible === undefined || workspaceId == null || visible.includes(workspaceId);
  const visibleModelIds = async (visible: VisibleWorkspaces) => {
    if (visible === undefined) return undefined;
    const models = await listAll((page) => store.listModels({ ...page, workspaceIds: visible }));
    return new Set(models.map((model) => model.id));
  };
  const loadChannel = async (id: string) => {
    const channel = await store.findChannel(id);
    if (channel === undefined) throw new AppError("CHANNEL_NOT_FOUND", `no channel with id ${id}`);
    return channel;
  };
  return {
    async loadMonitorStatus(monitorId) {
      const [run, states] = await Promise.all([
        store.loadMonitorRun(monitorId),
        store.listMonitorStates(monitorId),
      ]);
      return { run, states };
    },
    listMonitorResults: (monitorId, filter) =>
      store.listMonitorResults({
        monitorId,
        limit: filter.limit,
        offset: filter.offset,
        segment: filter.segment,
        from: filter.from === undefined ? undefined : new Date(filter.from),
        to: filter.to === undefined ? undefined : new Date(filter.to),
      }),
    loadChannel,
    async removeChannel(id) {
      await loadChannel(id);
      await store.deleteChannel(id);
    },
    listChannels: (page, visible) =>
      visible === undefined
        ? store.listChannels(page)
        : selectPage(
            (request) => store.listChannels(request),
            (channel) => isVisibleWorkspace(visible, channel.workspaceId),
            page,
          ),
    async listDeliveries(filter, visible) {
      if (visible === undefined) return store.listDeliveries(filter);
      const channels = await listAll((page) => store.listChannels(page));
      const allowed = new Set(
        channels.filter((channel) => isVisibleWorkspace(visible, channel.workspaceId)).map((c) => c.id),
      );
      return selectPage(
        (page) => store.listDeliveries({ ...page, status: filter.status }),
        (delivery) => allowed.has(delivery.channelId),
        filter,
      );
    },
    async listIncidents(filter, visible) {
      const models = await visibleModelIds(visible);
      if (models === undefined) return store.listIncidents(filter);
      return selectPage(
        (page) => store.listIncidents({ ...page, modelId: filter.modelId, status: filter.status }),
        (incident) => models.has(incident.incident.modelId),
        filter,
      );
    },
    listPolicies: (page, visible) =>
      visible === undefined
        ? store.listPolicies(page)
        : selectPage(
            (request) => store.listPolicies(request),
            (policy) => isVisibleWorkspace(visible, policy.selector.workspaceId),
            page,
          ),
    listVisibleModelIds: visibleModelIds,
    async listLatestResults(visible) {
      const models = await visibleModelIds(visible);
      const results = (await store.listLatestMonitorResults()).filter(
        (result) => models === undefined || models.has(result.modelId),
      );
      const monitors = new Map<string, MonitorRecord | undefined>();
      const names = new Map<string, string>();
      const labelled: LabelledResult[] = [];
      for (const result of results) {
        if (!monitors.has(result.monitorId))
          monitors.set(result.monitorId, await store.findMonitor(result.monitorId));
        const monitor = monitors.get(result.monitorId);
        if (monitor === undefined) continue;
        if (!names.has(monitor.modelId))
          names.set(monitor.modelId, (await store.findModel(monitor.modelId))?.name ?? monitor.modelId);
        labelled.push({ result, monitor, modelName: names.get(monitor.modelId) ?? monitor.modelId });
      }
      return labelled;
    },
  };
}
