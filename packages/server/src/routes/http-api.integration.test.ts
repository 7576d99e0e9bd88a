/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- response bodies are read as loose JSON; their shape is what the assertions check */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  apiBasePath,
  apiContract,
  authContract,
  authErrorCodes,
  createSextantClient,
  errorCodes,
  monitoringContract,
  monitoringErrorCodes,
  overviewContract,
  roadmapContract,
  SextantApiError,
  type ErrorCode,
} from "@sextant/sdk";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testAdminHeaders, type TestApp } from "../testing/test-app.js";
import { testColumns } from "../testing/record-fixtures.js";
import type { Store } from "../storage/store.js";

const seenCodes = new Set<string>();
const seenRoutes = new Set<string>();

function expectProblem(
  response: LightMyRequestResponse,
  code: ErrorCode,
  status: number,
): Record<string, unknown> {
  const body = response.json<Record<string, unknown>>();
  expect({ status: response.statusCode, code: body.code }).toEqual({ status, code });
  expect(response.headers["content-type"]).toContain("application/problem+json");
  expect(body).toMatchObject({
    type: expect.stringMatching(/^urn:sextant:error:/),
    title: expect.any(String),
    detail: expect.any(String),
    status,
  });
  seenCodes.add(code);
  return body;
}

const onResponse = (route: string): void => {
  seenRoutes.add(route);
};

let context: TestApp;
const api = (path: string): string => `${apiBasePath}${path}`;
const json = (response: LightMyRequestResponse): Record<string, any> => response.json<Record<string, any>>();
let workspaceId = "";
let modelId = "";
let versionId = "";

beforeAll(async () => {
  context = await createTestApp({
    config: { ingest: { maxBodyBytes: 200_000, maxUploadBytes: 300_000 } },
    onResponse,
  });
});
afterAll(async () => {
  await context.dispose();
});

describe("system routes", () => {
  it("answers health, readiness and the OpenAPI document", async () => {
    expect(json(await context.app.inject({ url: "/healthz" }))).toMatchObject({ status: "ok" });
    expect((await context.app.inject({ url: "/readyz" })).statusCode).toBe(200);
    const document = json(await context.app.inject({ url: api("/openapi.json") }));
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths as object)).toContain("/api/v1/versions/{versionId}/predictions");
    expect(document.components.schemas.Problem).toBeDefined();
    context.setShuttingDown(true);
    expectProblem(await context.app.inject({ url: "/readyz" }), "SERVICE_NOT_READY", 503);
    context.setShuttingDown(false);
    expectProblem(await context.app.inject({ url: api("/nothing-here") }), "ROUTE_NOT_FOUND", 404);
  });

  it("refuses the ingest routes on an api-role process with 421 ROUTE_NOT_SERVED", async () => {
    const apiOnly = await createTestApp({ role: "api" });
    try {
      const url = api("/versions/ver_0000000001/predictions");
      expectProblem(await apiOnly.app.inject({ method: "POST", url, payload: [] }), "ROUTE_NOT_SERVED", 421);
      expect((await apiOnly.app.inject({ url: api("/models") })).statusCode).toBe(200);
    } finally {
      await apiOnly.dispose();
    }
  });
});

