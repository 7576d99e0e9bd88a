/**
 * Finds the workspace a resource belongs to, per resource kind named in the route-permission table.
 * Other areas add their kinds (e.g. monitors) by passing more resolvers to createAccessGuard.
 */
import type { ErrorCode } from "@sextant/sdk";
import type { Store } from "../storage/store.js";

/**
 * Finds the workspace of one kind of resource: undefined when the resource does not exist, null for
 * an organisation-level resource (visible to organisation admins only).
 */
export interface ResourceResolver {
  /** The 404 code answered for a missing resource and for one in a workspace the caller cannot see. */
  readonly notFound: ErrorCode;
  findWorkspaceId(id: string): Promise<string | null | undefined>;
}

/** Resolvers keyed by the `kind` of ResourceScope. */
export type ResourceResolvers = Readonly<Record<string, ResourceResolver>>;

/** Resolvers of the registry and monitoring resources (workspace, model, version, reference, segment, monitor, incident, channel). */
export function createRegistryResolvers(store: Store): ResourceResolvers {
  const modelWorkspace = async (modelId: string): Promise<string | undefined> =>
    (await store.findModel(modelId))?.workspaceId;
  const versionWorkspace = async (versionId: string): Promise<string | undefined> => {
    const version = await store.findVersion(versionId);
    return version === undefined ? undefined : modelWorkspace(version.modelId);
  };
  return {
    workspace: {
      notFound: "WORKSPACE_NOT_FOUND",
      findWorkspaceId: async (id) => (await store.findWorkspace(id))?.id,
    },
    model: { notFound: "MODEL_NOT_FOUND", findWorkspaceId: modelWorkspace },
    version: { notFound: "VERSION_NOT_FOUND", findWorkspaceId: versionWorkspace },
    reference: {
      notFound: "REFERENCE_NOT_FOUND",
      async findWorkspaceId(id) {
        const reference = await store.findReference(id);
        return reference === undefined ? undefined : versionWorkspace(reference.versionId);
      },
    },
    segment: {
      notFound: "SEGMENT_NOT_FOUND",
      async findWorkspaceId(id) {
        const segment = await store.findSegment(id);
        return segment === undefined ? undefined : modelWorkspace(segment.modelId);
      },
    },
    monitor: {
      notFound: "MONITOR_NOT_FOUND",
      async findWorkspaceId(id) {
        const monitor = await store.findMonitor(id);
        return monitor === undefined ? undefined : modelWorkspace(monitor.modelId);
      },
    },
    incident: {
      notFound: "INCIDENT_NOT_FOUND",
      async findWorkspaceId(id) {
        const incident = await store.findIncident(id);
        return incident === undefined ? undefined : modelWorkspace(incident.incident.modelId);
      },
    },
    channel: {
      notFound: "CHANNEL_NOT_FOUND",
      async findWorkspaceId(id) {
        const channel = await store.findChannel(id);
        return channel === undefined ? undefined : channel.workspaceId;
      },
    },
  };
}
