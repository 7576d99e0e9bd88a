/**
 * The DuckDB implementation of the RoadmapStore port, composed into the DuckDB store: JSON documents
 * written through the store's serialised writer, and the version-activity reads over the event tables.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { RoadmapAssessment, RoadmapQuestionnaire, ToolEvaluation } from "@sextant/core";
import type {
  FactSources,
  RoadmapAssessmentRecord,
  RoadmapStore,
  ToolEvaluationRecord,
  VersionActivityRecord,
} from "../roadmap-store.js";
import type { QueryFn } from "./monitoring-gather.js";
import type { Row } from "./registry-rows.js";
import { systemColumns, toEventTableName } from "./sql-text.js";
import { readSqlPage } from "../sql-pages.js";

/** What the DuckDB store lends its roadmap part. */
export interface DuckDbRoadmapContext {
  readonly query: QueryFn;
  readonly execute: (sql: string, params?: DuckDBValue[]) => Promise<void>;
  readonly inTransaction: <T>(work: (connection: DuckDBConnection) => Promise<T>) => Promise<T>;
}

const cast = (index: number): string => `CAST($${index} AS TIMESTAMP)`;
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

/** Creates the roadmap part of the DuckDB store. */
export function createDuckDbRoadmapStore(context: DuckDbRoadmapContext): RoadmapStore {
  const { query, execute, inTransaction } = context;
  const pageOf = <T>(table: string, order: string, limit: number, offset: number, convert: (r: Row) => T) =>
    readSqlPage(query, { from: table, order, request: { limit, offset }, convert });
  return {
    saveRoadmapQuestionnaire: (record) =>
      execute(`INSERT INTO roadmap_questionnaire VALUES ($1, $2, $3, ${cast(4)})`, [
        record.revision,
        JSON.stringify(record.questionnaire),
        record.savedBy,
        record.savedAt.toISOString(),
      ]),
    async loadRoadmapQuestionnaire() {
      const rows = await query("SELECT * FROM roadmap_questionnaire ORDER BY revision DESC LIMIT 1");
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        revision: Number(row.revision),
        questionnaire: JSON.parse(String(row.questionnaire_json)) as RoadmapQuestionnaire,
        savedBy: String(row.saved_by),
        savedAt: toDate(row.saved_at),
      };
    },

    insertRoadmapAssessment: (record) =>
      execute(`INSERT INTO roadmap_assessment VALUES ($1, ${cast(2)}, $3, $4, $5, $6, $7, $8)`, [
        record.id,
        record.createdAt.toISOString(),
        record.createdBy,
        record.rulesetVersion,
        record.readinessLevel,
        record.progressIndex,
        JSON.stringify(record.assessment),
        JSON.stringify(record.sources),
      ]),
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

    saveToolEvaluation: (record) =>
      inTransaction(async (connection) => {
        const e = record.evaluation;
        await connection.run("DELETE FROM tool_evaluation WHERE id = $1", [e.id]);
        await connection.run(`INSERT INTO tool_evaluation VALUES ($1, $2, $3, ${cast(4)}, ${cast(5)})`, [
          e.id,
          e.stage,
          JSON.stringify(e),
          e.createdAt,
          record.updatedAt.toISOString(),
        ]);
      }),
    async findToolEvaluation(id) {
      const rows = await query("SELECT * FROM tool_evaluation WHERE id = $1", [id]);
      return rows[0] === undefined ? undefined : evaluationFromRow(rows[0]);
    },
    listToolEvaluations: (filter) =>
      pageOf("tool_evaluation", "created_at, id", filter.limit, filter.offset, evaluationFromRow),

    readVersionActivity: (input) => readVersionActivity(query, input),
  };
}

async function readVersionActivity(
  query: QueryFn,
  input: Parameters<RoadmapStore["readVersionActivity"]>[0],
): Promise<VersionActivityRecord[]> {
  const existing = new Set(
    (await query("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")).map((r) =>
      String(r.table_name),
    ),
  );
  const { timestamp, receivedAt } = systemColumns;
  const out: VersionActivityRecord[] = [];
  for (const versionId of input.versionIds) {
    const predictions = toEventTableName("predictions", versionId);
    const labels = toEventTableName("labels", versionId);
    const daily = existing.has(predictions)
      ? await query(
          `SELECT strftime(date_trunc('day', ${timestamp}), '%Y-%m-%d') AS day, count(*) AS n FROM ${predictions}
           WHERE ${timestamp} >= ${cast(1)} AND ${timestamp} <= ${cast(2)} GROUP BY 1 ORDER BY 1`,
          [input.from.toISOString(), input.until.toISOString()],
        )
      : [];
    const labelRows = existing.has(labels)
      ? await query(
          `SELECT count(*) AS n, max(${receivedAt}) AS last FROM ${labels} WHERE ${receivedAt} >= ${cast(1)}`,
          [input.labelsSince.toISOString()],
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