describe("registry routes", () => {
  it("creates, reads, lists and updates workspaces", async () => {
    const created = await context.app.inject({
      method: "POST",
      url: api("/workspaces"),
      payload: { slug: "credit", name: "Credit" },
    });
    expect(created.statusCode).toBe(201);
    workspaceId = json(created).id as string;
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api("/workspaces"),
        payload: { slug: "credit", name: "Again" },
      }),
      "WORKSPACE_SLUG_TAKEN",
      409,
    );
    const invalid = expectProblem(
      await context.app.inject({
        method: "POST",
        url: api("/workspaces"),
        payload: { slug: "Bad Slug", name: "" },
      }),
      "VALIDATION_FAILED",
      400,
    );
    expect(invalid.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "/body/slug" }),
        expect.objectContaining({ path: "/body/name" }),
      ]),
    );
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api("/workspaces"),
        headers: { "content-type": "application/json" },
        payload: "{nope",
      }),
      "BODY_MALFORMED",
      400,
    );
    expect(json(await context.app.inject({ url: api(`/workspaces/${workspaceId}`) })).slug).toBe("credit");
    expectProblem(
      await context.app.inject({ url: api("/workspaces/ws_doesnotexist0000") }),
      "WORKSPACE_NOT_FOUND",
      404,
    );
    const patched = await context.app.inject({
      method: "PATCH",
      url: api(`/workspaces/${workspaceId}`),
      payload: { description: "credit models" },
    });
    expect(json(patched)).toMatchObject({ name: "Credit", description: "credit models" });
    const list = json(await context.app.inject({ url: api("/workspaces?q=cred&limit=10") }));
    expect(list.page).toEqual({ limit: 10, offset: 0, total: 1 });
    expectProblem(await context.app.inject({ url: api("/workspaces?limit=0") }), "VALIDATION_FAILED", 400);
  });

  it("registers models with ownership, risk and cost, and filters them", async () => {
    const created = await context.app.inject({
      method: "POST",
      url: api(`/workspaces/${workspaceId}/models`),
      payload: {
        name: "churn",
        task: "binary",
        owner: { kind: "team", name: "growth" },
        tags: ["tabular"],
        riskTier: "high",
        costPer1kPredictions: 0.3,
      },
    });
    expect(created.statusCode).toBe(201);
    modelId = json(created).id as string;
    expect(json(created)).toMatchObject({ businessOwner: null, stakeholders: [], costCurrency: "USD" });
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api(`/workspaces/${workspaceId}/models`),
        payload: { name: "churn", task: "binary", owner: { kind: "team", name: "x" } },
      }),
      "MODEL_NAME_TAKEN",
      409,
    );
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api("/workspaces/ws_doesnotexist0000/models"),
        payload: { name: "m", task: "binary", owner: { kind: "team", name: "x" } },
      }),
      "WORKSPACE_NOT_FOUND",
      404,
    );
    expect(json(await context.app.inject({ url: api("/models?tag=tabular&riskTier=high") })).page.total).toBe(
      1,
    );
    expect(
      json(await context.app.inject({ url: api(`/workspaces/${workspaceId}/models?task=regression`) })).page
        .total,
    ).toBe(0);
    expect(json(await context.app.inject({ url: api(`/models/${modelId}`) })).name).toBe("churn");
    expectProblem(
      await context.app.inject({ url: api("/models/mdl_doesnotexist0000") }),
      "MODEL_NOT_FOUND",
      404,
    );
    const patched = await context.app.inject({
      method: "PATCH",
      url: api(`/models/${modelId}`),
      payload: {
        businessOwner: { kind: "user", name: "Dana" },
        stakeholders: [{ name: "Lena", role: "risk" }],
      },
    });
    expect(json(patched)).toMatchObject({ businessOwner: { name: "Dana" }, tags: ["tabular"] });
    expectProblem(
      await context.app.inject({
        method: "PATCH",
        url: api(`/models/${modelId}`),
        payload: { task: "regression" },
      }),
      "VALIDATION_FAILED",
      400,
    );
  });

  it("registers versions and their schemas", async () => {
    const created = await context.app.inject({
      method: "POST",
      url: api(`/models/${modelId}/versions`),
      payload: {
        name: "1.0.0",
        stage: "production",
        source: "ci",
        trigger: "weekly",
        trainingRunRef: "run-1",
      },
    });
    expect(created.statusCode).toBe(201);
    versionId = json(created).id as string;
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api(`/models/${modelId}/versions`),
        payload: { name: "1.0.0" },
      }),
      "VERSION_NAME_TAKEN",
      409,
    );
    expect(
      json(await context.app.inject({ url: api(`/models/${modelId}/versions?stage=production`) })).page.total,
    ).toBe(1);
    expectProblem(
      await context.app.inject({ url: api("/models/mdl_doesnotexist0000/versions") }),
      "MODEL_NOT_FOUND",
      404,
    );
    expect(
      json(
        await context.app.inject({
          method: "PATCH",
          url: api(`/versions/${versionId}`),
          payload: { datasetRef: "s3://x" },
        }),
      ).datasetRef,
    ).toBe("s3://x");
    expectProblem(
      await context.app.inject({ url: api("/versions/ver_doesnotexist0000") }),
      "VERSION_NOT_FOUND",
      404,
    );
    expectProblem(
      await context.app.inject({ url: api(`/versions/${versionId}/schema`) }),
      "SCHEMA_NOT_DEFINED",
      409,
    );
    const bad = expectProblem(
      await context.app.inject({
        method: "PUT",
        url: api(`/versions/${versionId}/schema`),
        payload: { columns: [{ name: "x", role: "prediction_score", type: "categorical" }] },
      }),
      "SCHEMA_INVALID",
      422,
    );
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "/columns/0/type" }),
        expect.objectContaining({ code: "ID_COLUMN" }),
      ]),
    );
    const inferred = json(
      await context.app.inject({
        method: "POST",
        url: api(`/versions/${versionId}/schema/infer`),
        payload: {
          rows: [
            { id: "a", ts: "2026-01-01T00:00:00Z", income: 1.5, city: "paris", score: 0.2, label: "yes" },
          ],
          predictionColumns: ["score"],
          targetColumns: ["label"],
        },
      }),
    );
    expect(inferred.applied).toBe(false);
    expect(
      inferred.columns.map(
        (column: { name: string; role: string; type: string }) =>
          `${column.name}:${column.role}:${column.type}`,
      ),
    ).toEqual([
      "id:id:string",
      "ts:timestamp:timestamp",
      "income:feature:numeric",
      "city:feature:categorical",
      "score:prediction_score:numeric",
      "label:target:categorical",
    ]);
    const saved = await context.app.inject({
      method: "PUT",
      url: api(`/versions/${versionId}/schema`),
      payload: { columns: testColumns },
    });
    expect(json(saved).revision).toBe(1);
    expect(
      json(await context.app.inject({ url: api(`/versions/${versionId}/schema`) })).columns,
    ).toHaveLength(testColumns.length);
    expect(json(await context.app.inject({ url: api(`/versions/${versionId}`) })).schema.revision).toBe(1);
  });
});

