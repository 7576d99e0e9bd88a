/**
 * PostgreSQL-only guarantees of commitEvaluation (decision 0015): the lease fence is checked inside the
 * same transaction (a stale holder commits nothing, incidents and deliveries included), and the incident
 * view is read under a per-model transaction lock, so a second process planning the same model waits and
 * then sees the incident the first one opened.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { IncidentRecord, MonitorRunRecord } from "../../monitoring/monitoring-records.js";
import type { IncidentView, IncidentWritePlan } from "../monitoring-store.js";
import { LeaseLostError } from "../work-leases.js";
import { incidentLockClass } from "./evaluation-commit.js";
import { createPgWorkLeases } from "./pg-work-leases.js";
import { openPostgresStore } from "./postgres-store.js";
import { startPostgresTestServer, type PostgresTestServer } from "./testing/postgres-server.js";

let server: PostgresTestServer;
beforeAll(async () => {
  server = await startPostgresTestServer();
});
afterAll(async () => {
  await server.stop();
});

const at = new Date("2026-12-01T00:00:00Z");
const modelId = "mdl_lock000000000001";
const run: MonitorRunRecord = {
  monitorId: "mon_lock000000000001",
  lastRunAt: at,
  lastError: null,
  evaluatedUntil: at,
  seenReceivedUntil: at,
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function buildIncident(id: string): IncidentRecord {
  return {
    id,
    title: id,
    incident: {
      id: `core-${id}`,
      modelId,
      segment: null,
      status: "open",
      severity: "warning",
      openedAtMs: at.getTime(),
      acknowledgedAtMs: null,
      resolvedAtMs: null,
      snoozedUntilMs: null,
      lastWindowStartMs: at.getTime(),
      causes: [],
      notifications: [],
    },
    timeline: [],
    updatedAt: at,
  };
}

/** Opens an incident only when the view has none (what grouping does for a first violation). */
const openFirst =
  (id: string, views: IncidentView[]) =>
  (view: IncidentView): IncidentWritePlan => {
    views.push(view);
    return { incidents: view.incidents.length === 0 ? [buildIncident(id)] : [], deliveries: [] };
  };

it("refuses a stale holder's commit, incidents included, inside the same transaction", async () => {
  const schema = `sx_commit_fence_${process.pid}`;
  const store = await openPostgresStore({ url: server.url, schema, maxConnections: 4 });
  const leases = createPgWorkLeases({ url: server.url, schema, holder: "a" });
  try {
    await leases.registerKeys(["model:m"]);
    const lease = (await leases.claimNext({ round: at, ttlMs: 10_000 }))!;
    await leases.release(lease, null);
    const taken = (await leases.claimNext({ round: at, ttlMs: 10_000 }))!;
    const views: IncidentView[] = [];
    const planner = { modelId, since: at, plan: openFirst("inc_stale", views) };
    await expect(
      store.commitEvaluation({ states: [], results: [], run, fence: lease, planner }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(views).toHaveLength(0);
    expect(await store.loadMonitorRun(run.monitorId)).toBeUndefined();
    expect((await store.listIncidents({ limit: 10, offset: 0 })).total).toBe(0);
    await store.commitEvaluation({ states: [], results: [], run, fence: taken, planner });
    expect((await store.listIncidents({ limit: 10, offset: 0 })).items.map((i) => i.id)).toEqual([
      "inc_stale",
    ]);
  } finally {
    await leases.close();
    await store.close();
  }
});

it("makes a second planner of the same model wait for the first and read its incident", async () => {
  const schema = `sx_commit_lock_${process.pid}`;
  const store = await openPostgresStore({ url: server.url, schema, maxConnections: 4 });
  const other = new pg.Client({ connectionString: server.url, options: `-c search_path=${schema}` });
  await other.connect();
  try {
    // Another process is between its view and its commit: it holds the model's lock and has written
    // an incident that is not committed yet.
    await other.query("BEGIN");
    await other.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [incidentLockClass, modelId]);
    await other.query(
      `INSERT INTO incidents (id, model_id, status, opened_at, resolved_at, record_json, created_at)
       VALUES ($1, $2, 'open', $3, NULL, $4, $3)`,
      ["inc_first", modelId, at, JSON.stringify(buildIncident("inc_first"))],
    );
    const views: IncidentView[] = [];
    let settled = false;
    const second = store
      .commitEvaluation({
        states: [],
        results: [],
        run,
        planner: { modelId, since: at, plan: openFirst("inc_second", views) },
      })
      .finally(() => {
        settled = true;
      });
    await sleep(300);
    expect(settled).toBe(false);
    expect(views).toHaveLength(0);
    await other.query("COMMIT");
    await second;
    expect(views.map((view) => view.incidents.map((i) => i.id))).toEqual([["inc_first"]]);
    expect((await store.listIncidents({ limit: 10, offset: 0 })).items.map((i) => i.id)).toEqual([
      "inc_first",
    ]);
  } finally {
    await other.end();
    await store.close();
  }
});
