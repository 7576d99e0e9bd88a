import { describe, expect, it } from "vitest";
import { apiContract } from "./api-contract.js";
import { createSextantClient, SextantApiError, type FetchLike } from "./client.js";
import { buildOpenApiDocument } from "./openapi.js";

describe("buildOpenApiDocument", () => {
  const document = buildOpenApiDocument({ version: "1.2.3" }) as {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          parameters: { name: string; in: string }[];
          responses: Record<string, unknown>;
          requestBody?: { content: Record<string, unknown> };
        }
      >
    >;
    components: { schemas: Record<string, unknown> };
  };

  it("has one operation per contract entry, with path params, problem responses and hoisted schemas", () => {
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(
      Object.keys(apiContract).sort(),
    );
    const getModel = document.paths["/api/v1/models/{id}"]!.get!;
    expect(getModel.parameters).toEqual([expect.objectContaining({ name: "id", in: "path" })]);
    expect((getModel.responses["404"] as { description: string }).description).toContain("MODEL_NOT_FOUND");
    expect(Object.keys(getModel.responses)).toContain("500");
    const ingest = document.paths["/api/v1/versions/{versionId}/predictions"]!.post!;
    expect(Object.keys(ingest.requestBody!.content)).toEqual(
      expect.arrayContaining(["application/x-ndjson", "text/csv", "application/json"]),
    );
    expect(ingest.responses["503"]).toBeDefined();
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Problem", "Model", "ModelVersion", "ColumnSpec", "IngestResult"]),
    );
    expect(JSON.stringify(document)).not.toContain("#/$defs/");
  });
});

describe("createSextantClient", () => {
  it("fills paths and queries, sends NDJSON for ingest and throws problems as SextantApiError", async () => {
    const calls: { url: string; method: string; body?: string | undefined }[] = [];
    const fetch: FetchLike = (url, init) => {
      calls.push({ url, method: init.method, body: init.body });
      const failing = url.includes("missing");
      return Promise.resolve({
        status: failing ? 404 : 200,
        headers: { get: () => null },
        text: () =>
          Promise.resolve(
            JSON.stringify(
              failing
                ? { code: "MODEL_NOT_FOUND", status: 404, detail: "no", title: "t", type: "x" }
                : { ok: true },
            ),
          ),
      });
    };
    const client = createSextantClient({ baseUrl: "http://h:1/", fetch });
    await client.call("listModels", { query: { tag: "a b", limit: 5 } });
    await client.ingest("ver_123456789", "labels", [{ id: 1 }, { id: 2 }], { partial: true });
    const error = await client
      .call("getModel", { params: { id: "missing" } })
      .catch((caught: unknown) => caught);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      "GET http://h:1/api/v1/models?tag=a%20b&limit=5",
      "POST http://h:1/api/v1/versions/ver_123456789/labels?partial=true",
      "GET http://h:1/api/v1/models/missing",
    ]);
    expect(calls[1]?.body).toBe('{"id":1}\n{"id":2}');
    expect(error).toBeInstanceOf(SextantApiError);
    expect((error as SextantApiError).problem.code).toBe("MODEL_NOT_FOUND");
  });
});