describe("segments and references", () => {
  it("creates, filters, updates and deletes segments", async () => {
    const create = (payload: object) =>
      context.app.inject({ method: "POST", url: api(`/models/${modelId}/segments`), payload });
    const created = await create({
      name: "paris",
      conditions: [{ column: "city", op: "eq", value: "paris" }],
    });
    expect(created.statusCode).toBe(201);
    const segmentId = json(created).id as string;
    expectProblem(
      await create({ name: "paris", conditions: [{ column: "city", op: "eq", value: "x" }] }),
      "SEGMENT_NAME_TAKEN",
      409,
    );
    const invalid = expectProblem(
      await create({ name: "z", conditions: [{ column: "nope", op: "is_null" }] }),
      "SEGMENT_FILTER_INVALID",
      422,
    );
    expect(invalid.errors).toEqual([
      expect.objectContaining({ path: "/conditions/0/column", field: "nope" }),
    ]);
    expect(json(await context.app.inject({ url: api(`/models/${modelId}/segments?q=par`) })).page.total).toBe(
      1,
    );
    const patched = await context.app.inject({
      method: "PATCH",
      url: api(`/segments/${segmentId}`),
      payload: { conditions: [{ column: "income", op: "gte", value: 1000 }] },
    });
    expect(json(patched).conditions).toEqual([{ column: "income", op: "gte", value: 1000 }]);
    expect(json(await context.app.inject({ url: api(`/segments/${segmentId}`) })).name).toBe("paris");
    expect(
      (await context.app.inject({ method: "DELETE", url: api(`/segments/${segmentId}`) })).statusCode,
    ).toBe(204);
    expectProblem(await context.app.inject({ url: api(`/segments/${segmentId}`) }), "SEGMENT_NOT_FOUND", 404);
  });

  it("creates time-range and uploaded references (CSV and Parquet)", async () => {
    const range = await context.app.inject({
      method: "POST",
      url: api(`/versions/${versionId}/references`),
      payload: { name: "week 1", from: "2026-01-01T00:00:00Z", to: "2026-01-08T00:00:00Z" },
    });
    expect(json(range)).toMatchObject({
      kind: "time_range",
      rowCount: null,
      from: "2026-01-01T00:00:00.000Z",
    });
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api(`/versions/${versionId}/references`),
        payload: {
          name: "w",
          from: "2026-01-01T00:00:00Z",
          to: "2026-01-01T00:00:00Z",
          segmentId: "seg_doesnotexist0000",
        },
      }),
      "VALIDATION_FAILED",
      400,
    );
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api(`/versions/${versionId}/references`),
        payload: {
          name: "w",
          from: "2026-01-01T00:00:00Z",
          to: "2026-01-02T00:00:00Z",
          segmentId: "seg_doesnotexist0000",
        },
      }),
      "SEGMENT_NOT_FOUND",
      404,
    );
    const csv = "income,city,score,label,revenue\n1.5,paris,0.2,yes,3\n2.5,lyon,0.7,no,-1\n";
    const uploaded = await context.app.inject({
      method: "POST",
      url: api(`/versions/${versionId}/references/upload?name=train`),
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    expect(uploaded.statusCode).toBe(201);
    expect(json(uploaded)).toMatchObject({ kind: "file", rowCount: 2 });
    const parquetPath = join(context.dataDir, "ref.parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT 1.5 AS income, 'nice' AS city, 0.4 AS score, 'yes' AS label, 2.0 AS revenue, [0.5, 1.0]::DOUBLE[] AS vec) TO '${parquetPath}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const parquet = await context.app.inject({
      method: "POST",
      url: api(`/versions/${versionId}/references/upload?name=train2`),
      headers: { "content-type": "application/vnd.apache.parquet" },
      payload: await readFile(parquetPath),
    });
    expect(json(parquet)).toMatchObject({ kind: "file", rowCount: 1 });
    const badCsv = await context.app.inject({
      method: "POST",
      url: api(`/versions/${versionId}/references/upload?name=bad`),
      headers: { "content-type": "text/csv" },
      payload: "income,unknown\nabc,1\n",
    });
    expect(expectProblem(badCsv, "INGEST_ROWS_INVALID", 422).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 0, field: "income", code: "TYPE_MISMATCH" })]),
    );
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api(`/versions/${versionId}/references/upload?name=big`),
        headers: { "content-type": "text/csv" },
        payload: "income\n" + "1\n".repeat(200_000),
      }),
      "PAYLOAD_TOO_LARGE",
      413,
    );
    const list = json(await context.app.inject({ url: api(`/versions/${versionId}/references`) }));
    expect(list.page.total).toBe(3);
    const referenceId = json(uploaded).id as string;
    expect(json(await context.app.inject({ url: api(`/references/${referenceId}`) })).name).toBe("train");
    expect(
      (await context.app.inject({ method: "DELETE", url: api(`/references/${referenceId}`) })).statusCode,
    ).toBe(204);
    expectProblem(
      await context.app.inject({ url: api(`/references/${referenceId}`) }),
      "REFERENCE_NOT_FOUND",
      404,
    );
  });
});

