/** DDL of the access-control and audit tables (migrations 100-199 belong to auth). */
import type { Migration } from "./migration.js";

/** Auth migrations, appended to the adapter's migration list. */
export const authMigrations: readonly Migration[] = [
  {
    version: 100,
    name: "auth",
    statements: [
      `CREATE TABLE users (
         id VARCHAR PRIMARY KEY, username VARCHAR NOT NULL, display_name VARCHAR NOT NULL,
         password_hash VARCHAR NOT NULL, org_admin BOOLEAN NOT NULL, disabled BOOLEAN NOT NULL,
         created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE sessions (
         id VARCHAR PRIMARY KEY, token_hash VARCHAR NOT NULL, user_id VARCHAR NOT NULL,
         csrf_token VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL,
         ip VARCHAR, user_agent VARCHAR)`,
      `CREATE TABLE memberships (
         workspace_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL, role VARCHAR NOT NULL,
         created_at TIMESTAMP NOT NULL, PRIMARY KEY (workspace_id, user_id))`,
      `CREATE TABLE api_keys (
         id VARCHAR PRIMARY KEY, workspace_id VARCHAR NOT NULL, name VARCHAR NOT NULL, role VARCHAR NOT NULL,
         key_hash VARCHAR NOT NULL, prefix VARCHAR NOT NULL, created_by VARCHAR NOT NULL,
         created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP, revoked_at TIMESTAMP, last_used_at TIMESTAMP)`,
      `CREATE TABLE audit_log (
         seq BIGINT PRIMARY KEY, occurred_at TIMESTAMP NOT NULL, actor_kind VARCHAR NOT NULL, actor_id VARCHAR,
         actor_name VARCHAR, action VARCHAR NOT NULL, outcome VARCHAR NOT NULL, workspace_id VARCHAR,
         target_id VARCHAR, ip VARCHAR, user_agent VARCHAR, details_json VARCHAR NOT NULL,
         prev_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL)`,
      `CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash VARCHAR NOT NULL)`,
    ],
  },
];
