/**
 * AuthStore conformance cases, written against the port only; describeStore runs them for every
 * adapter (DuckDB now, PostgreSQL later).
 */
import { describe, expect, it } from "vitest";
import { chainAuditDrafts, zeroHash } from "../auth/audit-chain.js";
import type { ApiKeyRecord, AuditDraft, AuditEntryRecord, UserRecord } from "../auth/auth-records.js";
import { fixedNow } from "../testing/record-fixtures.js";
import { UniqueViolationError, type Store } from "./store.js";

const page = { limit: 50, offset: 0 };

function buildUser(n: number): UserRecord {
  return {
    id: `usr_test${String(n).padStart(8, "0")}`,
    username: `user${n}`,
    displayName: `User ${n}`,
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    orgAdmin: false,
    disabled: false,
    createdAt: fixedNow,
    updatedAt: fixedNow,
  };
}

function buildKey(n: number, workspaceId: string): ApiKeyRecord {
  return {
    id: `key_test${String(n).padStart(8, "0")}`,
    workspaceId,
    name: `key ${n}`,
    role: "viewer",
    keyHash: `${n}`.padStart(64, "f"),
    prefix: "sxk_abcd…",
    createdBy: "user:admin",
    createdAt: fixedNow,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
  };
}

function buildDraft(n: number, workspaceId: string | null): AuditDraft {
  return {
    at: new Date(fixedNow.getTime() + n * 1000),
    actorKind: "user",
    actorId: "usr_test00000001",
    actorName: "user1",
    action: n % 2 === 0 ? "updateModel" : "login",
    outcome: "success",
    workspaceId,
    targetId: null,
    ip: "127.0.0.1",
    userAgent: null,
    details: { n },
  };
}

