/**
 * Tamper evidence: entries are written through the real DuckDB store, then changed or deleted with
 * plain SQL on the file (as an attacker with file access would), and verification must notice.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDuckDbStore } from "../storage/duckdb/duckdb-store.js";
import { createAuditService } from "./audit-service.js";

let dir = "";
const path = (): string => join(dir, "sextant.duckdb");
const open = () => openDuckDbStore({ path: path(), memoryLimit: "256MB", threads: 1 });

async function writeEntries(count: number): Promise<void> {
  const store = await open();
  const audit = createAuditService(store);
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      audit.record({
        at: new Date(Date.UTC(2026, 0, 1, 0, index)),
        actorKind: "user",
        actorId: "usr_0000000001",
        actorName: "alice",
        action: index % 2 === 0 ? "updateModel" : "listEvents",
        outcome: "success",
        workspaceId: "ws_0000000001",
        targetId: `mdl_000000000${index}`,
        ip: "10.0.0.1",
        userAgent: "test",
        details: { index, nested: { b: 1, a: [1, 2] } },
      }),
    ),
  );
  await store.close();
}

async function tamper(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(path());
  const connection = await instance.connect();
  await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
}

async function verify() {
  const store = await open();
  try {
    return await createAuditService(store).verify();
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-audit-"));
  await writeEntries(6);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("audit chain verification", () => {
  it("accepts the untouched chain", async () => {
    expect(await verify()).toMatchObject({ valid: true, checkedEntries: 6, headSeq: 6, problems: [] });
  });

  it.each([
    ["a changed action", "UPDATE audit_log SET action = 'getModel' WHERE seq = 3", 3],
    ["a changed actor", "UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 2", 2],
    ["a changed time", "UPDATE audit_log SET occurred_at = occurred_at + INTERVAL 1 SECOND WHERE seq = 4", 4],
    ["changed details", `UPDATE audit_log SET details_json = '{"index":0}' WHERE seq = 1`, 1],
    ["a deleted middle row", "DELETE FROM audit_log WHERE seq = 3", 3],
    ["a deleted last row", "DELETE FROM audit_log WHERE seq = 6", 6],
    ["a deleted first row", "DELETE FROM audit_log WHERE seq = 1", 1],
  ])("detects %s", async (_label, sql, seq) => {
    await tamper(sql);
    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.problems.map((problem) => problem.seq)).toContain(seq);
  });

  it("detects a row rewritten with a recomputed hash through the next link", async () => {
    await tamper("UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 2");
    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.problems.map((problem) => problem.seq)).toEqual([2, 3]);
  });

  it("keeps chaining correctly after a restart", async () => {
    await writeEntries(3);
    expect(await verify()).toMatchObject({ valid: true, checkedEntries: 9, headSeq: 9 });
  });
});
