/**
 * The DuckDB implementation of the AuthStore port, over the connections and queues of the DuckDB
 * store (duckdb-store.ts composes it). Audit appends chain after the head read in the same transaction.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { UserRecord } from "../../auth/auth-records.js";
import { zeroHash } from "../../auth/audit-chain.js";
import type { Page, PageRequest } from "../../registry/records.js";
import type { AuthStore } from "../auth-store.js";
import { toWhereClause } from "../sql-where.js";
import { appendAuditDraftsWithin } from "./audit-append.js";
import { apiKeyFromRow, auditFromRow, membershipFromRow, sessionFromRow, userFromRow } from "../auth-rows.js";
import { UniqueViolationError } from "../store.js";
import type { Row } from "./registry-rows.js";
import { readFirstRow, readSqlPage } from "../sql-pages.js";

/** What the DuckDB store lends to this module. */
export interface DuckDbQueryContext {
  query(sql: string, params?: DuckDBValue[]): Promise<Row[]>;
  execute(sql: string, params?: DuckDBValue[]): Promise<void>;
  inTransaction<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
}

const ts = (index: number): string => `CAST($${index} AS TIMESTAMP)`;
const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

const toWhere = (conditions: readonly [(index: number) => string, DuckDBValue | undefined][]) =>
  toWhereClause<DuckDBValue>(conditions);

