/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- response bodies are read as loose JSON; their shape is what the assertions check */
/**
 * `GET /overview`: every visible model with versions, prediction volume, monitors with states and open
 * incidents in one response, filtered to the workspaces of a workspace-scoped key.
 */
import { apiBasePath } from "@sextant/sdk";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBatch, buildPredictionRow, testColumns } from "../testing/record-fixtures.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

let context: TestApp;
const json = (response: LightMyRequestResponse): Record<string, any> => response.json<Record<string, any>>();
async function send(method: "GET" | "POST" | "PUT", path: string, payload?: object, key?: string) {
  return context.app.inject({
    method,
    url: `${apiBasePath}${path}`,
    ...(payload === undefined ? {} : { payload }),
    ...(key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } }),
  });
}

async function createModel(
  slug: string,
): Promise<{ workspaceId: string; modelId: string; versionId: string }> {
  const workspaceId = json(await send("POST", "/workspaces", { slug, name: slug })).id;
  const modelId = json(
    await send("POST", `/workspaces/${workspaceId}/models`, {
      name: `${slug}-model`,
      task: "binary",
      owner: { kind: "team", name: slug, email: `${slug}@example.com` },
    }),
  ).id;
  const versionId = json(
    await send("POST", `/models/${modelId}/versions`, { name: "1", stage: "production" }),
  ).id;
  expect((await send("PUT", `/versions/${versionId}/schema`, { columns: testColumns })).statusCode).toBe(200);
  return { workspaceId, modelId, versionId };
}

let risk: Awaited<ReturnType<typeof createModel>>;
let growth: Awaited<ReturnType<typeof createModel>>;

beforeAll(async () => {
  context = await createTestApp();
  risk = await createModel("risk");
  growth = await createModel("growth");
  const rows = Array.from({ length: 12 }, (_, n) => buildPredictionRow(n));
  await context.store.writeEventBatches([
    buildBatch({ kind: "predictions", versionId: risk.versionId }, rows),
  ]);
  const monitor = json(
    await send("POST", `/models/${risk.modelId}/monitors`, {
      name: "drift city",
      versionId: risk.versionId,
      kind: "data_drift",
      metric: "psi",
      columns: ["city"],
      window: { kind: "hourly" },
      baseline: { kind: "trailing", windows: 3 },
      condition: { kind: "fixed", direction: "lower_is_better", warning: 0.1 },
    }),
  );
  expect(json(await send("POST", `/monitors/${monitor.id}/run`, {})).error).toBeNull();
});
afterAll(async () => {
  await context.dispose();
});

describe("GET /overview", () => {
  it("returns every model with versions, volume, monitors with state and open incidents", async () => {
    const response = await send("GET", "/overview");
    expect(response.statusCode, response.body).toBe(200);
    const byName = new Map((json(response).models as any[]).map((entry) => [entry.model.name, entry]));
    expect([...byName.keys()].sort()).toEqual(["growth-model", "risk-model"]);
    const row = byName.get("risk-model");
    expect(row.versions.map((v: any) => v.stage)).toEqual(["production"]);
    expect(row.predictions).toBe(12);
    expect(row.monitors).toHaveLength(1);
    expect(row.monitors[0]).toMatchObject({ name: "drift city", health: "healthy", evaluateFrom: null });
    expect(row.openIncidents).toEqual([]);
    expect(byName.get("growth-model")).toMatchObject({ predictions: 0, monitors: [], openIncidents: [] });
  });

  it("shows a workspace-scoped key only its workspace's models", async () => {
    const created = await send("POST", `/workspaces/${growth.workspaceId}/api-keys`, {
      name: "growth viewer",
      role: "viewer",
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await send("GET", "/overview", undefined, json(created).key);
    expect(response.statusCode, response.body).toBe(200);
    expect((json(response).models as any[]).map((entry) => entry.model.name)).toEqual(["growth-model"]);
  });
});
