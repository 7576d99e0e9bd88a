import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMonitorSchema, type FetchLike } from "@sextant/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMonitorsCommand, type MonitorsCommandIo } from "./monitors.js";

const modelId = "mdl_test000000000001";
const versionId = "ver_test000000000001";

/** A fake server holding monitors in memory, answering the four operations apply and export use. */
function createFakeServer() {
  const monitors = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  let next = 1;
  const fetch: FetchLike = (url, init) => {
    const path = new URL(url).pathname.replace("/api/v1", "");
    calls.push(`${init.method} ${path}`);
    const reply = (status: number, body?: unknown) =>
      Promise.resolve({
        status,
        headers: { get: () => null },
        text: () => Promise.resolve(body === undefined ? "" : JSON.stringify(body)),
      });
    const now = "2026-01-01T00:00:00.000Z";
    const view = (monitor: Record<string, unknown>) => ({
      ...monitor,
      health: "never_run",
      lastError: null,
      lastRunAt: null,
      evaluatedUntil: null,
      states: [],
      createdAt: now,
      updatedAt: now,
    });
    if (init.method === "GET" && path === "/models") {
      return reply(200, { items: [{ id: modelId }], page: { limit: 200, offset: 0, total: 1 } });
    }
    const list = /^\/models\/([^/]+)\/monitors$/.exec(path);
    if (list !== null && init.method === "GET") {
      const items = [...monitors.values()].filter((m) => m.modelId === list[1]).map(view);
      return reply(200, { items, page: { limit: 200, offset: 0, total: items.length } });
    }
    if (list !== null && init.method === "POST") {
      const id = `mon_test${String(next++).padStart(12, "0")}`;
      const body = createMonitorSchema.parse(JSON.parse(init.body ?? "{}"));
      monitors.set(id, { id, modelId: list[1], ...body });
      return reply(201, view(monitors.get(id) ?? {}));
    }
    const one = /^\/monitors\/([^/]+)$/.exec(path);
    if (one?.[1] !== undefined && init.method === "PATCH") {
      const merged = { ...monitors.get(one[1]), ...(JSON.parse(init.body ?? "{}") as object) };
      monitors.set(one[1], merged);
      return reply(200, view(merged));
    }
    if (one?.[1] !== undefined && init.method === "DELETE") {
      monitors.delete(one[1]);
      return reply(204);
    }
    return reply(404, { type: "x", title: "x", status: 404, detail: "no route", code: "ROUTE_NOT_FOUND" });
  };
  return { monitors, calls, fetch };
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-monitors-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], fetch?: FetchLike) {
  let stdout = "";
  let stderr = "";
  const io: MonitorsCommandIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    ...(fetch === undefined ? {} : { fetch }),
  };
  const code = await runMonitorsCommand(args, io);
  return { code, stdout, stderr };
}

const monitorYaml = (psiWarning: number, extra = "") => `apiVersion: sextant/v1
monitors:
  - model: ${modelId}
    name: income drift
    versionId: ${versionId}
    kind: data_drift
    metric: psi
    columns: [income]
    window: { kind: hourly }
    baseline: { kind: trailing, windows: 24 }
    condition: { kind: fixed, direction: lower_is_better, warning: ${psiWarning}, critical: 0.25 }
${extra}`;

