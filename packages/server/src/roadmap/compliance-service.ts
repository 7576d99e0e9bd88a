/**
 * The compliance exports (ROADMAP.md §5, §6): per model the post-market monitoring plan and the Annex IV
 * skeleton, and for the organisation the incident log, the model inventory and the audit log; plus the
 * score matrix of a tool evaluation. Loads through the Store port and renders; decides nothing.
 */
import type { RoadmapRuleset } from "@sextant/core";
import { toNotFoundError } from "../app/app-error.js";
import type { AuditEntryRecord } from "../auth/auth-records.js";
import type { VersionRecord } from "../registry/records.js";
import type { Store } from "../storage/store.js";
import { renderAnnexIvSkeleton, renderPmmPlan, type ComplianceContext } from "./compliance-documents.js";
import { renderAuditJsonLines, renderIncidentLogCsv, renderInventoryCsv } from "./compliance-logs.js";
import type { EvaluationService } from "./evaluation-service.js";
import { renderEvaluationCsv } from "./evaluation-csv.js";
import { buildModelCard } from "./model-card.js";
import { listAll } from "./platform-snapshot.js";
import type { RenderedDocument } from "./roadmap-service.js";

/** The compliance export use cases. */
export interface ComplianceService {
  exportPmmPlan(modelId: string): Promise<RenderedDocument>;
  exportAnnexIv(modelId: string): Promise<RenderedDocument>;
  exportIncidentLog(): Promise<RenderedDocument>;
  exportInventory(): Promise<RenderedDocument>;
  exportAuditLog(): Promise<RenderedDocument>;
  exportEvaluationCsv(evaluationId: string): Promise<RenderedDocument>;
}

const markdown = "text/markdown; charset=utf-8";
const csv = "text/csv; charset=utf-8";
const auditChunk = 1000;

/** Creates the compliance service. */
export function createComplianceService(options: {
  readonly store: Store;
  readonly evaluations: EvaluationService;
  readonly ruleset: RoadmapRuleset;
  readonly clock: () => Date;
  /** Days raw predictions and labels are kept (config retention.rawEventsDays); 0 = forever. */
  readonly predictionLogRetentionDays: number;
}): ComplianceService {
  const { store, clock } = options;

  const loadContext = async (modelId: string): Promise<ComplianceContext> => {
    const model = await store.findModel(modelId);
    if (model === undefined) throw toNotFoundError("MODEL_NOT_FOUND", modelId);
    const at = clock();
    const versions = await listAll((p) => store.listVersions({ ...p, modelId }));
    const monitors = await listAll((p) => store.listMonitors({ ...p, modelId }));
    const workspaces = await listAll((p) => store.listWorkspaces(p));
    const incidents = (await listAll((p) => store.listIncidents(p))).filter(
      (i) => i.incident.modelId === modelId,
    );
    return {
      model,
      workspaceName: workspaces.find((w) => w.id === model.workspaceId)?.name ?? model.workspaceId,
      card: buildModelCard({
        model,
        versions,
        monitors,
        latestResults: (await store.listLatestMonitorResults()).filter((r) => r.modelId === modelId),
        at,
      }),
      versions,
      monitors,
      channels: await listAll((p) => store.listChannels(p)),
      incidents,
      predictionLogRetentionDays: options.predictionLogRetentionDays,
      at,
    };
  };

  return {
    async exportPmmPlan(modelId) {
      return {
        contentType: markdown,
        fileName: "pmm-plan.md",
        body: renderPmmPlan(await loadContext(modelId)),
      };
    },
    async exportAnnexIv(modelId) {
      return {
        contentType: markdown,
        fileName: "annex-iv-skeleton.md",
        body: renderAnnexIvSkeleton(await loadContext(modelId)),
      };
    },
    async exportIncidentLog() {
      const incidents = await listAll((p) => store.listIncidents(p));
      const models = await listAll((p) => store.listModels(p));
      return {
        contentType: csv,
        fileName: "incident-log.csv",
        body: renderIncidentLogCsv({ incidents, models }),
      };
    },
    async exportInventory() {
      const models = await listAll((p) => store.listModels(p));
      const versionsByModel = new Map<string, VersionRecord[]>();
      for (const model of models)
        versionsByModel.set(model.id, await listAll((p) => store.listVersions({ ...p, modelId: model.id })));
      const body = renderInventoryCsv({
        models,
        workspaces: await listAll((p) => store.listWorkspaces(p)),
        versionsByModel,
        monitors: await listAll((p) => store.listMonitors(p)),
        incidents: await listAll((p) => store.listIncidents(p)),
      });
      return { contentType: csv, fileName: "inventory.csv", body };
    },
    async exportAuditLog() {
      const entries: AuditEntryRecord[] = [];
      for (;;) {
        const chunk = await store.scanAuditEntries(entries.at(-1)?.seq ?? 0, auditChunk);
        entries.push(...chunk);
        if (chunk.length < auditChunk) break;
      }
      return {
        contentType: "application/x-ndjson; charset=utf-8",
        fileName: "audit-log.jsonl",
        body: renderAuditJsonLines(entries),
      };
    },
    async exportEvaluationCsv(evaluationId) {
      const scored = await options.evaluations.load(evaluationId);
      return {
        contentType: csv,
        fileName: `evaluation-${evaluationId}.csv`,
        body: renderEvaluationCsv({ ...scored, ruleset: options.ruleset }),
      };
    },
  };
}
