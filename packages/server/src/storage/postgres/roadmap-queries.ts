/**
 * The PostgreSQL implementation of the RoadmapStore port: questionnaire revisions, assessment
 * snapshots and tool evaluations as JSON documents, and the per-version activity reads over the event
 * tables (days are UTC: every session runs with timezone=UTC).
 */
import type { RoadmapAssessment, RoadmapQuestionnaire, ToolEvaluation } from "@sextant/core";
import type {
  FactSources,
  RoadmapAssessmentRecord,
  RoadmapStore,
  ToolEvaluationRecord,
  VersionActivityRecord,
} from "../roadmap-store.js";
import type { PgContext, Row } from "./pg-session.js";
import { systemColumns, toEventTableName } from "./sql-text.js";
import { readSqlPage } from "../sql-pages.js";

/** Roadmap migrations (range 300-399), appended to the adapter's list. */
export const roadmapPgMigration = {
  version: 300,
  name: "roadmap",
  statements: [
    `CREATE TABLE roadmap_questionnaire (revision integer PRIMARY KEY, questionnaire_json text NOT NULL,
       saved_by text NOT NULL, saved_at timestamptz NOT NULL)`,
    `CREATE TABLE roadmap_assessment (id text COLLATE "C" PRIMARY KEY, created_at timestamptz NOT NULL,
       created_by text NOT NULL, ruleset_version text NOT NULL, readiness_level integer NOT NULL,
       progress_index integer NOT NULL, assessment_json text NOT NULL, sources_json text NOT NULL)`,
    `CREATE TABLE tool_evaluation (id text COLLATE "C" PRIMARY KEY, stage text NOT NULL,
       evaluation_json text NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`,
  ],
} as const;

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

function assessmentFromRow(row: Row): RoadmapAssessmentRecord {
  return {
    id: String(row.id),
    createdAt: toDate(row.created_at),
    createdBy: String(row.created_by),
    rulesetVersion: String(row.ruleset_version),
    readinessLevel: Number(row.readiness_level),
    progressIndex: Number(row.progress_index),
    assessment: JSON.parse(String(row.assessment_json)) as RoadmapAssessment,
    sources: JSON.parse(String(row.sources_json)) as FactSources,
  };
}

function evaluationFromRow(row: Row): ToolEvaluationRecord {
  return {
    evaluation: JSON.parse(String(row.evaluation_json)) as ToolEvaluation,
    updatedAt: toDate(row.updated_at),
  };
}

async function readVersionActivity(
  db: PgContext,
  input: Parameters<RoadmapStore["readVersionActivity"]>[0],
): Promise<VersionActivityRecord[]> {
  const { timestamp, receivedAt } = systemColumns;
  const out: VersionActivityRecord[] = [];
  for (const versionId of input.versionIds) {
    const predictions = toEventTableName("predictions", versionId);
    const labels = toEventTableName("labels", versionId);
    const found = await db.query(
      "SELECT to_regclass($1) IS NOT NULL AS p, to_regclass($2) IS NOT NULL AS l",
      [predictions, labels],
    );
    const daily =
      found[0]?.p === true
        ? await db.query(
            `SELECT to_char(date_trunc('day', ${timestamp}), 'YYYY-MM-DD') AS day, count(*) AS n FROM ${predictions}
             WHERE ${timestamp} >= $1 AND ${timestamp} <= $2 GROUP BY 1 ORDER BY 1`,
            [input.from, input.until],
          )
        : [];
    const labelRows =
      found[0]?.l === true
        ? await db.query(
            `SELECT count(*) AS n, max(${receivedAt}) AS last FROM ${labels} WHERE ${receivedAt} >= $1`,
            [input.labelsSince],
          )
        : [];
    const last = labelRows[0]?.last;
    out.push({
      versionId,
      dailyPredictions: daily.map((r) => ({ day: String(r.day), count: Number(r.n) })),
      labelsReceived: Number(labelRows[0]?.n ?? 0),
      lastLabelReceivedAt: last === null || last === undefined ? null : toDate(last),
    });
  }
  return out;
}

/** Creates the roadmap part of the PostgreSQL store. */
export function createPgRoadmapStore(db: PgContext): RoadmapStore {
  const { query, execute } = db;
  const pageOf = <T>(table: string, order: string, limit: number, offset: number, convert: (r: Row) => T) =>
    readSqlPage(query, { from: table, order, request: { limit, offset }, convert });
  return {
    async saveRoadmapQuestionnaire(record) {
      await execute("INSERT INTO roadmap_questionnaire VALUES ($1, $2, $3, $4)", [
        record.revision,
        JSON.stringify(record.questionnaire),
        record.savedBy,
        record.savedAt,
      ]);
    },
    async loadRoadmapQuestionnaire() {
      const row = (await query("SELECT * FROM roadmap_questionnaire ORDER BY revision DESC LIMIT 1"))[0];
      if (row === undefined) return undefined;
      return {
        revision: Number(row.revision),
        questionnaire: JSON.parse(String(row.questionnaire_json)) as RoadmapQuestionnaire,
        savedBy: String(row.saved_by),
        savedAt: toDate(row.saved_at),
      };
    },
    async insertRoadmapAssessment(record) {
      await execute("INSERT INTO roadmap_assessment VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", [
        record.id,
        record.createdAt,
        record.createdBy,
        record.rulesetVersion,
        record.readinessLevel,
        record.progressIndex,
        JSON.stringify(record.assessment),
        JSON.stringify(record.sources),
      ]);
    },
    async findRoadmapAssessment(id) {
      const rows = await query("SELECT * FROM roadmap_assessment WHERE id = $1", [id]);
      return rows[0] === undefined ? undefined : assessmentFromRow(rows[0]);
    },
    listRoadmapAssessments: (filter) =>
      pageOf(
        "roadmap_assessment",
        "created_at DESC, id DESC",
        filter.limit,
        filter.offset,
        assessmentFromRow,
      ),
    async saveToolEvaluation(record) {
      const e = record.evaluation;
      await execute(
        `INSERT INTO tool_evaluation VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET
           stage = excluded.stage, evaluation_json = excluded.evaluation_json,
           created_at = excluded.created_at, updated_at = excluded.updated_at`,
        [e.id, e.stage, JSON.stringify(e), new Date(e.createdAt), record.updatedAt],
      );
    },
    async findToolEvaluation(id) {
      const rows = await query("SELECT * FROM tool_evaluation WHERE id = $1", [id]);
      return rows[0] === undefined ? undefined : evaluationFromRow(rows[0]);
    },
    listToolEvaluations: (filter) =>
      pageOf("tool_evaluation", "created_at, id", filter.limit, filter.offset, evaluationFromRow),
    readVersionActivity: (input) => readVersionActivity(db, input),
  };
}
