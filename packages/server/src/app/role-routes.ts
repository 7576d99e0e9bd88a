/**
 * Which routes a process serves, by its role (docs/deploy.md): `api` everything but the ingest routes,
 * `ingest` only the ingest routes, `worker` nothing but health; health, readiness and /metrics are served
 * by every role. Other routes answer 421 ROUTE_NOT_SERVED before authentication, naming the role.
 */
import { apiBasePath, apiContract, type OperationId } from "@sextant/sdk";
import type { FastifyInstance } from "fastify";
import { AppError } from "./app-error.js";
import type { ServerRole } from "../config/config-schema.js";

const ingestOperations: readonly OperationId[] = ["ingestPredictions", "ingestLabels", "ingestOutcomes"];

/** Routes (method and pattern) every role serves. */
const everyRoleRoutes = new Set(["GET /healthz", "GET /readyz", "GET /metrics"]);

/** "METHOD /pattern" of the ingest routes, as Fastify registers them. */
export function listIngestRouteKeys(): Set<string> {
  return new Set(
    ingestOperations.map((id) => `${apiContract[id].method} ${apiBasePath}${apiContract[id].path}`),
  );
}

/** Whether a role serves the route (method and Fastify pattern). */
export function isRouteServedByRole(role: ServerRole, routeKey: string, ingestRoutes: Set<string>): boolean {
  if (role === "all" || everyRoleRoutes.has(routeKey)) return true;
  if (role === "api") return !ingestRoutes.has(routeKey);
  if (role === "ingest") return ingestRoutes.has(routeKey);
  return false;
}

/** Refuses the routes the role does not serve; unknown routes stay 404. */
export function installRoleRoutes(app: FastifyInstance, role: ServerRole): void {
  if (role === "all") return;
  const ingestRoutes = listIngestRouteKeys();
  app.addHook("onRequest", (request, _reply, done) => {
    const pattern = request.routeOptions.url;
    const method = request.method === "HEAD" ? "GET" : request.method;
    if (pattern === undefined || isRouteServedByRole(role, `${method} ${pattern}`, ingestRoutes)) {
      done();
      return;
    }
    const servers = ingestRoutes.has(`${method} ${pattern}`) ? "ingest or all" : "api or all";
    const detail = `this process runs role ${role}; ${request.method} ${pattern} is served by processes with role ${servers}`;
    done(new AppError("ROUTE_NOT_SERVED", detail));
  });
}
