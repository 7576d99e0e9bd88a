/**
 * Ordered DDL migrations of the DuckDB registry tables, applied once each and recorded in
 * `schema_migrations`. Event tables are per version and created by event-tables.ts, not here.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { monitoringMigrations } from "./monitoring-migrations.js";
import { authMigrations } from "./auth-tables.js";
import { roadmapMigrations } from "./roadmap-migrations.js";

import type { Migration } from "./migration.js";

export type { Migration } from "./migration.js";

/** Every migration, oldest first. Never edit an applied one: add a new one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "registry",
    statements: [
      `CREATE TABLE workspaces (
         id VARCHAR PRIMARY KEY, slug VARCHAR NOT NULL, name VARCHAR NOT NULL,
         description VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE models (
         id VARCHAR PRIMARY KEY, workspace_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
         description VARCHAR NOT NULL, task VARCHAR NOT NULL, owner_json VARCHAR NOT NULL,
         business_owner_json VARCHAR, stakeholders_json VARCHAR NOT NULL, tags_json VARCHAR NOT NULL,
         risk_tier VARCHAR NOT NULL, cost_per_1k DOUBLE, cost_currency VARCHAR NOT NULL,
         created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE model_versions (
         id VARCHAR PRIMARY KEY, model_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
         description VARCHAR NOT NULL, stage VARCHAR NOT NULL, source VARCHAR NOT NULL,
         trigger_text VARCHAR, training_run_ref VARCHAR, dataset_ref VARCHAR, schema_json VARCHAR,
         created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE reference_sets (
         id VARCHAR PRIMARY KEY, version_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
         kind VARCHAR NOT NULL, row_count BIGINT, range_from TIMESTAMP, range_to TIMESTAMP,
         segment_id VARCHAR, created_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE segments (
         id VARCHAR PRIMARY KEY, model_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
         description VARCHAR NOT NULL, conditions_json VARCHAR NOT NULL,
         created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
    ],
  },
  ...monitoringMigrations,
  ...authMigrations,
  ...roadmapMigrations,
];

/** Applies the migrations not yet recorded, each in its own transaction. */
export async function applyMigrations(connection: DuckDBConnection): Promise<number[]> {
  await connection.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`,
  );
  const reader = await connection.runAndReadAll("SELECT version FROM schema_migrations");
  const applied = new Set(reader.getRowsJS().map((row) => Number(row[0])));
  const appliedNow: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await connection.run("BEGIN TRANSACTION");
    try {
      for (const statement of migration.statements) await connection.run(statement);
      await connection.run("INSERT INTO schema_migrations VALUES ($1, $2, current_timestamp::TIMESTAMP)", [
        migration.version,
        migration.name,
      ]);
      await connection.run("COMMIT");
    } catch (error) {
      await connection.run("ROLLBACK");
      throw error;
    }
    appliedNow.push(migration.version);
  }
  return appliedNow;
}
