/**
 * Overview render benchmark: a store with 100 models (3 monitors each, 30 days of hourly results per
 * monitor, a month of hourly predictions per model, open incidents on a tenth of them) served by a real
 * server; Debian's Chromium signs in and loads the overview page. Prints the time from navigation to every
 * model row rendered (median of several loads) and the API requests made. Prints figures; never fails on time.
 *
 *   npx tsx --conditions=source bench/web-overview.ts [--models 100] [--days 30] [--loads 5]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  createModelSchema,
  createMonitorSchema,
  createVersionSchema,
  createWorkspaceSchema,
  type ColumnSpec,
} from "@sextant/sdk";
import { pino } from "pino";
import { launchChromium } from "../e2e/chromium-session.js";
import { createServices } from "../packages/server/src/app/services.js";
import { configSchema } from "../packages/server/src/config/config-schema.js";
import { createRandomIdGenerator } from "../packages/server/src/registry/ids.js";
import { openDuckDbStore } from "../packages/server/src/storage/duckdb/duckdb-store.js";
import { spawnServer } from "../packages/server/src/testing/spawn-server.js";
import { testAdminApiKey } from "../packages/server/src/testing/test-app.js";

const hourMs = 3_600_000;
const password = "bench-admin-password-123";

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const columns: ColumnSpec[] = [
  { name: "id", role: "id", type: "string", nullable: false, description: "" },
  { name: "ts", role: "timestamp", type: "timestamp", nullable: false, description: "" },
  { name: "amount", role: "feature", type: "numeric", nullable: true, description: "" },
  { name: "region", role: "feature", type: "categorical", nullable: true, description: "" },
  { name: "score", role: "prediction_score", type: "numeric", nullable: false, description: "" },
  { name: "label", role: "target", type: "boolean", nullable: false, description: "" },
];

/** Builds the store: registry, events and monitors through the services, results with one bulk INSERT. */
async function seedStore(dir: string, models: number, days: number, endMs: number): Promise<void> {
  const path = join(dir, "sextant.duckdb");
  const store = await openDuckDbStore({ path, memoryLimit: "1GB", threads: 2 });
  const config = configSchema.parse({ dataDir: dir, demo: { enabled: false } });
  const clock = () => new Date(endMs);
  const services = createServices({
    store,
    logger: pino({ level: "silent" }),
    config,
    clock,
    ids: createRandomIdGenerator(),
  });
  const { registry, ingest, monitoring } = services;
  const workspaces = await Promise.all(
    ["risk", "marketing", "operations", "pricing"].map((slug) =>
      registry.createWorkspace(createWorkspaceSchema.parse({ slug, name: slug })),
    ),
  );
  const hours = days * 24;
  const startMs = endMs - hours * hourMs;
  for (let m = 0; m < models; m += 1) {
    const model = await registry.createModel(
      workspaces[m % workspaces.length]!.id,
      createModelSchema.parse({
        name: `model-${String(m).padStart(3, "0")}`,
        task: "binary",
        owner: { kind: "team", name: `team-${m % 7}`, email: `team${m % 7}@example.com` },
        tags: [`tag-${m % 5}`],
      }),
    );
    const version = await registry.createVersion(
      model.id,
      createVersionSchema.parse({ name: "1", stage: "production" }),
    );
    await registry.saveSchema(version.id, columns);
    const rows = Array.from({ length: hours }, (_, h) => ({
      id: `e${h}`,
      ts: new Date(startMs + h * hourMs).toISOString(),
      amount: (h * 37) % 1000,
      region: ["north", "south", "east"][h % 3],
      score: (h % 10) / 10,
      label: h % 3 === 0,
    }));
    const predictions = await ingest.validateRows({
      columns,
      target: { kind: "predictions", versionId: version.id },
      rows,
    });
    await store.writeEventBatches([predictions.batch]);
    const common = {
      versionId: version.id,
      window: { kind: "hourly" as const },
      baseline: { kind: "trailing" as const, windows: 24 },
      evaluateFrom: new Date(startMs).toISOString(),
    };
    for (const column of ["amount", "region", "score"]) {
      const monitor = await monitoring.monitors.create(
        model.id,
        createMonitorSchema.parse({
          ...common,
          name: `drift ${column}`,
          kind: column === "score" ? "prediction_drift" : "data_drift",
          metric: "psi",
          columns: column === "score" ? [] : [column],
          condition: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.25 },
        }),
      );
      const firing = m % 10 === 0 && column === "amount";
      const planner = await monitoring.incidents.prepareChanges({
        modelId: model.id,
        monitorId: monitor.id,
        channelIds: [],
        violations: firing
          ? [
              {
                modelId: model.id,
                segment: null,
                monitorId: monitor.id,
                windowStartMs: endMs - hourMs,
                severity: "critical",
                monitorName: monitor.name,
                value: 0.4,
                channelIds: [],
              },
            ]
          : [],
        recoveries: [],
        at: new Date(endMs),
      });
      await store.commitEvaluation({
        planner,
        states: [
          {
            monitorId: monitor.id,
            segment: null,
            detectorState: null,
            state: {
              status: firing ? "firing" : "ok",
              consecutiveViolations: firing ? 3 : 0,
              severity: firing ? "critical" : null,
              isAlertOpen: firing,
              sinceMs: endMs - 3 * hourMs,
              evaluatedAtMs: endMs,
              firedAtMs: firing ? endMs - 3 * hourMs : null,
              detail: null,
            },
          },
        ],
        results: [],
        run: {
          monitorId: monitor.id,
          lastRunAt: new Date(endMs),
          lastError: null,
          evaluatedUntil: new Date(endMs),
          seenReceivedUntil: new Date(endMs),
        },
      });
    }
  }
  await store.close();
  // 30 days of hourly results per monitor in one statement (the runner's per-row upserts would take minutes).
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(`INSERT INTO monitor_results
    SELECT m.id, m.model_id, '', to_timestamp(${startMs / 1000} + h * 3600)::TIMESTAMP,
      to_timestamp(${startMs / 1000} + (h + 1) * 3600)::TIMESTAMP, (hash(m.id, h) % 1000) / 10000.0,
      60, 'none', 'ok', NULL, '{}', to_timestamp(${endMs / 1000})::TIMESTAMP
    FROM monitors m, range(${hours}) r(h)`);
  const count = await connection.runAndReadAll("SELECT count(*) AS n FROM monitor_results");
  console.log(`results stored: ${String(count.getRowObjects()[0]?.n)}`);
  connection.closeSync();
  instance.closeSync();
}

