/**
 * Crash test: NDJSON batches stream into a server child process that is killed with SIGKILL at a
 * random moment; after a restart every acknowledged batch must be present exactly once, no batch
 * may be half-stored, and the audit entries account for exactly the stored rows. `bench/ingest-crash.ts` runs the same round at a larger scale.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCrashRound } from "../testing/crash-round.js";
import type { ServerProcess } from "../testing/spawn-server.js";

let dataDir = "";
const children: ServerProcess[] = [];

afterAll(async () => {
  for (const child of children) child.child.kill("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

describe("ingest durability under SIGKILL", () => {
  it("keeps every acknowledged batch exactly once and never half a batch", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "sextant-crash-"));
    const outcome = await runCrashRound({
      dataDir,
      rowsPerBatch: 200,
      senders: 4,
      killAfterMs: 400 + Math.random() * 1200,
      onChild: (child) => children.push(child),
    });
    expect(outcome.acknowledgedBatches).toBeGreaterThan(0);
    expect(outcome.duplicateIds).toBe(0);
    expect(outcome.lostAcknowledgedBatches).toEqual([]);
    expect(outcome.partialBatches).toEqual([]);
    expect(outcome.storedRows).toBeGreaterThanOrEqual(outcome.acknowledgedRows);
    // Each stored batch committed together with its audit entry: no batch without one, none without its batch.
    expect(outcome.auditedRows).toBe(outcome.storedRows);
    expect(outcome.auditChainValid).toBe(true);
  });
});
