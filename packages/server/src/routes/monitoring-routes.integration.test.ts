/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- response bodies are read as loose JSON; their shape is what the assertions check */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { apiBasePath, monitoringContract, monitoringErrorCodes, type ErrorCode } from "@sextant/sdk";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeSignature, signatureHeader } from "../alerting/channel-senders.js";
import type { IncidentRecord } from "../monitoring/monitoring-records.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { testColumns } from "../testing/record-fixtures.js";

const seenCodes = new Set<string>();
const seenRoutes = new Set<string>();
const api = (path: string): string => `${apiBasePath}${path}`;
const json = (response: LightMyRequestResponse): Record<string, any> => response.json<Record<string, any>>();

function expectProblem(response: LightMyRequestResponse, code: ErrorCode, status: number): void {
  expect({ status: response.statusCode, code: json(response).code }).toEqual({ status, code });
  expect(response.headers["content-type"]).toContain("application/problem+json");
  seenCodes.add(code);
}

const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let receiver: Server;
let receiverUrl = "";
let context: TestApp;
let workspaceId = "";
let modelId = "";
let versionId = "";
let channelId = "";
let monitorId = "";

async function send(
  method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT",
  path: string,
  payload?: InjectOptions["payload"],
): Promise<LightMyRequestResponse> {
  return context.app.inject({ method, url: api(path), ...(payload === undefined ? {} : { payload }) });
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  context = await createTestApp({
    config: { monitoring: { outboundAllowList: ["127.0.0.1"] } },
    onResponse: (route) => seenRoutes.add(route),
  });
  workspaceId = json(await send("POST", "/workspaces", { slug: "risk", name: "Risk" })).id;
  modelId = json(
    await send("POST", `/workspaces/${workspaceId}/models`, {
      name: "pd",
      task: "binary",
      owner: { kind: "team", name: "credit", email: "credit@example.com" },
      tags: ["credit"],
    }),
  ).id;
  versionId = json(
    await send("POST", `/models/${modelId}/versions`, { name: "1.0.0", stage: "production" }),
  ).id;
  expect((await send("PUT", `/versions/${versionId}/schema`, { columns: testColumns })).statusCode).toBe(200);
});
afterAll(async () => {
  await context.dispose();
  await new Promise((resolve) => receiver.close(resolve));
});

describe("channels", () => {
  it("creates a channel, refuses internal URLs, and sends a signed test notification", async () => {
    expectProblem(
      await send("POST", "/channels", {
        name: "internal",
        config: { kind: "webhook", url: "http://10.1.2.3/hook", secret: "s3cret-key" },
      }),
      "CHANNEL_URL_REFUSED",
      422,
    );
    const created = await send("POST", "/channels", {
      name: "ops",
      workspaceId,
      config: { kind: "webhook", url: receiverUrl, secret: "s3cret-key" },
    });
    expect(created.statusCode).toBe(201);
    channelId = json(created).id;
    expect(JSON.stringify(json(created))).not.toContain("s3cret");
    expect(json(created)).toMatchObject({ kind: "webhook", target: expect.stringContaining("127.0.0.1") });

    const delivery = await send("POST", `/channels/${channelId}/test`);
    expect(json(delivery)).toMatchObject({ status: "delivered", event: "test", attempts: 1 });
    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(hit?.headers[signatureHeader]).toBe(computeSignature("s3cret-key", hit?.body ?? ""));
    expect(JSON.parse(hit?.body ?? "{}")).toMatchObject({ event: "test", source: "sextant" });

    expect(json(await send("GET", "/channels")).items.map((c: any) => c.id)).toEqual([channelId]);
    expect(json(await send("GET", "/deliveries?status=delivered")).page.total).toBe(1);
    expectProblem(await send("POST", "/channels/chn_doesnotexist000000/test"), "CHANNEL_NOT_FOUND", 404);
  });
});

