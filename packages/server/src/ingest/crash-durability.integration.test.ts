/**
 * Crash test: NDJSON batches stream into a server child process that is killed with SIGKILL at a
 * random moment; after a restart every acknowledged batch must be present exactly once and no batch
 * may be half-stored.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnServer, type ServerProcess } from "../testing/spawn-server.js";
import { testColumns } from "../testing/record-fixtures.js";
import { testAdminHeaders } from "../testing/test-app.js";

const rowsPerBatch = 200;
const senders = 4;
let dataDir = "";
const children: ServerProcess[] = [];

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...testAdminHeaders },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function setUpVersion(base: string): Promise<string> {
  const workspace = await post(`${base}/api/v1/workspaces`, { slug: "crash", name: "Crash" });
  const model = await post(`${base}/api/v1/workspaces/${String(workspace.id)}/models`, {
    name: "m",
    task: "binary",
    owner: { kind: "team", name: "t" },
  });
  const version = await post(`${base}/api/v1/models/${String(model.id)}/versions`, { name: "1" });
  const response = await fetch(`${base}/api/v1/versions/${String(version.id)}/schema`, {
    method: "PUT",
    headers: { "content-type": "application/json", ...testAdminHeaders },
    body: JSON.stringify({ columns: testColumns }),
  });
  expect(response.status).toBe(200);
  return String(version.id);
}

function toNdjson(batch: number): string {
  const lines: string[] = [];
  for (let row = 0; row < rowsPerBatch; row += 1) {
    lines.push(
      JSON.stringify({
        id: `b${batch}-${row}`,
        ts: new Date(1_700_000_000_000 + batch * 1000 + row).toISOString(),
        income: row,
        city: "x",
        score: 0.5,
      }),
    );
  }
  return lines.join("\n");
}

async function readAllEventIds(base: string, versionId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const response = await fetch(`${base}/api/v1/versions/${versionId}/events?limit=500&offset=${offset}`, {
      headers: testAdminHeaders,
    });
    const page = (await response.json()) as { items: { eventId: string }[] };
    ids.push(...page.items.map((item) => item.eventId));
    if (page.items.length < 500) return ids;
  }
}

afterAll(async () => {
  for (const child of children) child.child.kill("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

describe("ingest durability under SIGKILL", () => {
  it("keeps every acknowledged batch exactly once and never half a batch", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "sextant-crash-"));
    const flags = ["--data-dir", dataDir, "--port", "0", "--demo-enabled", "false", "--log-level", "silent"];
    const first = await spawnServer(flags);
    children.push(first);
    const versionId = await setUpVersion(first.url);
    const acknowledged = new Set<number>();
    let nextBatch = 0;
    let killed = false;
    const sender = async (): Promise<void> => {
      while (!killed) {
        const batch = nextBatch;
        nextBatch += 1;
        try {
          const response = await fetch(`${first.url}/api/v1/versions/${versionId}/predictions`, {
            method: "POST",
            headers: { "content-type": "application/x-ndjson", ...testAdminHeaders },
            body: toNdjson(batch),
          });
          if (response.ok) acknowledged.add(batch);
          else await response.arrayBuffer();
        } catch {
          return;
        }
      }
    };
    const sending = Array.from({ length: senders }, sender);
    await new Promise((resolve) => setTimeout(resolve, 400 + Math.random() * 1200));
    first.child.kill("SIGKILL");
    killed = true;
    await first.exited;
    await Promise.all(sending);
    expect(acknowledged.size).toBeGreaterThan(0);

    const second = await spawnServer(flags);
    children.push(second);
    const ids = await readAllEventIds(second.url, versionId);
    expect(new Set(ids).size).toBe(ids.length);
    const rowsPerStoredBatch = new Map<number, number>();
    for (const id of ids) {
      const batch = Number(id.slice(1, id.indexOf("-")));
      rowsPerStoredBatch.set(batch, (rowsPerStoredBatch.get(batch) ?? 0) + 1);
    }
    for (const batch of acknowledged) expect(rowsPerStoredBatch.get(batch)).toBe(rowsPerBatch);
    for (const count of rowsPerStoredBatch.values()) expect(count).toBe(rowsPerBatch);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