const models = readFlag("models", 100);
const days = readFlag("days", 30);
const loads = readFlag("loads", 5);
const dir = await mkdtemp(join(tmpdir(), "sextant-bench-overview-"));
const endMs = Math.floor(Date.now() / hourMs) * hourMs;
const seedStartedMs = Date.now();
await seedStore(dir, models, days, endMs);
console.log(
  `seeded ${models} models × 3 monitors × ${days * 24} hourly results in ${Date.now() - seedStartedMs} ms`,
);
process.env.SEXTANT_ADMIN_PASSWORD = password;
const server = await spawnServer(["--data-dir", dir, "--port", "0", "--demo-enabled", "false"]);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.fill("#username", "admin");
  await page.fill("#password", password);
  await page.click("button[type=submit]");
  await page.locator("tr[data-model]").first().waitFor({ timeout: 60_000 });
  let requests = 0;
  page.on("request", (request) => {
    if (request.url().includes("/api/")) requests += 1;
  });
  const apiStartedMs = Date.now();
  const response = await fetch(`${server.url}/api/v1/overview`, {
    headers: { authorization: `Bearer ${testAdminApiKey}` },
  });
  const body = await response.text();
  console.log(`GET /overview alone: ${Date.now() - apiStartedMs} ms, ${body.length} bytes`);
  const timings: number[] = [];
  for (let load = 0; load < loads; load += 1) {
    requests = 0;
    const startedMs = Date.now();
    await page.goto(server.url);
    await page.waitForFunction(`document.querySelectorAll("tr[data-model]").length >= ${models}`, undefined, {
      timeout: 120_000,
      polling: 10,
    });
    timings.push(Date.now() - startedMs);
    console.log(`load ${load + 1}: ${timings.at(-1)} ms, ${requests} API requests`);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(
    `overview with ${models} models rendered in ${sorted[Math.floor(sorted.length / 2)]} ms (median of ${loads}; min ${sorted[0]} ms, max ${sorted.at(-1)} ms)`,
  );
} finally {
  await browser.close();
  server.child.kill("SIGTERM");
  await server.exited;
  await rm(dir, { recursive: true, force: true });
}