/** Creates the AuthStore part of the DuckDB store. */
export function createDuckDbAuthStore(db: DuckDbQueryContext): AuthStore {
  const query = (sql: string, params?: DuckDBValue[]): Promise<Row[]> => db.query(sql, params);
  const one = <T>(sql: string, params: DuckDBValue[], convert: (row: Row) => T): Promise<T | undefined> =>
    readFirstRow(query, sql, params, convert);
  const page = <T>(
    from: string,
    where: { clause: string; params: DuckDBValue[] },
    order: string,
    request: PageRequest,
    convert: (row: Row) => T,
  ): Promise<Page<T>> => readSqlPage(query, { from, where, order, request, convert });
  const userParams = (record: UserRecord): DuckDBValue[] => [
    record.id,
    record.username,
    record.displayName,
    record.passwordHash,
    record.orgAdmin,
    record.disabled,
    iso(record.createdAt),
    iso(record.updatedAt),
  ];

  return {
    insertUser: (record) =>
      db.inTransaction(async (connection) => {
        const found = (
          await connection.runAndReadAll("SELECT 1 FROM users WHERE username = $1", [record.username])
        ).getRowsJS();
        if (found.length > 0) throw new UniqueViolationError("username");
        await connection.run(
          `INSERT INTO users VALUES ($1, $2, $3, $4, $5, $6, ${ts(7)}, ${ts(8)})`,
          userParams(record),
        );
      }),
    updateUser: (record) =>
      db.execute(
        `UPDATE users SET username = $2, display_name = $3, password_hash = $4, org_admin = $5, disabled = $6,
           created_at = ${ts(7)}, updated_at = ${ts(8)} WHERE id = $1`,
        userParams(record),
      ),
    findUser: (id) => one("SELECT * FROM users WHERE id = $1", [id], userFromRow),
    findUserByUsername: (username) => one("SELECT * FROM users WHERE username = $1", [username], userFromRow),
    listUsers: (filter) =>
      page(
        "users",
        toWhere([
          [
            (i) => `(contains(username, $${i}) OR contains(lower(display_name), $${i}))`,
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
      db.execute(`INSERT INTO sessions VALUES ($1, $2, $3, $4, ${ts(5)}, ${ts(6)}, $7, $8)`, [
        record.id,
        record.tokenHash,
        record.userId,
        record.csrfToken,
        iso(record.createdAt),
        iso(record.expiresAt),
        record.ip,
        record.userAgent,
      ]),
    findSessionByTokenHash: (tokenHash) =>
      one("SELECT * FROM sessions WHERE token_hash = $1", [tokenHash], sessionFromRow),
    deleteSession: (id) => db.execute("DELETE FROM sessions WHERE id = $1", [id]),
    deleteUserSessions: (userId, keepSessionId) =>
      db.execute("DELETE FROM sessions WHERE user_id = $1 AND id <> $2", [userId, keepSessionId ?? ""]),
    deleteExpiredSessions: (now) =>
      db.execute(`DELETE FROM sessions WHERE expires_at <= ${ts(1)}`, [iso(now)]),

    saveMembership: (record) =>
      db.inTransaction(async (connection) => {
        await connection.run("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2", [
          record.workspaceId,
          record.userId,
        ]);
        await connection.run(`INSERT INTO memberships VALUES ($1, $2, $3, ${ts(4)})`, [
          record.workspaceId,
          record.userId,
          record.role,
          iso(record.createdAt),
        ]);
      }),
    deleteMembership: (workspaceId, userId) =>
      db.inTransaction(async (connection) => {
        const found = (
          await connection.runAndReadAll(
            "SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2",
            [workspaceId, userId],
          )
        ).getRowsJS();
        if (found.length === 0) return false;
        await connection.run("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2", [
          workspaceId,
          userId,
        ]);
        return true;
      }),
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
      db.execute(
        `INSERT INTO api_keys VALUES ($1, $2, $3, $4, $5, $6, $7, ${ts(8)}, ${ts(9)}, ${ts(10)}, ${ts(11)})`,
        [
          record.id,
          record.workspaceId,
          record.name,
          record.role,
          record.keyHash,
          record.prefix,
          record.createdBy,
          iso(record.createdAt),
          iso(record.expiresAt),
          iso(record.revokedAt),
          iso(record.lastUsedAt),
        ],
      ),
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
      db.execute(`UPDATE api_keys SET revoked_at = ${ts(2)} WHERE id = $1 AND revoked_at IS NULL`, [
        id,
        iso(revokedAt),
      ]),
    touchApiKey: (id, lastUsedAt) =>
      db.execute(`UPDATE api_keys SET last_used_at = ${ts(2)} WHERE id = $1`, [id, iso(lastUsedAt)]),

    appendAuditDrafts: (drafts) =>
      db.inTransaction((connection) => appendAuditDraftsWithin(connection, drafts)),
    async loadAuditHead() {
      const rows = await db.query("SELECT seq, hash FROM audit_head WHERE id = 1");
      const row = rows[0];
      return row === undefined
        ? { seq: 0, hash: zeroHash }
        : { seq: Number(row.seq), hash: String(row.hash) };
    },
    listAuditEntries: (filter) => {
      const ids = filter.workspaceIds;
      const idList =
        ids === undefined
          ? undefined
          : ids.length === 0
            ? "NULL"
            : ids.map((id) => `'${id.replaceAll("'", "''")}'`).join(", ");
      const base = toWhere([
        [(i) => `workspace_id = $${i}`, filter.workspaceId],
        [(i) => `actor_id = $${i}`, filter.actorId],
        [(i) => `action = $${i}`, filter.action],
        [(i) => `target_id = $${i}`, filter.targetId],
        [(i) => `outcome = $${i}`, filter.outcome],
        [(i) => `occurred_at >= ${ts(i)}`, iso(filter.from ?? null) ?? undefined],
        [(i) => `occurred_at < ${ts(i)}`, iso(filter.to ?? null) ?? undefined],
      ]);
      const where =
        idList === undefined
          ? base
          : {
              ...base,
              clause: `${base.clause === "" ? "WHERE" : `${base.clause} AND`} workspace_id IN (${idList})`,
            };
      return page("audit_log", where, "seq DESC", filter, auditFromRow);
    },
    async scanAuditEntries(afterSeq, limit) {
      const rows = await db.query(`SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT ${limit}`, [
        afterSeq,
      ]);
      return rows.map(auditFromRow);
    },
  };
}
