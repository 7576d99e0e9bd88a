/**
 * Issue 9's done-when: two worker processes (real children, role worker) over one PostgreSQL database
 * with a file clock evaluate every due window exactly once and send one notification per incident event,
 * also after the worker holding a model's lease is killed with SIGKILL mid-lease (blocked on a webhook the
 * receiver never answers): the other takes the model over after the lease expires.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPostgresStore } from "../storage/postgres/postgres-store.js";
import {
  startPostgresTestServer,
  type PostgresTestServer,
} from "../storage/postgres/testing/postgres-server.js";
import type { Store } from "../storage/store.js";
import { saveFileClockTime } from "../testing/file-clock.js";
import { spawnServer, type ServerProcess } from "../testing/spawn-server.js";
import { seedMultiWorkerModels, startWebhookReceiver } from "../testing/multi-worker-fixture.js";

const hourMs = 3_600_000;
const startMs = Date.parse("2026-11-20T00:00:00Z");
const leaseTtlMs = 1500;

let server: PostgresTestServer;
let store: Store;
let sql: pg.Client;
let dir: string;

beforeAll(async () => {
  server = await startPostgresTestServer();
  store = await openPostgresStore({ url: server.url, maxConnections: 4 });
  sql = new pg.Client({ connectionString: server.url });
  await sql.connect();
  dir = await mkdtemp(join(tmpdir(), "sextant-workers-"));
});
afterAll(async () => {
  await sql.end();
  await store.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function countResults(): Promise<number> {
  const rows = (await sql.query<{ n: string }>("SELECT count(*) AS n FROM monitor_results")).rows;
  return Number(rows[0]?.n);
}

it("evaluates every due window exactly once with two workers, also after one is killed mid-lease", async () => {
  const receiver = await startWebhookReceiver();
  const clockFile = join(dir, "clock");
  saveFileClockTime(clockFile, new Date(startMs));
  const monitorIds = await seedMultiWorkerModels({
    store,
    postgresUrl: server.url,
    webhookUrl: receiver.url,
    startMs,
    hours: 6,
    models: 2,
  });
  const spawnWorker = (n: number): Promise<ServerProcess> =>
    spawnServer([
      "--test-clock-file",
      clockFile,
      ...["--store", "postgres", "--postgres-url", server.url, "--role", "worker", "--port", "0"],
      ...["--data-dir", join(dir, `w${n}`), "--demo-enabled", "false", "--log-level", "warn"],
      ...["--monitoring-scheduler-interval-ms", "150", "--monitoring-lease-ttl-ms", String(leaseTtlMs)],
      ...["--monitoring-outbound-allow-list", "127.0.0.1"],
    ]);
  const workers = await Promise.all([spawnWorker(1), spawnWorker(2)]);
  try {
    // Phase 1: three hourly windows close. The first notification is held unanswered, so the worker
    // that sends it hangs inside its model's lease; it is killed there.
    const held = receiver.holdNext();
    saveFileClockTime(clockFile, new Date(startMs + 3 * hourMs));
    const hook = await held;
    const heldMonitor = hook.body.monitors[0]!.id;
    const modelRow = await sql.query<{ model_id: string }>("SELECT model_id FROM monitors WHERE id = $1", [
      heldMonitor,
    ]);
    const leaseKey = `model:${modelRow.rows[0]!.model_id}`;
    const lease = await sql.query<{ holder: string; live: boolean }>(
      "SELECT holder, expires_at > clock_timestamp() AS live FROM work_leases WHERE lease_key = $1",
      [leaseKey],
    );
    expect(lease.rows[0]?.live).toBe(true);
    const holderPid = Number(lease.rows[0]!.holder.split(":")[1]);
    const victim = workers.find((worker) => worker.child.pid === holderPid)!;
    const survivor = workers.find((worker) => worker !== victim)!;
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBe("SIGKILL");

    // The survivor takes the model over once the lease expired and finishes the three windows; moving
    // the clock past the in-flight claim lets it retry the unanswered notification.
    await waitFor("phase 1 results", async () => ((await countResults()) === 4 * 3 ? true : undefined));
    saveFileClockTime(clockFile, new Date(startMs + 3 * hourMs + 2 * 60_000));
    await waitFor("the retried notification", () =>
      Promise.resolve(
        receiver.received.some((r) => r.answered && r.body.incidentId === hook.body.incidentId)
          ? true
          : undefined,
      ),
    );

    // Phase 2: three more windows, all evaluated by the survivor.
    saveFileClockTime(clockFile, new Date(startMs + 6 * hourMs));
    await waitFor("phase 2 results", async () => ((await countResults()) === 4 * 6 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 3 * 150));

    const results = await sql.query<{ monitor_id: string; windows: number; writes: number }>(
      `SELECT monitor_id, count(*)::int AS windows, sum(write_count)::int AS writes FROM monitor_results
       GROUP BY monitor_id ORDER BY monitor_id`,
    );
    expect(results.rows).toEqual(
      [...monitorIds].sort().map((id) => ({ monitor_id: id, windows: 6, writes: 6 })),
    );
    const taken = await sql.query<{ holder: string }>("SELECT holder FROM work_leases WHERE lease_key = $1", [
      leaseKey,
    ]);
    expect(Number(taken.rows[0]!.holder.split(":")[1])).toBe(survivor.child.pid);

    const incidents = await sql.query<{ id: string }>("SELECT id FROM incidents ORDER BY id");
    expect(incidents.rows.length).toBeGreaterThanOrEqual(1);
    const answered = receiver.received
      .filter((r) => r.answered)
      .map((r) => `${r.body.incidentId} ${r.body.event}`);
    expect(new Set(answered).size).toBe(answered.length);
    const fired = answered.filter((entry) => entry.endsWith(" fire")).map((entry) => entry.split(" ")[0]);
    expect(fired.sort()).toEqual(incidents.rows.map((row) => row.id));
    const dead = await sql.query("SELECT 1 FROM deliveries WHERE status <> 'delivered'");
    expect(dead.rowCount).toBe(0);
    expect(survivor.child.exitCode).toBeNull();
  } finally {
    for (const worker of workers) worker.child.kill("SIGKILL");
    await Promise.all(workers.map((worker) => worker.exited));
    await receiver.close();
  }
}, 90_000);