describe("ingest routes", () => {
  const row = (n: number, extra: Record<string, unknown> = {}) => ({
    id: `p${n}`,
    ts: "2026-03-01T10:00:00Z",
    income: n,
    city: "paris",
    vec: [1, 2],
    owns_car: true,
    score: 0.5,
    ...extra,
  });
  const ingest = (stream: string, payload: string | object, contentType = "application/json", query = "") =>
    context.app.inject({
      method: "POST",
      url: api(`/versions/${versionId}/${stream}${query}`),
      headers: { "content-type": contentType },
      payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    });

  it("stores a JSON batch only after commit and ignores replays", async () => {
    const first = await ingest("predictions", [row(1), row(2)]);
    expect(json(first)).toEqual({ received: 2, accepted: 2, duplicates: 0, rejected: 0, rejectedRows: [] });
    expect(json(await ingest("predictions", [row(2), row(3), row(3)]))).toMatchObject({
      received: 3,
      accepted: 1,
      duplicates: 2,
    });
    expect(json(await context.app.inject({ url: api(`/versions/${versionId}/stats`) })).predictions).toBe(3);
  });

  it("refuses a batch with invalid rows, naming row and field, unless partial", async () => {
    const rows = [row(10), row(11, { income: "high" }), row(12, { bogus: 1 }), row(13, { score: null })];
    const problem = expectProblem(await ingest("predictions", rows), "INGEST_ROWS_INVALID", 422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "/1/income", row: 1, field: "income", code: "TYPE_MISMATCH" }),
      expect.objectContaining({ path: "/2/bogus", row: 2, field: "bogus", code: "UNKNOWN_FIELD" }),
      expect.objectContaining({ path: "/3/score", row: 3, field: "score", code: "REQUIRED" }),
    ]);
    expect(json(await context.app.inject({ url: api(`/versions/${versionId}/stats`) })).predictions).toBe(3);
    const partial = json(await ingest("predictions", rows, "application/json", "?partial=true"));
    expect(partial).toMatchObject({ received: 4, accepted: 1, rejected: 3 });
    expect(partial.rejectedRows.map((rejected: { row: number }) => rejected.row)).toEqual([1, 2, 3]);
    expectProblem(await ingest("predictions", { not: "an array" }), "BODY_MALFORMED", 400);
    expectProblem(
      await ingest("labels", [{ id: "p1", label: "yes", income: 3 }]),
      "INGEST_ROWS_INVALID",
      422,
    );
  });

  it("streams NDJSON, reads CSV, joins late and early labels and outcomes", async () => {
    const ndjson = [row(20), row(21)].map((r) => JSON.stringify(r)).join("\n") + "\n{broken\n";
    const malformed = expectProblem(
      await ingest("predictions", ndjson, "application/x-ndjson"),
      "INGEST_ROWS_INVALID",
      422,
    );
    expect(malformed.errors).toEqual([expect.objectContaining({ row: 2, code: "MALFORMED_JSON" })]);
    expect(json(await ingest("predictions", ndjson, "application/x-ndjson", "?partial=true"))).toMatchObject({
      accepted: 2,
      rejected: 1,
    });
    expect(json(await ingest("labels", "id,label\np30,yes\np20,no\n", "text/csv"))).toMatchObject({
      accepted: 2,
    });
    expect(json(await ingest("predictions", [row(30)]))).toMatchObject({ accepted: 1 });
    expect(json(await ingest("outcomes", [{ id: "p30", revenue: 7 }]))).toMatchObject({ accepted: 1 });
    const events = json(
      await context.app.inject({
        url: api(`/versions/${versionId}/events?from=2026-03-01T00:00:00Z&limit=100`),
      }),
    );
    const byId = new Map(events.items.map((event: { eventId: string }) => [event.eventId, event]));
    expect(byId.get("p30")).toMatchObject({
      label: { label: "yes" },
      outcome: { revenue: 7 },
      values: { income: 30, vec: [1, 2] },
    });
    expect(byId.get("p20")).toMatchObject({ label: { label: "no" }, outcome: null });
    expect(json(await context.app.inject({ url: api(`/versions/${versionId}/stats`) }))).toMatchObject({
      labels: 2,
      outcomes: 1,
      labelledPredictions: 2,
    });
    const retyped = testColumns.map((column) =>
      column.name === "city" ? { ...column, type: "numeric" } : column,
    );
    const conflict = expectProblem(
      await context.app.inject({
        method: "PUT",
        url: api(`/versions/${versionId}/schema`),
        payload: { columns: retyped },
      }),
      "SCHEMA_CHANGE_CONFLICT",
      409,
    );
    expect(conflict.errors).toEqual([expect.objectContaining({ field: "city" })]);
  });

  it("enforces media types and size limits", async () => {
    expectProblem(await ingest("predictions", "hello", "text/plain"), "MEDIA_TYPE_UNSUPPORTED", 415);
    const big = JSON.stringify(Array.from({ length: 3000 }, (_, n) => row(1000 + n)));
    expectProblem(await ingest("predictions", big), "PAYLOAD_TOO_LARGE", 413);
    const bigNdjson = Array.from({ length: 3000 }, (_, n) => JSON.stringify(row(1000 + n))).join("\n");
    expectProblem(await ingest("predictions", bigNdjson, "application/x-ndjson"), "PAYLOAD_TOO_LARGE", 413);
    expectProblem(
      await context.app.inject({
        method: "POST",
        url: api("/versions/ver_doesnotexist0000/predictions"),
        payload: [row(1)],
      }),
      "VERSION_NOT_FOUND",
      404,
    );
  });
});

