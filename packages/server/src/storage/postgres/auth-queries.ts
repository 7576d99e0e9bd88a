/**
 * The PostgreSQL implementation of the AuthStore port. Audit appends lock the one-row head
 * (`SELECT … FOR UPDATE`) and chain after it in the same transaction (audit-append.ts), so appends
 * from several processes serialise and the chain never forks.
 */
import type { Page, PageRequest } from "../../registry/records.js";
import type { AuthStore } from "../auth-store.js";
import { toWhereClause, type WhereClause } from "../sql-where.js";
import { appendAuditDraftsWithin } from "./audit-append.js";
import {
  apiKeyFromRow,
  auditFromRow,
  membershipFromRow,
  sessionFromRow,
  userFromRow,
  userToParams,
} from "./auth-rows.js";
import type { Param, PgContext, Row } from "./pg-session.js";
import { readFirstRow, readSqlPage } from "../sql-pages.js";

type Where = WhereClause<Param>;

const toWhere = (conditions: readonly [(index: number) => string, Param | undefined][]): Where =>
  toWhereClause<Param>(conditions);

/** Creates the AuthStore part of the PostgreSQL store. */
export function createPgAuthStore(db: PgContext): AuthStore {
  const one = <T>(sql: string, params: Param[], convert: (row: Row) => T): Promise<T | undefined> =>
    readFirstRow(db.query, sql, params, convert);
  const page = <T>(
    from: string,
    where: Where,
    order: string,
    request: PageRequest,
    convert: (row: Row) => T,
  ): Promise<Page<T>> => readSqlPage(db.query, { from, where, order, request, convert });
  const run = async (sql: string, params: Param[]): Promise<void> => {
    await db.execute(sql, params);
  };

  return {
    insertUser: (record) =>
      run("INSERT INTO users VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", userToParams(record)),
    updateUser: (record) =>
      run(
        `UPDATE users SET username = $2, display_name = $3, password_hash = $4, org_admin = $5, disabled = $6,
           created_at = $7, updated_at = $8 WHERE id = $1`,
        userToParams(record),
      ),
    findUser: (id) => one("SELECT * FROM users WHERE id = $1", [id], userFromRow),
    findUserByUsername: (username) => one("SELECT * FROM users WHERE username = $1", [username], userFromRow),
    listUsers: (filter) =>
      page(
        "users",
        toWhere([
          [
            (i) => `(strpos(username, $${i}) > 0 OR strpos(lower(display_name), $${i}) > 0)`,
            filter.q?.toLowerCase(),
          ],
        ]),
        "created_at, id",
        filter,
        userFromRow,
      ),
    async countUsers() {
      const rows = await db.query("SELECT count(*) AS n FROM users");
      return Number(rows[0]?.n ?? 0);
    },

    insertSession: (record) =>
      run("INSERT INTO sessions VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", [
        record.id,
        record.tokenHash,
        record.userId,
        record.csrfToken,
        record.createdAt,
        record.expiresAt,
        record.ip,
        record.userAgent,
      ]),
    findSessionByTokenHash: (tokenHash) =>
      one("SELECT * FROM sessions WHERE token_hash = $1", [tokenHash], sessionFromRow),
    deleteSession: (id) => run("DELETE FROM sessions WHERE id = $1", [id]),
    deleteUserSessions: (userId, keepSessionId) =>
      run("DELETE FROM sessions WHERE user_id = $1 AND id <> $2", [userId, keepSessionId ?? ""]),
    deleteExpiredSessions: (now) => run("DELETE FROM sessions WHERE expires_at <= $1", [now]),

    saveMembership: (record) =>
      run(
        `INSERT INTO memberships VALUES ($1, $2, $3, $4)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role, created_at = excluded.created_at`,
        [record.workspaceId, record.userId, record.role, record.createdAt],
      ),
    async deleteMembership(workspaceId, userId) {
      const count = await db.execute("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2", [
        workspaceId,
        userId,
      ]);
      return count > 0;
    },
    async listUserMemberships(userId) {
      const rows = await db.query("SELECT * FROM memberships WHERE user_id = $1 ORDER BY workspace_id", [
        userId,
      ]);
      return rows.map(membershipFromRow);
    },
    listWorkspaceMembers: (filter) =>
      page(
        "memberships",
        toWhere([[(i) => `workspace_id = $${i}`, filter.workspaceId]]),
        "created_at, user_id",
        filter,
        membershipFromRow,
      ),

    insertApiKey: (record) =>
      run("INSERT INTO api_keys VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", [
        record.id,
        record.workspaceId,
        record.name,
        record.role,
        record.keyHash,
        record.prefix,
        record.createdBy,
        record.createdAt,
        record.expiresAt,
        record.revokedAt,
        record.lastUsedAt,
      ]),
    findApiKey: (id) => one("SELECT * FROM api_keys WHERE id = $1", [id], apiKeyFromRow),
    findApiKeyByHash: (keyHash) =>
      one("SELECT * FROM api_keys WHERE key_hash = $1", [keyHash], apiKeyFromRow),
    listApiKeys: (filter) =>
      page(
        "api_keys",
        toWhere([[(i) => `workspace_id = $${i}`, filter.workspaceId]]),
        "created_at, id",
        filter,
        apiKeyFromRow,
      ),
    revokeApiKey: (id, revokedAt) =>
      run("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", [id, revokedAt]),
    touchApiKey: (id, lastUsedAt) =>
      run("UPDATE api_keys SET last_used_at = $2 WHERE id = $1", [id, lastUsedAt]),

    appendAuditDrafts: (drafts) => db.inTransaction((client) => appendAuditDraftsWithin(client, drafts)),
    async loadAuditHead() {
      const row = (await db.query("SELECT seq, hash FROM audit_head WHERE id = 1"))[0];
      return { seq: Number(row?.seq ?? 0), hash: String(row?.hash) };
    },
    listAuditEntries: (filter) => {
      const where = toWhere([
        [(i) => `workspace_id = $${i}`, filter.workspaceId],
        [(i) => `actor_id = $${i}`, filter.actorId],
        [(i) => `action = $${i}`, filter.action],
        [(i) => `target_id = $${i}`, filter.targetId],
        [(i) => `outcome = $${i}`, filter.outcome],
        [(i) => `occurred_at >= $${i}`, filter.from],
        [(i) => `occurred_at < $${i}`, filter.to],
        [(i) => `workspace_id = ANY($${i}::text[])`, filter.workspaceIds],
      ]);
      return page("audit_log", where, "seq DESC", filter, auditFromRow);
    },
    async scanAuditEntries(afterSeq, limit) {
      const rows = await db.query(
        `SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT ${Math.floor(limit)}`,
        [afterSeq],
      );
      return rows.map(auditFromRow);
    },
  };
}
