/**
 * Thin REST routes of monitors, results, incidents, channels, deliveries and policies (parse with the sdk
 * schemas in defineRoute → call a monitoring service → map to wire types), plus `/metrics` for Prometheus.
 * Listed routes (no resource scope) filter to the caller's permitted workspaces here.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../app/app-error.js";
import { PermissionDeniedError } from "../auth/access-guard.js";
import { readPermittedWorkspaceIds } from "../auth/request-access.js";
import type { IngestBuffer } from "../ingest/ingest-buffer.js";
import type { MonitoringServices } from "../monitoring/monitoring-services.js";
import type { MonitorRecord } from "../monitoring/monitoring-records.js";
import {
  toChannelResponse,
  toDeliveryResponse,
  toIncidentResponse,
  toMonitorResponse,
  toMonitorResultResponse,
  toPolicyResponse,
} from "../monitoring/monitoring-wire-mapping.js";
import { renderPrometheusMetrics } from "../monitoring/prometheus-metrics.js";
import { defineRoute } from "./define-route.js";
import { toPageResponse } from "./registry-routes.js";

const readable = (request: FastifyRequest) => readPermittedWorkspaceIds(request, "workspace.read");

/** Registers the monitoring routes and `/metrics`. */
export function registerMonitoringRoutes(
  app: FastifyInstance,
  deps: {
    readonly monitoring: MonitoringServices;
    readonly buffer: IngestBuffer;
    readonly clock: () => Date;
  },
): void {
  const { monitoring, clock } = deps;
  const { monitors, queries } = monitoring;
  const withStatus = async (record: MonitorRecord) => {
    const { run, states } = await queries.loadMonitorStatus(record.id);
    return toMonitorResponse(record, run, states);
  };

  defineRoute(app, "listModelMonitors", async ({ params, query }) => {
    const page = await monitors.list({ ...query, modelId: params.modelId });
    const items = await Promise.all(page.items.map(withStatus));
    return { items, page: { limit: query.limit, offset: query.offset, total: page.total } };
  });
  defineRoute(app, "createMonitor", async ({ params, body }) =>
    withStatus(await monitors.create(params.modelId, body)),
  );
  defineRoute(app, "getMonitor", async ({ params }) => withStatus(await monitors.load(params.id)));
  defineRoute(app, "updateMonitor", async ({ params, body }) =>
    withStatus(await monitors.update(params.id, body)),
  );
  defineRoute(app, "deleteMonitor", async ({ params }) => {
    await monitors.remove(params.id);
    return undefined;
  });
  defineRoute(app, "runMonitor", async ({ params, body }) => {
    const monitor = await monitors.load(params.id);
    const at = body.at === undefined ? clock() : new Date(body.at);
    // An explicit run catches up fully (backfills included); scheduler ticks take one batch per monitor.
    return monitoring.runner.run(monitor, at, { catchUp: true });
  });
  defineRoute(app, "listMonitorResults", async ({ params, query }) => {
    await monitors.load(params.id);
    const page = await queries.listMonitorResults(params.id, query);
    return toPageResponse(page, query, toMonitorResultResponse);
  });

  defineRoute(app, "listIncidents", async ({ query }, request) =>
    toPageResponse(await queries.listIncidents(query, readable(request)), query, toIncidentResponse),
  );
  defineRoute(app, "getIncident", async ({ params }) =>
    toIncidentResponse(await monitoring.incidents.load(params.id)),
  );
  defineRoute(app, "acknowledgeIncident", async ({ params }) =>
    toIncidentResponse(await monitoring.incidents.act(params.id, { kind: "acknowledge" }, clock())),
  );
  defineRoute(app, "resolveIncident", async ({ params }) =>
    toIncidentResponse(await monitoring.incidents.act(params.id, { kind: "resolve" }, clock())),
  );
  defineRoute(app, "snoozeIncident", async ({ params, body }) =>
    toIncidentResponse(
      await monitoring.incidents.act(params.id, { kind: "snooze", until: new Date(body.until) }, clock()),
    ),
  );

  defineRoute(app, "listChannels", async ({ query }, request) =>
    toPageResponse(await queries.listChannels(query, readable(request)), query, toChannelResponse),
  );
  defineRoute(app, "createChannel", async ({ body }, request) => {
    const writable = readPermittedWorkspaceIds(request, "workspace.write");
    // An org-wide channel (no workspace) needs write access everywhere, i.e. an organisation admin.
    const allowed =
      writable === undefined || (body.workspaceId !== null && writable.includes(body.workspaceId));
    if (!allowed) {
      throw new PermissionDeniedError("creating this channel needs write access", body.workspaceId, null);
    }
    return toChannelResponse(await monitoring.createChannel(body));
  });
  defineRoute(app, "deleteChannel", async ({ params }) => {
    await queries.removeChannel(params.id);
    return undefined;
  });
  defineRoute(app, "testChannel", async ({ params }) => {
    await queries.loadChannel(params.id);
    return toDeliveryResponse(await monitoring.outbox.sendTest(params.id, clock()));
  });
  defineRoute(app, "listDeliveries", async ({ query }, request) =>
    toPageResponse(await queries.listDeliveries(query, readable(request)), query, toDeliveryResponse),
  );

  defineRoute(app, "listPolicies", async ({ query }, request) =>
    toPageResponse(await queries.listPolicies(query, readable(request)), query, toPolicyResponse),
  );
  defineRoute(app, "createPolicy", async ({ body }) =>
    toPolicyResponse(await monitoring.policies.create(body)),
  );
  defineRoute(app, "deletePolicy", async ({ params }) => {
    await monitoring.policies.remove(params.id);
    return undefined;
  });
  defineRoute(app, "getPolicyCompliance", async (_parsed, request) => {
    const report = await monitoring.policies.checkCompliance();
    const models = await queries.listVisibleModelIds(readable(request));
    const findings = report.findings.filter((finding) => models === undefined || models.has(finding.modelId));
    return { findings, createdMonitorIds: report.createdMonitorIds };
  });
  defineRoute(app, "applyPolicy", async ({ params }) => monitoring.policies.apply(params.id));

  app.get("/metrics", async (request, reply) => {
    if (request.principal === null) {
      throw new AppError(
        "AUTHENTICATION_REQUIRED",
        "send an API key (Prometheus: authorization credentials)",
      );
    }
    const text = renderPrometheusMetrics({
      ingestedRows: monitoring.ingestCounter.totalRows(),
      ingestRatePerSecond: monitoring.ingestCounter.ratePerSecond(clock().getTime()),
      bufferedRows: deps.buffer.bufferedRows(),
      scheduler: monitoring.scheduler.stats(),
      channelFailures: monitoring.outbox.failureCount(),
      results: await queries.listLatestResults(readable(request)),
    });
    return reply.type("text/plain; version=0.0.4; charset=utf-8").send(text);
  });
}