describe("back-pressure and failures", () => {
  it("answers 503 INGEST_BUFFER_FULL with Retry-After instead of queueing without bound", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = await createTestApp({
      config: { ingest: { maxBufferedRows: 3, retryAfterSeconds: 2 } },
      wrapStore: (store: Store) => ({
        ...store,
        writeEventBatches: async (batches) => {
          await gate;
          return store.writeEventBatches(batches);
        },
      }),
      onResponse,
    });
    try {
      const registry = slow.services.registry;
      const workspace = await registry.createWorkspace({ slug: "w", name: "w", description: "" });
      const model = await registry.createModel(workspace.id, {
        name: "m",
        task: "binary",
        owner: { kind: "team", name: "t" },
      });
      const version = await registry.createVersion(model.id, {
        name: "1",
        description: "",
        stage: "staging",
        source: "api",
        trigger: null,
        trainingRunRef: null,
        datasetRef: null,
      });
      await registry.saveSchema(version.id, testColumns);
      const send = (ids: number[]) =>
        slow.app.inject({
          method: "POST",
          url: api(`/versions/${version.id}/predictions`),
          payload: ids.map((n) => ({ id: `b${n}`, ts: "2026-01-01T00:00:00Z", score: 0.1 })),
        });
      const pending = send([1, 2, 3]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const refused = await send([4]);
      expectProblem(refused, "INGEST_BUFFER_FULL", 503);
      expect(refused.headers["retry-after"]).toBe("2");
      release();
      expect(json(await pending)).toMatchObject({ accepted: 3 });
      expect(json(await send([4]))).toMatchObject({ accepted: 1 });
    } finally {
      release();
      await slow.dispose();
    }
  });

  it("turns unknown errors into a 500 without internals", async () => {
    const failing = await createTestApp({
      wrapStore: (store: Store) => ({
        ...store,
        listWorkspaces: () => Promise.reject(new Error("disk on fire at /secret/path")),
      }),
    });
    try {
      const body = expectProblem(
        await failing.app.inject({ url: api("/workspaces") }),
        "INTERNAL_ERROR",
        500,
      );
      expect(JSON.stringify(body)).not.toContain("secret");
    } finally {
      await failing.dispose();
    }
  });
});

