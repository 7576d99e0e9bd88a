/**
 * The TypeScript SDK (typed client and batching logger) against a real server process: every logged
 * row is stored once, including when batches are resent, and both API keys and sessions authenticate.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPredictionLogger, createSextantClient, SextantApiError } from "@sextant/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type ServerProcess } from "../testing/spawn-server.js";
import { testAdminApiKey } from "../testing/test-app.js";

let server: ServerProcess;
let dataDir: string;

const rows = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    ts: new Date(Date.UTC(2026, 10, 1, i % 24)).toISOString(),
    income: 40_000 + ((i * 7919) % 30_000),
    region: ["north", "south", "east"][i % 3],
    score: (i % 100) / 100,
    defaulted: i % 5 === 0,
  }));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sextant-sdk-"));
  server = await spawnServer(["--data-dir", dataDir, "--port", "0", "--demo-enabled", "false"]);
});

afterAll(async () => {
  server.child.kill("SIGTERM");
  await server.exited;
  await rm(dataDir, { recursive: true, force: true });
});

async function createVersion(client: ReturnType<typeof createSextantClient>, slug: string) {
  const workspace = await client.call("createWorkspace", { body: { slug, name: slug } });
  const model = await client.call("createModel", {
    params: { workspaceId: workspace.id },
    body: { name: "sdk-loans", task: "binary", owner: { kind: "team", name: "risk" } },
  });
  const version = await client.call("createVersion", { params: { modelId: model.id }, body: { name: "1" } });
  await client.call("inferVersionSchema", {
    params: { versionId: version.id },
    body: {
      rows: rows(100, "s"),
      idColumn: "id",
      timestampColumn: "ts",
      predictionColumns: ["score"],
      targetColumns: ["defaulted"],
      apply: true,
    },
  });
  return version.id;
}

describe("@sextant/sdk against a real server", () => {
  it("logs 2,500 predictions in batches, each stored once, and resends are duplicates", async () => {
    const client = createSextantClient({ baseUrl: server.url, apiKey: testAdminApiKey });
    const versionId = await createVersion(client, "sdk-logger");
    const logger = createPredictionLogger({ client, versionId, maxBatchRows: 400, flushIntervalMs: 100 });
    const predictions = rows(2_500, "p").map((row) => {
      const { defaulted, ...features } = row;
      expect(typeof defaulted).toBe("boolean"); // labels arrive later, through /labels
      return features;
    });
    for (const row of predictions) await logger.log(row);
    await logger.close();
    expect(logger.stats).toMatchObject({ logged: 2_500, accepted: 2_500, failed: 0, buffered: 0 });
    const resent = await client.ingest(versionId, "predictions", predictions.slice(0, 50));
    expect(resent).toMatchObject({ accepted: 0, duplicates: 50 });
    const counts = await client.call("getEventCounts", { params: { versionId } });
    expect(counts.predictions).toBe(2_500);
    const reference = await client.uploadReference(
      versionId,
      rows(300, "ref")
        .map((row) => JSON.stringify(row))
        .join("\n"),
      {
        name: "training",
        format: "ndjson",
      },
    );
    expect(reference.rowCount).toBe(300);
  });

  it("refuses a client without credentials and accepts a bearer key", async () => {
    const anonymous = createSextantClient({ baseUrl: server.url });
    const error = await anonymous.call("listModels", {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SextantApiError);
    expect((error as SextantApiError).status).toBe(401);
    const keyed = createSextantClient({ baseUrl: server.url, apiKey: testAdminApiKey });
    expect((await keyed.call("listModels", {})).page.total).toBeGreaterThanOrEqual(0);
  });
});
