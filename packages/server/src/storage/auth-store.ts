/**
 * The AuthStore port: users, sessions, memberships, API keys and the audit log, with no SQL. `Store`
 * extends it; every adapter implements it and passes describeAuthStore.
 */
import type {
  ApiKeyRecord,
  AuditDraft,
  AuditEntryRecord,
  MembershipRecord,
  SessionRecord,
  UserRecord,
} from "../auth/auth-records.js";
import type { Page, PageRequest } from "../registry/records.js";

/** Filter of the audit list; `workspaceIds` limits to those workspaces (undefined = all entries). */
export interface AuditFilter extends PageRequest {
  readonly workspaceIds?: readonly string[] | undefined;
  readonly workspaceId?: string | undefined;
  readonly actorId?: string | undefined;
  readonly action?: string | undefined;
  readonly targetId?: string | undefined;
  readonly outcome?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

/** Persistence of access control and audit. */
export interface AuthStore {
  insertUser(record: UserRecord): Promise<void>;
  updateUser(record: UserRecord): Promise<void>;
  findUser(id: string): Promise<UserRecord | undefined>;
  findUserByUsername(username: string): Promise<UserRecord | undefined>;
  listUsers(filter: PageRequest & { readonly q?: string | undefined }): Promise<Page<UserRecord>>;
  countUsers(): Promise<number>;

  insertSession(record: SessionRecord): Promise<void>;
  findSessionByTokenHash(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of a user except `keepSessionId`. */
  deleteUserSessions(userId: string, keepSessionId?: string): Promise<void>;
  deleteExpiredSessions(now: Date): Promise<void>;

  /** Inserts or replaces a user's role in a workspace. */
  saveMembership(record: MembershipRecord): Promise<void>;
  deleteMembership(workspaceId: string, userId: string): Promise<boolean>;
  listUserMemberships(userId: string): Promise<MembershipRecord[]>;
  listWorkspaceMembers(
    filter: PageRequest & { readonly workspaceId: string },
  ): Promise<Page<MembershipRecord>>;

  insertApiKey(record: ApiKeyRecord): Promise<void>;
  findApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(filter: PageRequest & { readonly workspaceId: string }): Promise<Page<ApiKeyRecord>>;
  revokeApiKey(id: string, revokedAt: Date): Promise<void>;
  touchApiKey(id: string, lastUsedAt: Date): Promise<void>;

  /**
   * Chains the drafts after the stored head and appends them in one durable transaction; the head is
   * read and locked in that transaction, so concurrent appends (other processes too) never fork it.
   */
  appendAuditDrafts(drafts: readonly AuditDraft[]): Promise<AuditEntryRecord[]>;
  /** The last entry's seq and hash (seq 0 and the zero hash when empty). */
  loadAuditHead(): Promise<{ seq: number; hash: string }>;
  /** Entries newest first. */
  listAuditEntries(filter: AuditFilter): Promise<Page<AuditEntryRecord>>;
  /** Entries with seq > afterSeq in chain order, at most `limit` (verification reads in chunks). */
  scanAuditEntries(afterSeq: number, limit: number): Promise<AuditEntryRecord[]>;
}
