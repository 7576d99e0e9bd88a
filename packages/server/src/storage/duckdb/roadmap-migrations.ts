/**
 * DDL of the roadmap tables (migration range 300-399): questionnaire revisions, assessment snapshots
 * with indexed scalars for trends, and tool evaluations as JSON documents (see decision record).
 */
import type { Migration } from "./migration.js";

/** Roadmap migrations, oldest first. */
export const roadmapMigrations: readonly Migration[] = [
  {
    version: 300,
    name: "roadmap",
    statements: [
      `CREATE TABLE roadmap_questionnaire (
         revision INTEGER PRIMARY KEY, questionnaire_json VARCHAR NOT NULL, saved_by VARCHAR NOT NULL,
         saved_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE roadmap_assessment (
         id VARCHAR PRIMARY KEY, created_at TIMESTAMP NOT NULL, created_by VARCHAR NOT NULL,
         ruleset_version VARCHAR NOT NULL, readiness_level INTEGER NOT NULL, progress_index INTEGER NOT NULL,
         assessment_json VARCHAR NOT NULL, sources_json VARCHAR NOT NULL)`,
      `CREATE TABLE tool_evaluation (
         id VARCHAR PRIMARY KEY, stage VARCHAR NOT NULL, evaluation_json VARCHAR NOT NULL,
         created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
    ],
  },
];
