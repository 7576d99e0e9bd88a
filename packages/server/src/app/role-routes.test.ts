import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import type { ServerRole } from "../config/config-schema.js";
import { installErrorHandlers } from "./error-handler.js";
import { installRoleRoutes, isRouteServedByRole, listIngestRouteKeys } from "./role-routes.js";

const ingest = "POST /api/v1/versions/:versionId/predictions";
const models = "GET /api/v1/models";
const web = "GET /*";

describe("isRouteServedByRole", () => {
  const cases: [ServerRole, string, boolean][] = [
    ["all", ingest, true],
    ["all", models, true],
    ["api", ingest, false],
    ["api", "POST /api/v1/versions/:versionId/labels", false],
    ["api", models, true],
    ["api", web, true],
    ["api", "GET /healthz", true],
    ["ingest", ingest, true],
    ["ingest", "POST /api/v1/versions/:versionId/outcomes", true],
    ["ingest", models, false],
    ["ingest", "GET /readyz", true],
    ["worker", ingest, false],
    ["worker", models, false],
    ["worker", "GET /metrics", true],
    ["worker", "GET /healthz", true],
  ];
  it.each(cases)("role %s serves %s: %s", (role, route, served) => {
    expect(isRouteServedByRole(role, route, listIngestRouteKeys())).toBe(served);
  });
});

describe("installRoleRoutes", () => {
  const buildApp = async (role: ServerRole) => {
    const app = Fastify();
    installErrorHandlers(app);
    installRoleRoutes(app, role);
    app.post("/api/v1/versions/:versionId/predictions", () => ({ ok: "ingest" }));
    app.get("/api/v1/models", () => ({ ok: "models" }));
    app.get("/healthz", () => ({ ok: "health" }));
    await app.ready();
    return app;
  };

  it("answers 421 ROUTE_NOT_SERVED naming the role for routes the role does not serve", async () => {
    const app = await buildApp("api");
    const refused = await app.inject({ method: "POST", url: "/api/v1/versions/ver_12345678/predictions" });
    expect(refused.statusCode).toBe(421);
    const problem = refused.json<{ code: string; status: number; detail: string }>();
    expect(problem).toMatchObject({ code: "ROUTE_NOT_SERVED", status: 421 });
    expect(problem.detail).toContain("role api");
    expect(problem.detail).toContain("ingest or all");
    expect((await app.inject({ url: "/api/v1/models" })).statusCode).toBe(200);
    await app.close();
  });

  it("lets a worker answer health only and keeps unknown routes 404", async () => {
    const app = await buildApp("worker");
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/v1/models" })).statusCode).toBe(421);
    expect((await app.inject({ url: "/nowhere" })).statusCode).toBe(404);
    await app.close();
  });
});
