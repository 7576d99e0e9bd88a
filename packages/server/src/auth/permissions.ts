/**
 * The permission model: what each workspace role may do. Organisation admins hold every permission in
 * every workspace plus `org.admin`; nothing here reads a store or a request.
 */
import type { WorkspaceRole } from "@sextant/sdk";

/** A permission a route can require inside a workspace, or at organisation level. */
export type Permission =
  /** Read registry data, results, monitors, incidents (every role). */
  | "workspace.read"
  /** Change registry data, ingest, edit monitors, handle incidents (editor, admin). */
  | "workspace.write"
  /** Read stored raw events back: a raw-data export (editor, admin). */
  | "workspace.export"
  /** Manage members, API keys and workspace settings and policies (admin). */
  | "workspace.admin"
  /** Read the audit log and verify its chain (auditor, admin). */
  | "audit.read"
  /** Create workspaces and manage users (organisation admins only). */
  | "org.admin"
  /** Any signed-in user or valid API key. */
  | "authenticated"
  /** No credentials needed. */
  | "public";

/** The workspace permissions of each role. */
export const rolePermissions: Readonly<Record<WorkspaceRole, readonly Permission[]>> = {
  admin: ["workspace.read", "workspace.write", "workspace.export", "workspace.admin", "audit.read"],
  editor: ["workspace.read", "workspace.write", "workspace.export"],
  viewer: ["workspace.read"],
  auditor: ["workspace.read", "audit.read"],
};

/** True when the role grants the permission. */
export function hasRolePermission(role: WorkspaceRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Every workspace role, highest first. */
export const workspaceRoles: readonly WorkspaceRole[] = ["admin", "editor", "viewer", "auditor"];
