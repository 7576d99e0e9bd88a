/**
 * DDL of the monitoring tables (migration range 200-299): definitions and policies as JSON documents,
 * window results as typed columns for time-series reads. No unique indexes (see decision 0004).
 */
import type { Migration } from "./migration.js";

/** Monitoring migrations, oldest first. */
export const monitoringMigrations: readonly Migration[] = [
  {
    version: 200,
    name: "monitoring",
    statements: [
      `CREATE TABLE monitors (
         id VARCHAR PRIMARY KEY, model_id VARCHAR NOT NULL, record_json VARCHAR NOT NULL,
         created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE monitor_runs (
         monitor_id VARCHAR NOT NULL, last_run_at TIMESTAMP, last_error VARCHAR,
         evaluated_until TIMESTAMP, seen_received_until TIMESTAMP)`,
      `CREATE TABLE monitor_states (
         monitor_id VARCHAR NOT NULL, segment_key VARCHAR NOT NULL, state_json VARCHAR NOT NULL,
         detector_json VARCHAR)`,
      `CREATE TABLE monitor_results (
         monitor_id VARCHAR NOT NULL, model_id VARCHAR NOT NULL, segment_key VARCHAR NOT NULL,
         window_start TIMESTAMP NOT NULL, window_end TIMESTAMP NOT NULL, value DOUBLE,
         sample_size BIGINT NOT NULL, severity VARCHAR NOT NULL, status VARCHAR NOT NULL,
         detail VARCHAR, evidence_json VARCHAR NOT NULL, evaluated_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE incidents (
         id VARCHAR PRIMARY KEY, model_id VARCHAR NOT NULL, status VARCHAR NOT NULL,
         opened_at TIMESTAMP NOT NULL, resolved_at TIMESTAMP, record_json VARCHAR NOT NULL,
         created_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE alert_channels (
         id VARCHAR PRIMARY KEY, record_json VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE deliveries (
         id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, next_attempt_at TIMESTAMP,
         record_json VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE policies (
         id VARCHAR PRIMARY KEY, record_json VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)`,
    ],
  },
  {
    version: 210,
    name: "monitoring signals: ingest rejections and schema revisions",
    statements: [
      `CREATE TABLE ingest_rejections (
         version_id VARCHAR NOT NULL, stream VARCHAR NOT NULL, received_at TIMESTAMP NOT NULL,
         rejected_rows BIGINT NOT NULL, type_error_rows BIGINT NOT NULL, unknown_field_rows BIGINT NOT NULL,
         fields_json VARCHAR NOT NULL)`,
      `CREATE TABLE schema_revisions (
         version_id VARCHAR NOT NULL, revision INTEGER NOT NULL, columns_json VARCHAR NOT NULL,
         saved_at TIMESTAMP NOT NULL)`,
    ],
  },
];
