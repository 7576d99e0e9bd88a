/** Loads what the model page needs: the model, versions, live version schema, references, segments, monitors, incidents. */
import type { SextantClient } from "@sextant/sdk";
import { isRouteMissing, listAllPages, mapWithConcurrency } from "./api-client.js";
import type {
  IncidentItem,
  ModelItem,
  MonitorItem,
  MonitorResult,
  SegmentItem,
  VersionItem,
} from "./api-types.js";
import { selectLiveVersion } from "./load-overview.js";

/** Everything the model page shows above its tabs. */
export interface ModelPageData {
  readonly model: ModelItem;
  readonly versions: readonly VersionItem[];
  readonly liveVersion: VersionItem | undefined;
  readonly columns: readonly { name: string; role: string; type: string }[];
  readonly references: readonly {
    id: string;
    name: string;
    kind: string;
    from: string | null;
    to: string | null;
  }[];
  readonly segments: readonly SegmentItem[];
  /** undefined when the server has no monitoring routes yet. */
  readonly monitors: readonly MonitorItem[] | undefined;
  readonly incidents: readonly IncidentItem[] | undefined;
  readonly predictions: number | null;
}

async function orUndefined<T>(load: Promise<T>): Promise<T | undefined> {
  try {
    return await load;
  } catch (error) {
    if (isRouteMissing(error)) return undefined;
    if (error instanceof Object && "status" in error && (error as { status: number }).status === 404)
      return undefined;
    throw error;
  }
}

/** Fetches the model page's data. */
export async function loadModelPage(client: SextantClient, modelId: string): Promise<ModelPageData> {
  const [model, versions, segments, monitors, incidents] = await Promise.all([
    client.call("getModel", { params: { id: modelId } }),
    client.call("listVersions", { params: { modelId }, query: { limit: 500 } }),
    client.call("listSegments", { params: { modelId }, query: { limit: 500 } }),
    orUndefined(client.call("listModelMonitors", { params: { modelId }, query: { limit: 500 } })),
    orUndefined(client.call("listIncidents", { query: { modelId, limit: 200 } })),
  ]);
  const liveVersion = selectLiveVersion(versions.items);
  const [schema, references, stats] =
    liveVersion === undefined
      ? [undefined, undefined, undefined]
      : await Promise.all([
          orUndefined(client.call("getVersionSchema", { params: { versionId: liveVersion.id } })),
          client.call("listReferences", { params: { versionId: liveVersion.id }, query: { limit: 500 } }),
          client.call("getEventCounts", { params: { versionId: liveVersion.id } }),
        ]);
  return {
    model,
    versions: versions.items,
    liveVersion,
    columns: schema?.columns ?? [],
    references: references?.items ?? [],
    segments: segments.items,
    monitors: monitors?.items,
    incidents: incidents?.items,
    predictions: stats?.predictions ?? null,
  };
}

const windowMsByKind: Readonly<Record<string, number>> = {
  hourly: 3_600_000,
  daily: 86_400_000,
  weekly: 604_800_000,
};

/** The length of a monitor's windows in ms. */
export function toWindowMs(monitor: Pick<MonitorItem, "window">): number {
  return monitor.window.durationMs ?? windowMsByKind[monitor.window.kind] ?? 3_600_000;
}

/** A monitor's results over its latest `maxWindows` windows, oldest first. */
export async function loadRecentResults(
  client: SextantClient,
  monitor: MonitorItem,
  maxWindows = 168,
): Promise<MonitorResult[]> {
  const end = monitor.evaluatedUntil === null ? Date.now() : Date.parse(monitor.evaluatedUntil);
  const from = new Date(end - toWindowMs(monitor) * maxWindows).toISOString();
  return listAllPages((offset) =>
    client.call("listMonitorResults", { params: { id: monitor.id }, query: { from, limit: 500, offset } }),
  );
}

/** Results of several monitors, keyed by monitor id. */
export async function loadResultsOf(
  client: SextantClient,
  monitors: readonly MonitorItem[],
  maxWindows = 168,
): Promise<Map<string, MonitorResult[]>> {
  const results = await mapWithConcurrency(monitors, 4, (m) => loadRecentResults(client, m, maxWindows));
  return new Map(monitors.map((m, i) => [m.id, results[i]!]));
}
