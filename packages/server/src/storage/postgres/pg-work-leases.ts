/**
 * WorkLeases over PostgreSQL for any number of processes (decision 0011): one `work_leases` row per
 * monitor, claimed with `UPDATE … FOR UPDATE SKIP LOCKED` while its lease (on the database clock, so
 * worker clocks may differ) has expired; commits are fenced by the lease token; due deliveries are claimed
 * the same way; leadership is a session advisory lock on a dedicated connection, lost when it dies.
 */
import type pg from "pg";
import { deliveryFromRow } from "../duckdb/monitoring-rows.js";
import { LeaseLostError, type LeaseFence, type WorkLeases } from "../work-leases.js";
import { createPgContext, createPgPool, queryRows, type TxClient } from "./pg-session.js";
import type { PgMigration } from "./pg-migration.js";

/** The lease table, and a counter of how often each window result was written (late data, takeovers). */
/** The work_leases table (PostgreSQL migration 410). */
export const workLeasePgMigration: PgMigration = {
  version: 410,
  name: "work leases",
  statements: [
    `CREATE TABLE work_leases (lease_key text COLLATE "C" PRIMARY KEY, holder text, token text,
       expires_at timestamptz NOT NULL DEFAULT '-infinity', finished_round timestamptz)`,
    `ALTER TABLE monitor_results ADD COLUMN write_count integer NOT NULL DEFAULT 1`,
  ],
};

// Advisory lock keys: leadership is a single bigint key; named sections use the two-int key space.
const leaderLockKey = 7_305_841_222;
const sectionLockClass = 7305;

/**
 * Throws LeaseLostError unless the fence's lease is still held; call inside the commit's transaction.
 * The row lock makes a claimer wait for the commit, so it then reads the committed bookkeeping.
 */
export async function assertLeaseHeld(client: TxClient, fence: LeaseFence | undefined): Promise<void> {
  if (fence === undefined) return;
  const rows = await queryRows(
    client,
    "SELECT 1 FROM work_leases WHERE lease_key = $1 AND token = $2 FOR UPDATE",
    [fence.key, fence.token],
  );
  if (rows.length === 0) throw new LeaseLostError(fence.key);
}

/**
 * Opens the leases over the database the store uses (after its migrations ran) with a small pool of
 * their own, so claims and renewals never queue behind analytic queries; `holder` names this process.
 */
export function createPgWorkLeases(options: {
  readonly url: string;
  readonly schema?: string | undefined;
  readonly holder: string;
}): WorkLeases {
  const { holder } = options;
  const db = createPgContext(createPgPool({ url: options.url, schema: options.schema, maxConnections: 3 }));
  // Leadership needs a session of its own that lives as long as the leadership.
  const leaderPool = createPgPool({ url: options.url, schema: options.schema, maxConnections: 1 });
  let leaderClient: pg.PoolClient | null = null;
  let tokenCounter = 0;
  let closing: Promise<void> | undefined;
  const newToken = (): string => `${holder}:${Date.now().toString(36)}:${(tokenCounter += 1)}`;
  const dropLeader = (): void => {
    leaderClient?.release(true);
    leaderClient = null;
  };
  return {
    async registerKeys(keys) {
      if (keys.length === 0) return;
      await db.execute(
        `INSERT INTO work_leases (lease_key) SELECT unnest($1::text[]) ON CONFLICT (lease_key) DO NOTHING`,
        [keys],
      );
    },
    async claimNext({ round, ttlMs }) {
      const token = newToken();
      const rows = await db.query(
        `UPDATE work_leases SET holder = $1, token = $2,
           expires_at = clock_timestamp() + $3 * interval '1 millisecond'
         WHERE lease_key = (
           SELECT lease_key FROM work_leases
           WHERE expires_at < clock_timestamp() AND (finished_round IS NULL OR finished_round < $4)
           ORDER BY finished_round NULLS FIRST, lease_key LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING lease_key`,
        [holder, token, ttlMs, round],
      );
      const key = rows[0]?.lease_key;
      return typeof key === "string" ? { key, token } : null;
    },
    async renew(lease, ttlMs) {
      const updated = await db.execute(
        `UPDATE work_leases SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
         WHERE lease_key = $1 AND token = $2`,
        [lease.key, lease.token, ttlMs],
      );
      return updated === 1;
    },
    async release(lease, finishedRound) {
      await db.execute(
        `UPDATE work_leases SET expires_at = '-infinity', finished_round = COALESCE($3, finished_round)
         WHERE lease_key = $1 AND token = $2`,
        [lease.key, lease.token, finishedRound],
      );
    },
    claimDueDeliveries: ({ at, limit, claimUntil }) =>
      db.inTransaction(async (client) => {
        const rows = await queryRows(
          client,
          `SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at, id LIMIT ${Math.max(1, Math.floor(limit))} FOR UPDATE SKIP LOCKED`,
          [at],
        );
        const claimed = rows.map((row) => ({ ...deliveryFromRow(row), nextAttemptAt: claimUntil }));
        for (const delivery of claimed) {
          await client.query("UPDATE deliveries SET next_attempt_at = $2, record_json = $3 WHERE id = $1", [
            delivery.id,
            claimUntil,
            JSON.stringify(delivery),
          ]);
        }
        return claimed;
      }),
    async tryLead() {
      try {
        if (leaderClient !== null) {
          await leaderClient.query("SELECT 1");
          return true;
        }
        const client = await leaderPool.connect();
        const rows = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
          leaderLockKey,
        ]);
        if (rows.rows[0]?.locked === true) {
          leaderClient = client;
          return true;
        }
        client.release();
        return false;
      } catch {
        // The session died (and with it the lock): lead again only after a fresh try_lock succeeds.
        dropLeader();
        return false;
      }
    },
    async runExclusively(name, work) {
      const client = await db.pool.connect();
      let broken = false;
      try {
        await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [sectionLockClass, name]);
        try {
          return await work();
        } finally {
          await client
            .query("SELECT pg_advisory_unlock($1, hashtext($2))", [sectionLockClass, name])
            .catch(() => {
              broken = true;
            });
        }
      } finally {
        client.release(broken);
      }
    },
    close() {
      closing ??= (async () => {
        // Give leadership up before the session ends: the server drops a dead session's locks only once
        // its backend has exited, which another process could otherwise observe as a still-held lock.
        await leaderClient?.query("SELECT pg_advisory_unlock($1)", [leaderLockKey]).catch(() => undefined);
        dropLeader();
        await Promise.all([leaderPool.end(), db.pool.end()]);
      })();
      return closing;
    },
  };
}
