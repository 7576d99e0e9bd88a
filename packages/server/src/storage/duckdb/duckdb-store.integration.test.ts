import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeStore } from "../describe-store.js";
import type { Store } from "../store.js";
import { openDuckDbStore, StoreLockedError } from "./duckdb-store.js";

const options = { memoryLimit: "256MB", threads: 1 };

describeStore("duckdb", async () => {
  const dir = await mkdtemp(join(tmpdir(), "sextant-store-"));
  const path = join(dir, "test.duckdb");
  let current: Store = await openDuckDbStore({ path, ...options });
  return {
    store: current,
    async reopen() {
      await current.close();
      current = await openDuckDbStore({ path, ...options });
      return current;
    },
    async dispose() {
      await current.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe("DuckDB store specifics", () => {
  it("applies migrations once and refuses a second process on the same file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sextant-lock-"));
    const path = join(dir, "test.duckdb");
    const first = await openDuckDbStore({ path, ...options });
    await first.close();
    const again = await openDuckDbStore({ path, ...options });
    await again.ping();
    const { execFileSync } = await import("node:child_process");
    const script = `import("@duckdb/node-api").then(async ({ DuckDBInstance }) => { try { await DuckDBInstance.create(${JSON.stringify(path)}); console.log("opened"); } catch (e) { console.log(/lock/i.test(e.message) ? "locked" : e.message); } })`;
    expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()).toBe("locked");
    await again.close();
    expect(new StoreLockedError(path, null).message).toContain("in use");
    await rm(dir, { recursive: true, force: true });
  });
});
