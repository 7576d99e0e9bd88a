/** Converters from access-control and audit records to their wire shapes (never a hash or secret). */
import type { z } from "zod";
import type {
  apiKeySchema,
  auditEventSchema,
  memberSchema,
  sessionInfoSchema,
  userSchema,
} from "@sextant/sdk";
import type { MemberView } from "./access-admin-service.js";
import type { ApiKeyRecord, AuditEntryRecord, UserRecord } from "./auth-records.js";
import type { Principal } from "./principal.js";

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** A user on the wire. */
export function toUserResponse(record: UserRecord): z.input<typeof userSchema> {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    orgAdmin: record.orgAdmin,
    disabled: record.disabled,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A member on the wire. */
export function toMemberResponse(member: MemberView): z.input<typeof memberSchema> {
  return {
    workspaceId: member.workspaceId,
    userId: member.userId,
    username: member.username,
    role: member.role,
    createdAt: member.createdAt.toISOString(),
  };
}

/** An API key on the wire (prefix only). */
export function toApiKeyResponse(record: ApiKeyRecord): z.input<typeof apiKeySchema> {
  return {
    id: record.id,
    workspaceId: record.workspaceId,
    name: record.name,
    role: record.role,
    prefix: record.prefix,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    expiresAt: iso(record.expiresAt),
    revokedAt: iso(record.revokedAt),
    lastUsedAt: iso(record.lastUsedAt),
  };
}

/** The caller's identity and roles on the wire. */
export function toSessionInfo(principal: Principal): z.input<typeof sessionInfoSchema> {
  return {
    kind: principal.kind,
    id: principal.id,
    name: principal.name,
    orgAdmin: principal.orgAdmin,
    memberships: [...principal.roles].map(([workspaceId, role]) => ({ workspaceId, role })),
    csrfToken: principal.session?.csrfToken ?? null,
    expiresAt: iso(principal.expiresAt),
  };
}

/** An audit entry on the wire. */
export function toAuditEventResponse(entry: AuditEntryRecord): z.input<typeof auditEventSchema> {
  return { ...entry, at: entry.at.toISOString(), details: { ...entry.details } };
}
