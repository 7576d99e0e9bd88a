/** The authenticated caller of a request: a signed-in user (cookie) or an API key (bearer). */
import type { WorkspaceRole } from "@sextant/sdk";
import type { SessionRecord } from "./auth-records.js";
import { hasRolePermission, type Permission } from "./permissions.js";

/** Who is calling and what they may do. */
export interface Principal {
  readonly kind: "user" | "api_key";
  readonly id: string;
  readonly name: string;
  /** Organisation admins hold every permission in every workspace. */
  readonly orgAdmin: boolean;
  /** Role per workspace id. */
  readonly roles: ReadonlyMap<string, WorkspaceRole>;
  /** The session of a cookie-authenticated user (null for API keys). */
  readonly session: SessionRecord | null;
  readonly expiresAt: Date | null;
}

/** True when the principal holds the permission in the workspace. */
export function hasWorkspacePermission(
  principal: Principal,
  workspaceId: string,
  permission: Permission,
): boolean {
  if (principal.orgAdmin) return true;
  const role = principal.roles.get(workspaceId);
  return role !== undefined && hasRolePermission(role, permission);
}

/** The workspaces where the principal holds the permission; undefined = every workspace (org admin). */
export function listPermittedWorkspaceIds(
  principal: Principal,
  permission: Permission,
): string[] | undefined {
  if (principal.orgAdmin) return undefined;
  return [...principal.roles].filter(([, role]) => hasRolePermission(role, permission)).map(([id]) => id);
}
