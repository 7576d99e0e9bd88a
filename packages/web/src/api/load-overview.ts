/**
 * Loads the organisation overview: every model with its workspace, stage, prediction volume, per-area
 * health and open incidents, in one request (`getOverview`); servers without it are read model by model,
 * and monitoring routes that the server does not offer yet degrade to "unmonitored".
 */
import type { SextantClient } from "@sextant/sdk";
import { deriveAreaHealth, type HealthArea, type HealthStatus } from "../model/model-health.js";
import { isRouteMissing, listAllPages, mapWithConcurrency } from "./api-client.js";
import type { IncidentItem, ModelItem, MonitorItem, VersionItem, WorkspaceItem } from "./api-types.js";

/** One row of the overview. */
export interface OverviewRow {
  readonly model: ModelItem;
  readonly workspace: WorkspaceItem | undefined;
  readonly stages: readonly VersionItem["stage"][];
  readonly liveVersion: VersionItem | undefined;
  readonly predictions: number | null;
  readonly monitors: readonly MonitorItem[];
  readonly health: Record<HealthArea, HealthStatus>;
  readonly openIncidents: readonly IncidentItem[];
}

/** The whole overview. */
export interface Overview {
  readonly rows: readonly OverviewRow[];
  readonly workspaces: readonly WorkspaceItem[];
  readonly monitoringAvailable: boolean;
}

async function loadOpenIncidents(client: SextantClient): Promise<IncidentItem[] | undefined> {
  try {
    const open = await client.call("listIncidents", { query: { status: "open", limit: 500 } });
    const acknowledged = await client.call("listIncidents", {
      query: { status: "acknowledged", limit: 500 },
    });
    return [...open.items, ...acknowledged.items];
  } catch (error) {
    if (isRouteMissing(error)) return undefined;
    throw error;
  }
}

/** The version whose traffic the overview shows: production first, then staging, then the newest. */
export function selectLiveVersion(versions: readonly VersionItem[]): VersionItem | undefined {
  return (
    versions.find((v) => v.stage === "production") ??
    versions.find((v) => v.stage === "staging") ??
    [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
  );
}

/** Fetches everything the overview shows: one summary request, or model by model on older servers. */
export async function loadOverview(client: SextantClient): Promise<Overview> {
  const [workspaces, summary] = await Promise.all([
    listAllPages((offset) => client.call("listWorkspaces", { query: { limit: 500, offset } })),
    client.call("getOverview", {}).catch((error: unknown) => {
      if (isRouteMissing(error)) return undefined;
      throw error;
    }),
  ]);
  if (summary === undefined) return loadOverviewPerModel(client);
  const rows = summary.models.map((entry): OverviewRow => {
    const liveVersion = selectLiveVersion(entry.versions);
    return {
      model: entry.model,
      workspace: workspaces.find((w) => w.id === entry.model.workspaceId),
      stages: [...new Set(entry.versions.map((v) => v.stage))],
      liveVersion,
      predictions: entry.predictions,
      monitors: entry.monitors,
      health: deriveAreaHealth(entry.monitors),
      openIncidents: entry.openIncidents,
    };
  });
  return { rows, workspaces, monitoringAvailable: true };
}

async function loadOverviewPerModel(client: SextantClient): Promise<Overview> {
  const [workspaces, models, incidents] = await Promise.all([
    listAllPages((offset) => client.call("listWorkspaces", { query: { limit: 500, offset } })),
    listAllPages((offset) => client.call("listModels", { query: { limit: 500, offset } })),
    loadOpenIncidents(client),
  ]);
  let monitoringAvailable = incidents !== undefined;
  const rows = await mapWithConcurrency(models, 6, async (model): Promise<OverviewRow> => {
    const [versions, monitors] = await Promise.all([
      client.call("listVersions", { params: { modelId: model.id }, query: { limit: 500 } }),
      monitoringAvailable
        ? client
            .call("listModelMonitors", { params: { modelId: model.id }, query: { limit: 500 } })
            .then((page) => page.items)
            .catch((error: unknown) => {
              if (!isRouteMissing(error)) throw error;
              monitoringAvailable = false;
              return [];
            })
        : Promise.resolve([]),
    ]);
    const liveVersion = selectLiveVersion(versions.items);
    const stats =
      liveVersion === undefined
        ? undefined
        : await client.call("getEventCounts", { params: { versionId: liveVersion.id } });
    return {
      model,
      workspace: workspaces.find((w) => w.id === model.workspaceId),
      stages: [...new Set(versions.items.map((v) => v.stage))],
      liveVersion,
      predictions: stats?.predictions ?? null,
      monitors,
      health: deriveAreaHealth(monitors),
      openIncidents: (incidents ?? []).filter((incident) => incident.modelId === model.id),
    };
  });
  return { rows, workspaces, monitoringAvailable };
}
