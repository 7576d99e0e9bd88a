/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- response bodies are read as loose JSON; their shape is what the assertions check */
/**
 * Backfill through the HTTP API: a monitor with `evaluateFrom` evaluates the history before its creation,
 * `POST /monitors/:id/run` catches up past the per-run window cap, and moving `evaluateFrom` replays.
 */
import { apiBasePath } from "@sextant/sdk";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBatch, testColumns } from "../testing/record-fixtures.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { createMonitorRunner } from "./monitor-runner.js";

const hourMs = 3_600_000;
const startMs = Date.UTC(2026, 10, 20);
const hours = 72;
const endAt = new Date(startMs + hours * hourMs).toISOString();
let context: TestApp;
let modelId = "";
let versionId = "";

const json = (response: LightMyRequestResponse): Record<string, any> => response.json<Record<string, any>>();
async function send(method: "GET" | "POST" | "PATCH" | "PUT", path: string, payload?: object) {
  return context.app.inject({
    method,
    url: `${apiBasePath}${path}`,
    ...(payload === undefined ? {} : { payload }),
  });
}

async function createMonitor(extra: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await send("POST", `/models/${modelId}/monitors`, {
    name: `drift city ${Object.keys(extra).join(" ")} ${Math.random()}`,
    versionId,
    kind: "data_drift",
    metric: "psi",
    columns: ["city"],
    window: { kind: "hourly" },
    baseline: { kind: "trailing", windows: 3 },
    condition: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.25 },
    minSampleSize: 10,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

async function listResultStarts(monitorId: string): Promise<string[]> {
  const page = json(await send("GET", `/monitors/${monitorId}/results?limit=500`));
  return (page.items as { windowStart: string }[]).map((r) => r.windowStart).sort();
}

beforeAll(async () => {
  context = await createTestApp();
  const workspaceId = json(await send("POST", "/workspaces", { slug: "bf", name: "Backfill" })).id;
  modelId = json(
    await send("POST", `/workspaces/${workspaceId}/models`, {
      name: "pd",
      task: "binary",
      owner: { kind: "team", name: "credit", email: "credit@example.com" },
    }),
  ).id;
  versionId = json(await send("POST", `/models/${modelId}/versions`, { name: "1", stage: "production" })).id;
  expect((await send("PUT", `/versions/${versionId}/schema`, { columns: testColumns })).statusCode).toBe(200);
  const rows = Array.from({ length: hours * 20 }, (_, n) => ({
    id: `e${n}`,
    ts: new Date(startMs + Math.floor(n / 20) * hourMs + (n % 20) * 60_000).toISOString(),
    income: 1000 + n,
    city: ["paris", "lyon", "nice"][n % 3],
    vec: [n, -n],
    owns_car: n % 2 === 0,
    score: (n % 10) / 10,
  }));
  await context.store.writeEventBatches([buildBatch({ kind: "predictions", versionId }, rows)]);
});
afterAll(async () => {
  await context.dispose();
});

describe("monitor backfill", () => {
  it("evaluates nothing before its creation without evaluateFrom", async () => {
    const monitor = await createMonitor({});
    expect(monitor.evaluateFrom).toBeNull();
    const run = json(await send("POST", `/monitors/${monitor.id}/run`, { at: endAt }));
    expect(run).toEqual({ evaluatedWindows: 0, notifications: 0, error: null });
  });

  it("evaluates every closed window from evaluateFrom in one explicit run", async () => {
    const evaluateFrom = new Date(startMs).toISOString();
    const monitor = await createMonitor({ evaluateFrom });
    expect(monitor.evaluateFrom).toBe(evaluateFrom);
    const run = json(await send("POST", `/monitors/${monitor.id}/run`, { at: endAt }));
    expect(run).toMatchObject({ evaluatedWindows: hours, error: null });
    const starts = await listResultStarts(monitor.id);
    expect(starts).toHaveLength(hours);
    expect(starts[0]).toBe(evaluateFrom);
    const loaded = json(await send("GET", `/monitors/${monitor.id}`));
    expect(loaded).toMatchObject({ evaluateFrom, evaluatedUntil: endAt, health: "healthy" });
  });

  it("takes the oldest windows first under the per-run cap and catches up when asked", async () => {
    const created = await createMonitor({ evaluateFrom: new Date(startMs).toISOString() });
    const record = (await context.store.findMonitor(String(created.id)))!;
    const runner = createMonitorRunner({
      store: context.store,
      incidents: context.services.monitoring.incidents,
      maxWindowsPerRun: 20,
    });
    const first = await runner.run(record, new Date(endAt));
    expect(first.evaluatedWindows).toBe(20);
    expect((await context.store.loadMonitorRun(record.id))?.evaluatedUntil).toEqual(
      new Date(startMs + 20 * hourMs),
    );
    const rest = await runner.run(record, new Date(endAt), { catchUp: true });
    expect(rest.evaluatedWindows).toBe(hours - 20);
    const starts = await listResultStarts(record.id);
    expect(new Set(starts).size).toBe(hours);
  });

  it("replays from a new evaluateFrom set by an update", async () => {
    const monitor = await createMonitor({ evaluateFrom: new Date(startMs + 48 * hourMs).toISOString() });
    expect(json(await send("POST", `/monitors/${monitor.id}/run`, { at: endAt })).evaluatedWindows).toBe(24);
    const patched = await send("PATCH", `/monitors/${monitor.id}`, {
      evaluateFrom: new Date(startMs + 24 * hourMs).toISOString(),
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json(await send("GET", `/monitors/${monitor.id}`)).evaluatedUntil).toBeNull();
    expect(json(await send("POST", `/monitors/${monitor.id}/run`, { at: endAt })).evaluatedWindows).toBe(48);
    const starts = await listResultStarts(monitor.id);
    expect(starts).toHaveLength(48);
    expect(starts[0]).toBe(new Date(startMs + 24 * hourMs).toISOString());
  });
});
