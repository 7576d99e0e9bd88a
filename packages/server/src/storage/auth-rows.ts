/**
 * Converters from auth table rows (snake_case columns, timestamps as Date) to auth records, shared by
 * every Store adapter; the SQL and the parameter order stay in each adapter.
 */
import type {
  ApiKeyRecord,
  AuditEntryRecord,
  MembershipRecord,
  SessionRecord,
  UserRecord,
} from "../auth/auth-records.js";

/** A result row keyed by column name. */
type Row = Readonly<Record<string, unknown>>;

const toDate = (value: unknown): Date => value as Date;
const toDateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : (value as Date);
const toTextOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** A users row to a record. */
export function userFromRow(row: Row): UserRecord {
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    passwordHash: String(row.password_hash),
    orgAdmin: row.org_admin === true,
    disabled: row.disabled === true,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** A sessions row to a record. */
export function sessionFromRow(row: Row): SessionRecord {
  return {
    id: String(row.id),
    tokenHash: String(row.token_hash),
    userId: String(row.user_id),
    csrfToken: String(row.csrf_token),
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    ip: toTextOrNull(row.ip),
    userAgent: toTextOrNull(row.user_agent),
  };
}

/** A memberships row to a record. */
export function membershipFromRow(row: Row): MembershipRecord {
  return {
    workspaceId: String(row.workspace_id),
    userId: String(row.user_id),
    role: String(row.role) as MembershipRecord["role"],
    createdAt: toDate(row.created_at),
  };
}

/** An api_keys row to a record. */
export function apiKeyFromRow(row: Row): ApiKeyRecord {
  return {
    id: String(row.id),
    workspaceId: String(row.workspace_id),
    name: String(row.name),
    role: String(row.role) as ApiKeyRecord["role"],
    keyHash: String(row.key_hash),
    prefix: String(row.prefix),
    createdBy: String(row.created_by),
    createdAt: toDate(row.created_at),
    expiresAt: toDateOrNull(row.expires_at),
    revokedAt: toDateOrNull(row.revoked_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
  };
}

/** An audit_log row to a record. */
export function auditFromRow(row: Row): AuditEntryRecord {
  return {
    seq: Number(row.seq),
    at: toDate(row.occurred_at),
    actorKind: String(row.actor_kind) as AuditEntryRecord["actorKind"],
    actorId: toTextOrNull(row.actor_id),
    actorName: toTextOrNull(row.actor_name),
    action: String(row.action),
    outcome: String(row.outcome) as AuditEntryRecord["outcome"],
    workspaceId: toTextOrNull(row.workspace_id),
    targetId: toTextOrNull(row.target_id),
    ip: toTextOrNull(row.ip),
    userAgent: toTextOrNull(row.user_agent),
    details: JSON.parse(String(row.details_json)) as Record<string, unknown>,
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}

/** Audit entry fields in column order of the `audit_log` table (both adapters; details as JSON text). */
export function auditToColumnValues(entry: AuditEntryRecord): (string | number | Date | null)[] {
  return [
    entry.seq,
    entry.at,
    entry.actorKind,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.outcome,
    entry.workspaceId,
    entry.targetId,
    entry.ip,
    entry.userAgent,
    JSON.stringify(entry.details),
    entry.prevHash,
    entry.hash,
  ];
}