describe("monitors", () => {
  const body = () => ({
    name: "income drift",
    versionId,
    kind: "data_drift",
    metric: "psi",
    columns: ["income"],
    window: { kind: "hourly" },
    baseline: { kind: "trailing", windows: 3 },
    condition: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.25 },
    channelIds: [channelId],
    minSampleSize: 5,
  });

  it("creates, reads, lists, updates, runs and reports results", async () => {
    expectProblem(
      await send("POST", `/models/${modelId}/monitors`, { ...body(), columns: ["nope"] }),
      "MONITOR_INVALID",
      422,
    );
    expectProblem(
      await send("POST", `/models/${modelId}/monitors`, {
        ...body(),
        channelIds: ["chn_doesnotexist000000"],
      }),
      "CHANNEL_NOT_FOUND",
      404,
    );
    const created = await send("POST", `/models/${modelId}/monitors`, body());
    expect(created.statusCode).toBe(201);
    monitorId = json(created).id;
    expect(json(created)).toMatchObject({ health: "never_run", lastError: null, states: [], forWindows: 1 });

    // Windows start at the monitor's creation, so the traffic lies in the coming hours.
    const baseMs = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000;
    const rows = Array.from({ length: 40 }, (_, n) => ({
      id: `p${n}`,
      ts: new Date(baseMs + Math.floor(n / 8) * 3_600_000 + n * 60_000).toISOString(),
      income: 1000 + (n % 8) * 10,
      score: 0.5,
    }));
    expect((await send("POST", `/versions/${versionId}/predictions`, rows)).statusCode).toBe(200);

    const at = new Date(baseMs + 5 * 3_600_000).toISOString();
    const run = await send("POST", `/monitors/${monitorId}/run`, { at });
    expect(json(run)).toMatchObject({ evaluatedWindows: expect.any(Number), error: null });
    expect(json(run).evaluatedWindows).toBeGreaterThan(4);
    const results = json(await send("GET", `/monitors/${monitorId}/results?limit=100`));
    expect(results.items.length).toBeGreaterThan(4);
    expect(results.items.map((item: any) => item.windowStart)).toContain(new Date(baseMs).toISOString());

    const loaded = json(await send("GET", `/monitors/${monitorId}`));
    expect(loaded).toMatchObject({ health: "healthy", evaluatedUntil: at });
    expect(loaded.states.length).toBe(1);
    const patched = await send("PATCH", `/monitors/${monitorId}`, { forWindows: 2, enabled: false });
    expect(json(patched)).toMatchObject({ forWindows: 2, enabled: false });
    expect(json(await send("GET", `/models/${modelId}/monitors`)).page.total).toBe(1);
    expectProblem(await send("GET", "/monitors/mon_doesnotexist000000"), "MONITOR_NOT_FOUND", 404);
  });

  it("serves /metrics in the Prometheus text format, to authenticated callers only", async () => {
    const metrics = await context.app.inject({ url: "/metrics" });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers["content-type"]).toContain("text/plain; version=0.0.4");
    expect(metrics.body).toContain("# TYPE sextant_ingest_rows_total counter");
    expect(metrics.body).toMatch(/^sextant_ingest_rows_total 40$/m);
    expect(metrics.body).toMatch(/^sextant_ingest_buffer_rows 0$/m);
    expect(metrics.body).toMatch(/^sextant_channel_failures_total 0$/m);
    expect(metrics.body).toMatch(
      new RegExp(
        `^sextant_monitor_value\\{model_id="${modelId}",model="pd",monitor_id="${monitorId}",.*metric="psi",segment=""\\} `,
        "m",
      ),
    );
    const anonymous = await context.app.inject({ url: "/metrics", headers: { authorization: "" } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("incidents", () => {
  it("acknowledges, snoozes and resolves, refusing transitions the state does not allow", async () => {
    const at = Date.UTC(2026, 10, 1, 3);
    const record: IncidentRecord = {
      id: "inc_test000000000000000",
      title: "Warning: income drift",
      incident: {
        id: "inc_test000000000000000",
        modelId,
        segment: null,
        status: "open",
        severity: "warning",
        openedAtMs: at,
        acknowledgedAtMs: null,
        resolvedAtMs: null,
        snoozedUntilMs: null,
        lastWindowStartMs: at,
        causes: [{ monitorId, windowStartMs: at, severity: "warning", recordedAtMs: at }],
        notifications: [],
      },
      timeline: [{ at: new Date(at), kind: "opened", monitorId, detail: "psi 0.3" }],
      updatedAt: new Date(at),
    };
    await context.store.saveIncident(record);
    const id = record.id;
    expect(json(await send("GET", "/incidents")).items.map((i: any) => i.id)).toContain(id);
    expect(json(await send("GET", `/incidents/${id}`))).toMatchObject({
      monitorIds: [monitorId],
      causeCount: 1,
    });
    expect(json(await send("POST", `/incidents/${id}/acknowledge`)).status).toBe("acknowledged");
    expectProblem(await send("POST", `/incidents/${id}/acknowledge`), "INCIDENT_STATE_CONFLICT", 409);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(json(await send("POST", `/incidents/${id}/snooze`, { until })).snoozedUntil).toBe(until);
    const resolved = json(await send("POST", `/incidents/${id}/resolve`));
    expect(resolved.status).toBe("resolved");
    expect(resolved.timeline.map((entry: any) => entry.kind)).toEqual([
      "opened",
      "acknowledged",
      "snoozed",
      "resolved",
    ]);
    expectProblem(await send("GET", "/incidents/inc_doesnotexist000000"), "INCIDENT_NOT_FOUND", 404);
  });
});

describe("policies", () => {
  it("reports a missing required monitor, creates it on apply, and is compliant afterwards", async () => {
    const created = await send("POST", "/policies", {
      name: "production needs performance",
      selector: { stage: "production", tags: ["credit"] },
      templates: [
        {
          name: "f1",
          kind: "performance",
          metric: "f1",
          window: { kind: "daily" },
          baseline: { kind: "trailing", windows: 7 },
          condition: { kind: "fixed", direction: "higher_is_better", warning: 0.6 },
        },
      ],
    });
    expect(created.statusCode).toBe(201);
    const policyId = json(created).id;
    expect(json(await send("GET", "/policies")).page.total).toBe(1);
    const before = json(await send("GET", "/policies/compliance"));
    expect(before.findings).toEqual([
      expect.objectContaining({ policyId, modelId, problem: "missing_monitor" }),
    ]);
    const applied = json(await send("POST", `/policies/${policyId}/apply`));
    expect(applied).toMatchObject({ findings: [], createdMonitorIds: [expect.any(String)] });
    const monitor = json(await send("GET", `/monitors/${applied.createdMonitorIds[0]}`));
    expect(monitor).toMatchObject({ versionId, kind: "performance", labels: { policy: policyId } });
    expect(json(await send("GET", "/policies/compliance")).findings).toEqual([]);
    expect((await send("DELETE", `/policies/${policyId}`)).statusCode).toBe(204);
    expectProblem(await send("POST", `/policies/${policyId}/apply`), "POLICY_NOT_FOUND", 404);
  });
});

describe("deletion and coverage", () => {
  it("deletes monitors and channels", async () => {
    expect((await send("DELETE", `/monitors/${monitorId}`)).statusCode).toBe(204);
    expectProblem(await send("GET", `/monitors/${monitorId}`), "MONITOR_NOT_FOUND", 404);
    expect((await send("DELETE", `/channels/${channelId}`)).statusCode).toBe(204);
    expectProblem(await send("DELETE", `/channels/${channelId}`), "CHANNEL_NOT_FOUND", 404);
  });

  it("exercised every monitoring route and error code", () => {
    const expected = Object.values(monitoringContract).map(
      (operation) => `${operation.method} ${apiBasePath}${operation.path}`,
    );
    expect(expected.filter((route) => !seenRoutes.has(route))).toEqual([]);
    expect(monitoringErrorCodes.filter((code) => !seenCodes.has(code))).toEqual([]);
  });
});
