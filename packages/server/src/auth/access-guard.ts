/**
 * Decides whether a principal may run an operation: looks up the operation's row, resolves the
 * workspace of the addressed resource and checks the role. A resource in a workspace the caller has
 * no role in answers the same 404 as a missing one, so existence never leaks; a visible resource the
 * role may not change answers 403.
 */
import { AppError } from "../app/app-error.js";
import { hasRolePermission } from "./permissions.js";
import { hasWorkspacePermission, listPermittedWorkspaceIds, type Principal } from "./principal.js";
import type { ResourceResolvers } from "./resource-resolvers.js";
import type { RoutePermission } from "./route-permissions.js";

/** A path parameter as text (params are strings; anything else names no resource). */
function toParamText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The outcome of an allowed request: the workspace it acts in, when it has one. */
export interface AccessDecision {
  readonly principal: Principal | null;
  readonly workspaceId: string | null;
  readonly targetId: string | null;
}

/** Thrown for 403s; carries what the audit log records about the refusal. */
export class PermissionDeniedError extends AppError {
  readonly workspaceId: string | null;
  readonly targetId: string | null;
  constructor(detail: string, workspaceId: string | null, targetId: string | null) {
    super("PERMISSION_DENIED", detail);
    this.workspaceId = workspaceId;
    this.targetId = targetId;
  }
}

/** Checks one request against its permission row; throws 401, 403 or 404. */
export async function authorizeOperation(input: {
  readonly principal: Principal | null;
  readonly row: RoutePermission;
  readonly params: Readonly<Record<string, unknown>>;
  readonly resolvers: ResourceResolvers;
}): Promise<AccessDecision> {
  const { principal, row } = input;
  if (row.permission === "public") return { principal, workspaceId: null, targetId: null };
  if (principal === null) {
    throw new AppError(
      "AUTHENTICATION_REQUIRED",
      "sign in (POST /api/v1/auth/login) or send Authorization: Bearer <key>",
    );
  }
  if (row.permission === "authenticated") return { principal, workspaceId: null, targetId: null };
  if (row.permission === "org.admin") {
    if (!principal.orgAdmin)
      throw new PermissionDeniedError("only organisation admins may do this", null, null);
    return { principal, workspaceId: null, targetId: null };
  }
  const scope = row.scope;
  if (scope === undefined) {
    // A listed route: it filters to permitted workspaces; refuse only when there is none at all.
    const permitted = listPermittedWorkspaceIds(principal, row.permission);
    const anyRole = [...principal.roles.values()].some((role) => hasRolePermission(role, row.permission));
    if (permitted !== undefined && !anyRole && row.permission !== "workspace.read") {
      throw new PermissionDeniedError(`no workspace grants you ${row.permission}`, null, null);
    }
    return { principal, workspaceId: null, targetId: null };
  }
  const resolver = input.resolvers[scope.kind];
  if (resolver === undefined) throw new Error(`no resource resolver for kind ${scope.kind}`);
  const id = toParamText(input.params[scope.param]);
  const workspaceId = await resolver.findWorkspaceId(id);
  const visible =
    workspaceId !== undefined &&
    (principal.orgAdmin || (workspaceId !== null && principal.roles.has(workspaceId)));
  if (!visible) throw new AppError(resolver.notFound, `no ${scope.kind} with id ${id}`);
  // An organisation-level resource: only organisation admins see it, and they may do anything.
  if (workspaceId === null) return { principal, workspaceId: null, targetId: id };
  if (!hasWorkspacePermission(principal, workspaceId, row.permission)) {
    const role = principal.roles.get(workspaceId) ?? "none";
    throw new PermissionDeniedError(
      `your role ${role} in this workspace does not grant ${row.permission}`,
      workspaceId,
      id,
    );
  }
  return { principal, workspaceId, targetId: id };
}