/** Registers the AuthStore cases inside a describeStore block; `getStore` returns the fresh store. */
export function describeAuthStore(getStore: () => Store): void {
  describe("auth", () => {
    it("stores users with unique usernames, finds and lists them", async () => {
      const store = getStore();
      await store.insertUser(buildUser(1));
      await expect(store.insertUser({ ...buildUser(2), username: "user1" })).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
      await store.updateUser({ ...buildUser(1), disabled: true, orgAdmin: true });
      expect(await store.findUserByUsername("user1")).toMatchObject({ disabled: true, orgAdmin: true });
      expect((await store.listUsers({ ...page, q: "user" })).total).toBe(1);
      expect(await store.countUsers()).toBe(1);
    });

    it("keeps sessions by token hash and ends them per user or when expired", async () => {
      const store = getStore();
      const session = {
        id: "ses_test00000001",
        tokenHash: "a".repeat(64),
        userId: "usr_test00000001",
        csrfToken: "c",
        createdAt: fixedNow,
        expiresAt: new Date(fixedNow.getTime() + 1000),
        ip: null,
        userAgent: null,
      };
      await store.insertSession(session);
      await store.insertSession({
        ...session,
        id: "ses_test00000002",
        tokenHash: "b".repeat(64),
        expiresAt: new Date(fixedNow.getTime() + 9e6),
      });
      expect(await store.findSessionByTokenHash("a".repeat(64))).toEqual(session);
      await store.deleteExpiredSessions(new Date(fixedNow.getTime() + 2000));
      expect(await store.findSessionByTokenHash("a".repeat(64))).toBeUndefined();
      await store.deleteUserSessions("usr_test00000001", "ses_test00000002");
      expect(await store.findSessionByTokenHash("b".repeat(64))).toBeDefined();
      await store.deleteUserSessions("usr_test00000001");
      expect(await store.findSessionByTokenHash("b".repeat(64))).toBeUndefined();
    });

    it("replaces a membership's role and lists members per workspace", async () => {
      const store = getStore();
      await store.saveMembership({
        workspaceId: "ws_test00000001",
        userId: "usr_test00000001",
        role: "viewer",
        createdAt: fixedNow,
      });
      await store.saveMembership({
        workspaceId: "ws_test00000001",
        userId: "usr_test00000001",
        role: "editor",
        createdAt: fixedNow,
      });
      expect(await store.listUserMemberships("usr_test00000001")).toEqual([
        { workspaceId: "ws_test00000001", userId: "usr_test00000001", role: "editor", createdAt: fixedNow },
      ]);
      expect((await store.listWorkspaceMembers({ ...page, workspaceId: "ws_test00000001" })).total).toBe(1);
      expect(await store.deleteMembership("ws_test00000001", "usr_test00000001")).toBe(true);
      expect(await store.deleteMembership("ws_test00000001", "usr_test00000001")).toBe(false);
    });

    it("finds API keys by hash, revokes once and records last use", async () => {
      const store = getStore();
      await store.insertApiKey(buildKey(1, "ws_test00000001"));
      await store.insertApiKey(buildKey(2, "ws_test00000002"));
      expect((await store.findApiKeyByHash(buildKey(1, "").keyHash))?.id).toBe("key_test00000001");
      const later = new Date(fixedNow.getTime() + 5000);
      await store.touchApiKey("key_test00000001", later);
      await store.revokeApiKey("key_test00000001", later);
      await store.revokeApiKey("key_test00000001", new Date(later.getTime() + 1));
      expect(await store.findApiKey("key_test00000001")).toMatchObject({
        lastUsedAt: later,
        revokedAt: later,
      });
      expect(
        (await store.listApiKeys({ ...page, workspaceId: "ws_test00000002" })).items.map((k) => k.id),
      ).toEqual(["key_test00000002"]);
    });

    it("chains audit drafts after the stored head, lists newest first with filters, scans in order", async () => {
      const store = getStore();
      expect(await store.loadAuditHead()).toEqual({ seq: 0, hash: zeroHash });
      const drafts = [buildDraft(1, "ws_a0000000"), buildDraft(2, "ws_b0000000")];
      const first = await store.appendAuditDrafts(drafts);
      expect(first).toEqual(chainAuditDrafts(drafts, { seq: 0, hash: zeroHash }));
      const head = await store.loadAuditHead();
      expect(head).toEqual({ seq: 2, hash: first[1]!.hash });
      // Concurrent appends queue on the head: every entry gets its own seq and the links stay intact.
      const racing = await Promise.all([3, 4, 5].map((n) => store.appendAuditDrafts([buildDraft(n, null)])));
      expect(
        racing
          .flat()
          .map((entry) => entry.seq)
          .sort(),
      ).toEqual([3, 4, 5]);
      expect(await store.appendAuditDrafts([])).toEqual([]);
      const listed = await store.listAuditEntries({ ...page });
      expect(listed.items.map((entry) => entry.seq)).toEqual([5, 4, 3, 2, 1]);
      expect(listed.items[4]).toEqual(first[0]);
      const numbers = (entries: readonly AuditEntryRecord[]): number[] =>
        entries.map((entry) => entry.details.n as number).sort();
      expect(
        numbers((await store.listAuditEntries({ ...page, workspaceIds: ["ws_a0000000"] })).items),
      ).toEqual([1]);
      expect((await store.listAuditEntries({ ...page, workspaceIds: [] })).total).toBe(0);
      expect(numbers((await store.listAuditEntries({ ...page, action: "login" })).items)).toEqual([1, 3, 5]);
      const from = new Date(fixedNow.getTime() + 2000);
      expect(numbers((await store.listAuditEntries({ ...page, from })).items)).toEqual([2, 3, 4, 5]);
      const scanned = await store.scanAuditEntries(1, 10);
      expect(scanned.map((e) => e.seq)).toEqual([2, 3, 4, 5]);
      scanned.forEach((entry, index) => {
        expect(entry.prevHash).toBe(index === 0 ? first[0]!.hash : scanned[index - 1]!.hash);
      });
      expect((await store.loadAuditHead()).hash).toBe(scanned[3]!.hash);
    });
  });
}
