/** Registers `GET /overview`: a listed route, filtered to the workspaces the caller may read. */
import type { FastifyInstance } from "fastify";
import { readPermittedWorkspaceIds } from "../auth/request-access.js";
import { toIncidentResponse, toMonitorResponse } from "../monitoring/monitoring-wire-mapping.js";
import type { OverviewService } from "../overview/overview-service.js";
import { toModelResponse, toVersionResponse } from "../registry/wire-mapping.js";
import { defineRoute } from "./define-route.js";

/** Registers the overview route. */
export function registerOverviewRoutes(app: FastifyInstance, overview: OverviewService): void {
  defineRoute(app, "getOverview", async (_input, request) => {
    const rows = await overview.load(readPermittedWorkspaceIds(request, "workspace.read"));
    return {
      models: rows.map((row) => ({
        model: toModelResponse(row.model),
        versions: row.versions.map(toVersionResponse),
        predictions: row.predictions,
        monitors: row.monitors.map(({ monitor, run, states }) => toMonitorResponse(monitor, run, states)),
        openIncidents: row.openIncidents.map(toIncidentResponse),
      })),
    };
  });
}