describe("a real listening server and the sdk client", () => {
  it("serves the contract over loopback", async () => {
    const address = await context.app.listen({ host: "127.0.0.1", port: 0 });
    const client = createSextantClient({ baseUrl: address, headers: testAdminHeaders });
    const page = await client.call("listModels", { query: { workspaceId } });
    expect(page.items.map((model) => model.name)).toEqual(["churn"]);
    const result = await client.ingest(versionId, "predictions", [
      { id: "c1", ts: "2026-03-02T00:00:00Z", score: 0.9 },
    ]);
    expect(result.accepted).toBe(1);
    const error = await client
      .call("getModel", { params: { id: "mdl_doesnotexist0000" } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SextantApiError);
    expect((error as SextantApiError).problem.code).toBe("MODEL_NOT_FOUND");
  });
});

describe("coverage of the contract", () => {
  it("exercised every route and every error code", () => {
    // Auth operations and codes are exercised by auth/*.integration.test.ts, monitoring ones by
    // routes/monitoring-routes.integration.test.ts, the overview by routes/overview-routes.integration.test.ts,
    // roadmap ones by roadmap/roadmap-api.integration.test.ts.
    const roadmapCodes = new Set<string>(
      Object.values(roadmapContract).flatMap((operation) => operation.errors),
    );
    const expectedRoutes = Object.entries(apiContract)
      .filter(
        ([operationId]) =>
          !Object.hasOwn(authContract, operationId) &&
          !Object.hasOwn(monitoringContract, operationId) &&
          !Object.hasOwn(overviewContract, operationId) &&
          !Object.hasOwn(roadmapContract, operationId),
      )
      .map(([, operation]) => `${operation.method} ${apiBasePath}${operation.path}`);
    expect(expectedRoutes.filter((route) => !seenRoutes.has(route))).toEqual([]);
    expect(
      errorCodes.filter(
        (code) =>
          !seenCodes.has(code) &&
          !authErrorCodes.includes(code) &&
          !monitoringErrorCodes.includes(code) &&
          !roadmapCodes.has(code),
      ),
    ).toEqual([]);
  });
});