describe("sextant monitors apply and export", () => {
  it("creates, is idempotent, prints an update diff on dry-run, applies it, prunes, and exports", async () => {
    const server = createFakeServer();
    const file = join(dir, "monitors.yaml");
    await writeFile(file, monitorYaml(0.1));
    const first = await run(["apply", "-f", file], server.fetch);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(`+ create ${modelId}/income drift`);
    expect(server.monitors.size).toBe(1);

    const again = await run(["apply", "-f", file], server.fetch);
    expect(again.stdout).toBe("no changes\n");
    expect(server.calls.filter((call) => !call.startsWith("GET"))).toHaveLength(1);

    await writeFile(file, monitorYaml(0.15));
    const dry = await run(["apply", "-f", file, "--dry-run"], server.fetch);
    expect(dry.stdout).toContain("~ update");
    expect(dry.stdout).toMatch(/condition: .*"warning":0\.1.* -> .*"warning":0\.15/);
    expect([...server.monitors.values()][0]?.condition).toMatchObject({ warning: 0.1 });
    await run(["apply", "-f", file], server.fetch);
    expect([...server.monitors.values()][0]?.condition).toMatchObject({ warning: 0.15 });

    const exported = await run(["export"], server.fetch);
    expect(exported.code).toBe(0);
    const exportFile = join(dir, "exported.yaml");
    await writeFile(exportFile, exported.stdout);
    expect((await run(["apply", "-f", exportFile], server.fetch)).stdout).toBe("no changes\n");

    // Prune acts on the file's models only: renaming replaces the old monitor.
    const renamed = monitorYaml(0.15).replace("income drift", "income drift v2");
    await writeFile(file, renamed);
    const pruned = await run(["apply", "-f", file, "--prune"], server.fetch);
    expect(pruned.stdout).toContain(`- delete ${modelId}/income drift (`);
    expect([...server.monitors.values()].map((m) => m.name)).toEqual(["income drift v2"]);
  });

  it("reports usage and input errors with their exit codes", async () => {
    expect((await run(["apply"])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
    expect((await run(["apply", "-f", join(dir, "missing.yaml")])).code).toBe(3);
    const bad = join(dir, "bad.yaml");
    await writeFile(bad, `monitors:\n  - model: ${modelId}\n    name: x\n`);
    const result = await run(["apply", "-f", bad]);
    expect(result).toMatchObject({ code: 3 });
    expect(result.stderr).toContain("monitors[0].");
  });

  it("applies embedding drift, type-error and schema-change monitors, and refuses unknown quality metrics", async () => {
    const server = createFakeServer();
    const file = join(dir, "signals.yaml");
    const entry = (name: string, kind: string, metric: string) => `  - model: ${modelId}
    name: ${name}
    versionId: ${versionId}
    kind: ${kind}
    metric: ${metric}
    window: { kind: hourly }
    baseline: { kind: trailing, windows: 1 }
    condition: { kind: fixed, direction: lower_is_better, warning: 0 }
`;
    await writeFile(
      file,
      `monitors:\n${entry("emb", "embedding_drift", "mmd")}${entry("types", "data_quality", "type_error_share")}${entry("schema", "data_quality", "schema_change")}`,
    );
    const applied = await run(["apply", "-f", file], server.fetch);
    expect(applied.code).toBe(0);
    expect([...server.monitors.values()].map((m) => m.metric)).toEqual([
      "mmd",
      "type_error_share",
      "schema_change",
    ]);
    await writeFile(file, `monitors:\n${entry("typo", "data_quality", "type_errors")}`);
    const refused = await run(["apply", "-f", file], server.fetch);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("monitors[0].metric: data_quality measures missing_share");
  });
});

describe("sextant monitors test", () => {
  it("passes when the replay matches and fails with the differing window otherwise", async () => {
    const tests = join(dir, "tests.yaml");
    await writeFile(
      tests,
      `tests:
  - name: fires after two violating windows and resolves
    condition: { kind: fixed, direction: lower_is_better, warning: 0.1, critical: 0.25 }
    forWindows: 2
    series: "0.05 0.3x2 0.02 _"
    expect:
      - { window: 0, status: ok, severity: none }
      - { window: 1, status: pending, severity: critical }
      - { window: 2, status: firing, notify: fire }
      - { window: 3, status: resolved, notify: resolve }
      - { window: 4, status: no_data }
  - name: relative to the baseline
    condition: { kind: relative, direction: higher_is_better, warningPercent: 10 }
    baseline: { value: 0.8 }
    series: [0.79, 0.7]
    expect:
      - { window: 0, severity: none }
      - { window: 1, severity: warning }
`,
    );
    const passed = await run(["test", "-f", tests]);
    expect(passed.stdout).toContain("2 passed, 0 failed");
    expect(passed.code).toBe(0);

    const failing = join(dir, "failing.yaml");
    await writeFile(
      failing,
      `tests:
  - name: wrong expectation
    condition: { kind: fixed, direction: lower_is_better, warning: 0.1 }
    series: [0.3]
    expect: [{ window: 0, status: ok }]
`,
    );
    const failed = await run(["test", "-f", failing]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("window 0: expected status ok, got firing");
  });
});
