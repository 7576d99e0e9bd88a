/**
 * The organisation overview in one read: every model of the visible workspaces with its versions, the live
 * version's prediction count, its monitors with run bookkeeping and states, and its unresolved incidents.
 * Reads only, in bulk (OverviewStore) so the web overview needs one request instead of 3 per model.
 */
import type {
  IncidentRecord,
  MonitorRecord,
  MonitorRunRecord,
  MonitorStateRecord,
} from "../monitoring/monitoring-records.js";
import type { ModelRecord, Page, VersionRecord } from "../registry/records.js";
import type { Store } from "../storage/store.js";

/** One model of the overview, as records. */
export interface ModelOverviewRecord {
  readonly model: ModelRecord;
  readonly versions: readonly VersionRecord[];
  readonly predictions: number | null;
  readonly monitors: readonly {
    readonly monitor: MonitorRecord;
    readonly run: MonitorRunRecord | undefined;
    readonly states: readonly MonitorStateRecord[];
  }[];
  readonly openIncidents: readonly IncidentRecord[];
}

/** The overview service. */
export interface OverviewService {
  /** The overview of the given workspaces (undefined = all). */
  load(workspaceIds: readonly string[] | undefined): Promise<ModelOverviewRecord[]>;
}

const pageSize = 500;

async function listAll<T>(load: (offset: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await load(offset);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/** The version whose traffic the overview counts: production first, then staging, then the newest. */
export function selectLiveVersion(versions: readonly VersionRecord[]): VersionRecord | undefined {
  return (
    versions.find((v) => v.stage === "production") ??
    versions.find((v) => v.stage === "staging") ??
    [...versions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]
  );
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** Creates the overview service over the store (a fixed number of queries plus one per model). */
export function createOverviewService(store: Store): OverviewService {
  return {
    async load(workspaceIds) {
      const [models, monitors, open, acknowledged, statuses] = await Promise.all([
        listAll((offset) => store.listModels({ workspaceIds, limit: pageSize, offset })),
        listAll((offset) => store.listMonitors({ limit: pageSize, offset })),
        listAll((offset) => store.listIncidents({ status: "open", limit: pageSize, offset })),
        listAll((offset) => store.listIncidents({ status: "acknowledged", limit: pageSize, offset })),
        store.listMonitorStatuses(),
      ]);
      const versions = await Promise.all(
        models.map((model) =>
          listAll((offset) => store.listVersions({ modelId: model.id, limit: pageSize, offset })),
        ),
      );
      const live = versions.map(selectLiveVersion);
      const counts = await store.countPredictions(
        live.flatMap((version) => (version === undefined ? [] : [version.id])),
      );
      const runs = new Map(statuses.runs.map((run) => [run.monitorId, run]));
      const states = groupBy(statuses.states, (state) => state.monitorId);
      const monitorsByModel = groupBy(monitors, (monitor) => monitor.modelId);
      const incidents = groupBy([...open, ...acknowledged], (record) => record.incident.modelId);
      return models.map((model, index) => ({
        model,
        versions: versions[index] ?? [],
        predictions: live[index] === undefined ? null : (counts.get(live[index].id) ?? 0),
        monitors: (monitorsByModel.get(model.id) ?? []).map((monitor) => ({
          monitor,
          run: runs.get(monitor.id),
          states: states.get(monitor.id) ?? [],
        })),
        openIncidents: incidents.get(model.id) ?? [],
      }));
    },
  };
}
