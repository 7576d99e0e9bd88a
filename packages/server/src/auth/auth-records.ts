/** Domain records of access control and the audit log as services and the AuthStore see them. */
import type { WorkspaceRole } from "@sextant/sdk";

/** A local user; `passwordHash` is an argon2id PHC string and never leaves the server. */
export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly orgAdmin: boolean;
  readonly disabled: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A signed-in session; only the SHA-256 of the cookie token is stored. */
export interface SessionRecord {
  readonly id: string;
  readonly tokenHash: string;
  readonly userId: string;
  /** Synchroniser token the client echoes in X-CSRF-Token on cookie-authenticated changes. */
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A user's role in a workspace. */
export interface MembershipRecord {
  readonly workspaceId: string;
  readonly userId: string;
  readonly role: WorkspaceRole;
  readonly createdAt: Date;
}

/** An API key; only the SHA-256 of the key is stored. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly role: WorkspaceRole;
  readonly keyHash: string;
  readonly prefix: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

/** Who acted. */
export type ActorKind = "user" | "api_key" | "system" | "anonymous";

/** An audit entry before it is chained. */
export interface AuditDraft {
  readonly at: Date;
  readonly actorKind: ActorKind;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly outcome: "success" | "denied" | "failure";
  readonly workspaceId: string | null;
  readonly targetId: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A chained audit entry as stored. */
export interface AuditEntryRecord extends AuditDraft {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}
