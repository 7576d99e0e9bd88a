/**
 * Ordered DDL migrations of the PostgreSQL registry, auth and monitoring tables (same version ranges
 * as the DuckDB adapter: registry 1-99, auth 100-199, monitoring 200-299), applied once each in one
 * transaction under an advisory lock so several processes starting together migrate once. Event tables are per version
 * and created by event-tables.ts. Ids sort with the "C" collation so pages match DuckDB's order.
 */
import { zeroHash } from "../../auth/audit-chain.js";
import type { PgMigration } from "./pg-migration.js";
import type { PgContext } from "./pg-session.js";
import { roadmapPgMigration } from "./roadmap-queries.js";
import { signalsPgMigration } from "./signal-queries.js";
import { workLeasePgMigration } from "./pg-work-leases.js";
import { windowProfilePgMigration } from "./window-profile-migration.js";

const id = `text COLLATE "C" PRIMARY KEY`;
const ref = `text COLLATE "C" NOT NULL`;

/** Every migration, oldest first. Never edit an applied one: add a new one. */
export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    name: "registry",
    statements: [
      `CREATE TABLE workspaces (id ${id}, slug text NOT NULL CONSTRAINT workspaces_slug_key UNIQUE,
         name text NOT NULL, description text NOT NULL, created_at timestamptz NOT NULL,
         updated_at timestamptz NOT NULL)`,
      `CREATE TABLE models (id ${id}, workspace_id ${ref}, name text NOT NULL, description text NOT NULL,
         task text NOT NULL, owner_json text NOT NULL, business_owner_json text,
         stakeholders_json text NOT NULL, tags_json text NOT NULL, risk_tier text NOT NULL,
         cost_per_1k double precision, cost_currency text NOT NULL, created_at timestamptz NOT NULL,
         updated_at timestamptz NOT NULL, CONSTRAINT models_workspace_name_key UNIQUE (workspace_id, name))`,
      `CREATE TABLE model_versions (id ${id}, model_id ${ref}, name text NOT NULL, description text NOT NULL,
         stage text NOT NULL, source text NOT NULL, trigger_text text, training_run_ref text,
         dataset_ref text, schema_json text, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
         CONSTRAINT model_versions_model_name_key UNIQUE (model_id, name))`,
      `CREATE TABLE reference_sets (id ${id}, version_id ${ref}, name text NOT NULL, kind text NOT NULL,
         row_count bigint, range_from timestamptz, range_to timestamptz, segment_id text,
         created_at timestamptz NOT NULL)`,
      `CREATE INDEX reference_sets_version ON reference_sets (version_id)`,
      `CREATE TABLE segments (id ${id}, model_id ${ref}, name text NOT NULL, description text NOT NULL,
         conditions_json text NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
         CONSTRAINT segments_model_name_key UNIQUE (model_id, name))`,
    ],
  },
  {
    version: 100,
    name: "auth",
    statements: [
      `CREATE TABLE users (id ${id}, username text NOT NULL CONSTRAINT users_username_key UNIQUE,
         display_name text NOT NULL, password_hash text NOT NULL, org_admin boolean NOT NULL,
         disabled boolean NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`,
      `CREATE TABLE sessions (id ${id}, token_hash text NOT NULL UNIQUE, user_id ${ref},
         csrf_token text NOT NULL, created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL,
         ip text, user_agent text)`,
      `CREATE INDEX sessions_user ON sessions (user_id)`,
      `CREATE TABLE memberships (workspace_id ${ref}, user_id ${ref}, role text NOT NULL,
         created_at timestamptz NOT NULL, PRIMARY KEY (workspace_id, user_id))`,
      `CREATE INDEX memberships_user ON memberships (user_id)`,
      `CREATE TABLE api_keys (id ${id}, workspace_id ${ref}, name text NOT NULL, role text NOT NULL,
         key_hash text NOT NULL UNIQUE, prefix text NOT NULL, created_by text NOT NULL,
         created_at timestamptz NOT NULL, expires_at timestamptz, revoked_at timestamptz,
         last_used_at timestamptz)`,
      `CREATE TABLE audit_log (seq bigint PRIMARY KEY, occurred_at timestamptz NOT NULL,
         actor_kind text NOT NULL, actor_id text, actor_name text, action text NOT NULL,
         outcome text NOT NULL, workspace_id text, target_id text, ip text, user_agent text,
         details_json text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL)`,
      `CREATE TABLE audit_head (id integer PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL)`,
      `INSERT INTO audit_head VALUES (1, 0, '${zeroHash}')`,
    ],
  },
  {
    version: 200,
    name: "monitoring",
    statements: [
      `CREATE TABLE monitors (id ${id}, model_id ${ref}, record_json text NOT NULL,
         created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`,
      `CREATE TABLE monitor_runs (monitor_id text COLLATE "C" PRIMARY KEY, last_run_at timestamptz,
         last_error text, evaluated_until timestamptz, seen_received_until timestamptz)`,
      `CREATE TABLE monitor_states (monitor_id ${ref}, segment_key text COLLATE "C" NOT NULL,
         state_json text NOT NULL, detector_json text, PRIMARY KEY (monitor_id, segment_key))`,
      `CREATE TABLE monitor_results (monitor_id ${ref}, model_id ${ref}, segment_key text COLLATE "C" NOT NULL,
         window_start timestamptz NOT NULL, window_end timestamptz NOT NULL, value double precision,
         sample_size bigint NOT NULL, severity text NOT NULL, status text NOT NULL, detail text,
         evidence_json text NOT NULL, evaluated_at timestamptz NOT NULL,
         PRIMARY KEY (monitor_id, segment_key, window_start))`,
      `CREATE TABLE incidents (id ${id}, model_id ${ref}, status text NOT NULL,
         opened_at timestamptz NOT NULL, resolved_at timestamptz, record_json text NOT NULL,
         created_at timestamptz NOT NULL)`,
      `CREATE TABLE alert_channels (id ${id}, record_json text NOT NULL, created_at timestamptz NOT NULL)`,
      `CREATE TABLE deliveries (id ${id}, status text NOT NULL, next_attempt_at timestamptz,
         record_json text NOT NULL, created_at timestamptz NOT NULL)`,
      `CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at)`,
      `CREATE TABLE policies (id ${id}, record_json text NOT NULL, created_at timestamptz NOT NULL)`,
    ],
  },
  roadmapPgMigration,
  workLeasePgMigration,
  windowProfilePgMigration,
  signalsPgMigration,
];

/** Any 64-bit constant; the advisory lock serialises migrations across processes. */
export const migrationLockKey = 7_305_841_221;

/** Applies the migrations not yet recorded, all in one transaction; returns the versions applied. */
export async function applyPgMigrations(db: PgContext): Promise<number[]> {
  return db.inTransaction(async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${migrationLockKey})`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query("SELECT version FROM schema_migrations")).rows.map(
        (row: { version: number }) => row.version,
      ),
    );
    const applied: number[] = [];
    for (const migration of pgMigrations) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
