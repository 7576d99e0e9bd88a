/**
 * Administration of access: local users (organisation admins), workspace members and API keys
 * (workspace admins). Permission checks happen before these calls (access-guard.ts); these enforce
 * that a member or key belongs to the workspace named in the path.
 */
import type { WorkspaceRole } from "@sextant/sdk";
import { AppError } from "../app/app-error.js";
import type { IdGenerator } from "../registry/ids.js";
import type { Page, PageRequest } from "../registry/records.js";
import type { AuthStore } from "../storage/auth-store.js";
import { UniqueViolationError } from "../storage/store.js";
import type { ApiKeyRecord, MembershipRecord, UserRecord } from "./auth-records.js";
import { hashPassword } from "./password-hashing.js";
import type { Principal } from "./principal.js";
import { generateApiKey, toKeyPrefix, toSecretFingerprint } from "./secret-tokens.js";

/** A member with its username. */
export interface MemberView extends MembershipRecord {
  readonly username: string;
}

/** The access administration use cases. */
export interface AccessAdminService {
  createUser(input: {
    username: string;
    displayName?: string | undefined;
    password: string;
    orgAdmin: boolean;
  }): Promise<UserRecord>;
  updateUser(
    id: string,
    patch: {
      displayName?: string | undefined;
      orgAdmin?: boolean | undefined;
      disabled?: boolean | undefined;
      password?: string | undefined;
    },
  ): Promise<UserRecord>;
  loadUser(id: string): Promise<UserRecord>;
  listUsers(filter: PageRequest & { q?: string | undefined }): Promise<Page<UserRecord>>;
  listMembers(filter: PageRequest & { workspaceId: string }): Promise<Page<MemberView>>;
  putMember(workspaceId: string, userId: string, role: WorkspaceRole): Promise<MemberView>;
  deleteMember(workspaceId: string, userId: string): Promise<void>;
  listApiKeys(filter: PageRequest & { workspaceId: string }): Promise<Page<ApiKeyRecord>>;
  createApiKey(
    workspaceId: string,
    input: { name: string; role: WorkspaceRole; expiresAt?: string | undefined },
    creator: Principal,
  ): Promise<{ record: ApiKeyRecord; key: string }>;
  revokeApiKey(workspaceId: string, keyId: string): Promise<ApiKeyRecord>;
}

const userNotFound = (id: string): AppError => new AppError("USER_NOT_FOUND", `no user with id ${id}`);

/** Creates the access administration service. */
export function createAccessAdminService(context: {
  readonly store: AuthStore;
  readonly ids: IdGenerator;
  readonly clock: () => Date;
}): AccessAdminService {
  const { store, ids, clock } = context;
  const service: AccessAdminService = {
    async createUser(input) {
      const now = clock();
      const record: UserRecord = {
        id: ids("usr"),
        username: input.username,
        displayName: input.displayName ?? input.username,
        passwordHash: await hashPassword(input.password),
        orgAdmin: input.orgAdmin,
        disabled: false,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await store.insertUser(record);
      } catch (error) {
        if (error instanceof UniqueViolationError)
          throw new AppError("USERNAME_TAKEN", `username ${input.username} is taken`);
        throw error;
      }
      return record;
    },
    async updateUser(id, patch) {
      const current = await service.loadUser(id);
      const record: UserRecord = {
        ...current,
        displayName: patch.displayName ?? current.displayName,
        orgAdmin: patch.orgAdmin ?? current.orgAdmin,
        disabled: patch.disabled ?? current.disabled,
        passwordHash:
          patch.password === undefined ? current.passwordHash : await hashPassword(patch.password),
        updatedAt: clock(),
      };
      await store.updateUser(record);
      // A reset password or a disabled account ends every session of the user.
      if (patch.password !== undefined || record.disabled) await store.deleteUserSessions(id);
      return record;
    },
    async loadUser(id) {
      const record = await store.findUser(id);
      if (record === undefined) throw userNotFound(id);
      return record;
    },
    listUsers: (filter) => store.listUsers(filter),
    async listMembers(filter) {
      const page = await store.listWorkspaceMembers(filter);
      const items = await Promise.all(
        page.items.map(async (member) => ({
          ...member,
          username: (await store.findUser(member.userId))?.username ?? "(deleted)",
        })),
      );
      return { items, total: page.total };
    },
    async putMember(workspaceId, userId, role) {
      const user = await service.loadUser(userId);
      const record: MembershipRecord = { workspaceId, userId, role, createdAt: clock() };
      await store.saveMembership(record);
      return { ...record, username: user.username };
    },
    async deleteMember(workspaceId, userId) {
      if (!(await store.deleteMembership(workspaceId, userId))) {
        throw new AppError("MEMBER_NOT_FOUND", `user ${userId} is not a member of workspace ${workspaceId}`);
      }
    },
    listApiKeys: (filter) => store.listApiKeys(filter),
    async createApiKey(workspaceId, input, creator) {
      const key = generateApiKey();
      const record: ApiKeyRecord = {
        id: ids("key"),
        workspaceId,
        name: input.name,
        role: input.role,
        keyHash: toSecretFingerprint(key),
        prefix: toKeyPrefix(key),
        createdBy: `${creator.kind}:${creator.name}`,
        createdAt: clock(),
        expiresAt: input.expiresAt === undefined ? null : new Date(input.expiresAt),
        revokedAt: null,
        lastUsedAt: null,
      };
      await store.insertApiKey(record);
      return { record, key };
    },
    async revokeApiKey(workspaceId, keyId) {
      const record = await store.findApiKey(keyId);
      // A key of another workspace answers like a missing one.
      if (record?.workspaceId !== workspaceId)
        throw new AppError("API_KEY_NOT_FOUND", `no API key ${keyId} in this workspace`);
      if (record.revokedAt !== null) return record;
      const revokedAt = clock();
      await store.revokeApiKey(keyId, revokedAt);
      return { ...record, revokedAt };
    },
  };
  return service;
}
