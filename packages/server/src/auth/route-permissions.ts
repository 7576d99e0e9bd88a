/**
 * THE permission table: every operation of the REST contract and what it needs. The app refuses to
 * start when an operation has no row (assertRoutePermissionsComplete); the table-driven access test
 * reads the same rows, so a new operation without a row fails both.
 *
 * A row with `scope` names the path parameter holding a resource id; the resolver of its `kind`
 * (auth/resource-resolvers.ts) finds the resource's workspace, and the caller's role there decides.
 * A workspace permission WITHOUT scope is a "listed" route: anyone passes, and the handler MUST filter
 * what it returns or changes with readPermittedWorkspaceIds(request, permission) (auth/request-access.ts).
 */
import type { OperationId } from "@sextant/sdk";
import type { Permission } from "./permissions.js";

/** How a route names the workspace it acts in: a path parameter holding a resource id. */
export interface ResourceScope {
  /** Resource kind; a resolver per kind (auth/resource-resolvers.ts) finds its workspace. */
  readonly kind: string;
  /** Path parameter holding the id. */
  readonly param: string;
}

/** What one operation needs. */
export interface RoutePermission {
  readonly permission: Permission;
  /**
   * The workspace the route acts in. Absent with a workspace permission means "listed": the route
   * spans workspaces and filters to the ones where the caller holds the permission.
   */
  readonly scope?: ResourceScope;
  /** Audit: changes are recorded by default, GETs are not; "export" records a raw-data read; "self" = the handler audits. */
  readonly audit?: "export" | "self" | "none";
}

const ws = (param: string): ResourceScope => ({ kind: "workspace", param });
const model = (param: string): ResourceScope => ({ kind: "model", param });
const version = (param: string): ResourceScope => ({ kind: "version", param });
const reference = (param: string): ResourceScope => ({ kind: "reference", param });
const segment = (param: string): ResourceScope => ({ kind: "segment", param });

const read = (scope?: ResourceScope): RoutePermission =>
  scope === undefined ? { permission: "workspace.read" } : { permission: "workspace.read", scope };
const write = (scope: ResourceScope): RoutePermission => ({ permission: "workspace.write", scope });
const admin = (scope: ResourceScope): RoutePermission => ({ permission: "workspace.admin", scope });
const org: RoutePermission = { permission: "org.admin" };

/** operationId → permission. Add a row with every new operation. */
export const routePermissions: Readonly<Record<OperationId, RoutePermission>> = {
  listWorkspaces: read(),
  createWorkspace: org,
  getWorkspace: read(ws("id")),
  updateWorkspace: admin(ws("id")),
  listModels: read(),
  getOverview: read(),
  listWorkspaceModels: read(ws("workspaceId")),
  createModel: write(ws("workspaceId")),
  getModel: read(model("id")),
  updateModel: write(model("id")),
  listVersions: read(model("modelId")),
  createVersion: write(model("modelId")),
  getVersion: read(version("id")),
  updateVersion: write(version("id")),
  getVersionSchema: read(version("versionId")),
  putVersionSchema: write(version("versionId")),
  inferVersionSchema: write(version("versionId")),
  listReferences: read(version("versionId")),
  createReference: write(version("versionId")),
  uploadReference: write(version("versionId")),
  getReference: read(reference("id")),
  deleteReference: write(reference("id")),
  listSegments: read(model("modelId")),
  createSegment: write(model("modelId")),
  getSegment: read(segment("id")),
  updateSegment: write(segment("id")),
  deleteSegment: write(segment("id")),
  ingestPredictions: write(version("versionId")),
  ingestLabels: write(version("versionId")),
  ingestOutcomes: write(version("versionId")),
  listEvents: { permission: "workspace.export", scope: version("versionId"), audit: "export" },
  getEventCounts: read(version("versionId")),

  listModelMonitors: read(model("modelId")),
  createMonitor: write(model("modelId")),
  getMonitor: read({ kind: "monitor", param: "id" }),
  updateMonitor: write({ kind: "monitor", param: "id" }),
  deleteMonitor: write({ kind: "monitor", param: "id" }),
  runMonitor: write({ kind: "monitor", param: "id" }),
  listMonitorResults: read({ kind: "monitor", param: "id" }),
  listIncidents: read(),
  getIncident: read({ kind: "incident", param: "id" }),
  acknowledgeIncident: write({ kind: "incident", param: "id" }),
  resolveIncident: write({ kind: "incident", param: "id" }),
  snoozeIncident: write({ kind: "incident", param: "id" }),
  listChannels: read(),
  createChannel: { permission: "workspace.write" },
  deleteChannel: write({ kind: "channel", param: "id" }),
  testChannel: write({ kind: "channel", param: "id" }),
  listDeliveries: read(),
  listPolicies: read(),
  createPolicy: org,
  deletePolicy: org,
  getPolicyCompliance: read(),
  applyPolicy: org,

  login: { permission: "public", audit: "self" },
  logout: { permission: "authenticated", audit: "self" },
  getSession: { permission: "authenticated" },
  changePassword: { permission: "authenticated", audit: "self" },
  listUsers: org,
  createUser: org,
  getUser: org,
  updateUser: org,
  listMembers: read(ws("workspaceId")),
  putMember: admin(ws("workspaceId")),
  deleteMember: admin(ws("workspaceId")),
  listApiKeys: admin(ws("workspaceId")),
  createApiKey: admin(ws("workspaceId")),
  revokeApiKey: admin(ws("workspaceId")),
  listAuditEvents: { permission: "audit.read" },
  verifyAuditChain: { permission: "audit.read" },

  // The roadmap spans every workspace of the organisation, so it is for organisation admins (decision 0007).
  getRoadmapFacts: org,
  getRoadmapQuestionnaire: org,
  putRoadmapQuestionnaire: org,
  createRoadmapAssessment: org,
  listRoadmapAssessments: org,
  getRoadmapAssessment: org,
  compareRoadmapAssessment: org,
  exportRoadmapMarkdown: org,
  exportRoadmapHtml: org,
  exportRoadmapJson: org,
  listToolEvaluations: org,
  createToolEvaluation: org,
  getToolEvaluation: org,
  updateToolEvaluation: org,
  addEvaluationCandidate: org,
  addEvaluationCriterion: org,
  addEvaluationScore: org,
  addEvaluationTicket: org,
  addEvaluationSignOff: org,
  advanceToolEvaluation: org,
  getModelCard: read(model("id")),
  exportToolEvaluationCsv: org,
  // Per-model compliance documents follow the model card; the portfolio-wide logs (every workspace's
  // incidents and models, the whole audit chain) are for organisation admins.
  exportPmmPlan: read(model("modelId")),
  exportAnnexIv: read(model("modelId")),
  exportIncidentLog: org,
  exportInventory: org,
  exportAuditLog: org,
};

/** Throws when an operation of the contract has no row (the app must not start without one). */
export function assertRoutePermissionsComplete(
  operationIds: readonly string[],
  table: Readonly<Record<string, RoutePermission | undefined>> = routePermissions,
): void {
  const missing = operationIds.filter((id) => table[id] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `no permission row for operation(s) ${missing.join(", ")}: add them to packages/server/src/auth/route-permissions.ts`,
    );
  }
}
