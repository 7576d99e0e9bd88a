import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryRecord } from "../../monitoring/monitoring-records.js";
import type { Store } from "../store.js";
import { LeaseLostError, type WorkLeases } from "../work-leases.js";
import { createPgWorkLeases } from "./pg-work-leases.js";
import { openPostgresStore } from "./postgres-store.js";
import { startPostgresTestServer, type PostgresTestServer } from "./testing/postgres-server.js";

let server: PostgresTestServer;
let schemaCounter = 0;

beforeAll(async () => {
  server = await startPostgresTestServer();
});
afterAll(async () => {
  await server.stop();
});

/** A fresh schema with a store and two processes' leases over it. */
async function openCase(): Promise<{
  store: Store;
  a: WorkLeases;
  b: WorkLeases;
  dispose: () => Promise<void>;
}> {
  const schema = `sx_lease_${process.pid}_${(schemaCounter += 1)}`;
  const store = await openPostgresStore({ url: server.url, schema, maxConnections: 4 });
  const a = createPgWorkLeases({ url: server.url, schema, holder: "a" });
  const b = createPgWorkLeases({ url: server.url, schema, holder: "b" });
  return {
    store,
    a,
    b,
    dispose: async () => {
      await Promise.all([a.close(), b.close()]);
      await store.close();
    },
  };
}

const round = new Date("2026-12-01T00:00:00Z");
const nextRound = new Date("2026-12-01T00:01:00Z");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function buildDelivery(n: number, nextAttemptAt: Date): DeliveryRecord {
  return {
    id: `dlv_${String(n).padStart(8, "0")}`,
    channelId: "chn_00000001",
    incidentId: null,
    message: {
      event: "test",
      incidentId: null,
      title: "t",
      severity: "warning",
      modelId: null,
      modelName: null,
      segment: null,
      summary: "s",
      monitors: [],
      at: nextAttemptAt,
    },
    status: "pending",
    attempts: 0,
    lastError: null,
    nextAttemptAt,
    createdAt: nextAttemptAt,
  };
}

describe("PostgreSQL work leases", () => {
  it("hands each key to one holder per round, and again in the next round", async () => {
    const { a, b, dispose } = await openCase();
    try {
      await a.registerKeys(["monitor:1", "monitor:2"]);
      await b.registerKeys(["monitor:2", "monitor:3"]);
      const claims = await Promise.all([
        a.claimNext({ round, ttlMs: 10_000 }),
        b.claimNext({ round, ttlMs: 10_000 }),
        a.claimNext({ round, ttlMs: 10_000 }),
      ]);
      expect(claims.map((lease) => lease?.key).sort()).toEqual(["monitor:1", "monitor:2", "monitor:3"]);
      expect(await b.claimNext({ round, ttlMs: 10_000 })).toBeNull();
      for (const lease of claims) await (lease!.token.startsWith("a:") ? a : b).release(lease!, round);
      expect(await a.claimNext({ round, ttlMs: 10_000 })).toBeNull();
      expect((await b.claimNext({ round: nextRound, ttlMs: 10_000 }))?.key).toBe("monitor:1");
    } finally {
      await dispose();
    }
  });

  it("lets another holder take an expired lease over and fences the stale holder's commits", async () => {
    const { store, a, b, dispose } = await openCase();
    try {
      await a.registerKeys(["monitor:m1"]);
      const stale = (await a.claimNext({ round, ttlMs: 300 }))!;
      expect(await b.claimNext({ round, ttlMs: 300 })).toBeNull();
      const run = {
        monitorId: "m1",
        lastRunAt: round,
        lastError: null,
        evaluatedUntil: round,
        seenReceivedUntil: round,
      };
      await store.saveMonitorRun(run, stale);
      await sleep(450);
      const fresh = (await b.claimNext({ round, ttlMs: 10_000 }))!;
      expect(fresh.key).toBe("monitor:m1");
      expect(fresh.token).not.toBe(stale.token);
      expect(await a.renew(stale, 10_000)).toBe(false);
      const later = { ...run, evaluatedUntil: nextRound };
      await expect(store.saveMonitorRun(later, stale)).rejects.toBeInstanceOf(LeaseLostError);
      await expect(
        store.saveEvaluation({ states: [], results: [], run: later, fence: stale }),
      ).rejects.toBeInstanceOf(LeaseLostError);
      expect((await store.loadMonitorRun("m1"))?.evaluatedUntil).toEqual(round);
      await store.saveEvaluation({ states: [], results: [], run: later, fence: fresh });
      expect((await store.loadMonitorRun("m1"))?.evaluatedUntil).toEqual(nextRound);
      expect(await b.renew(fresh, 10_000)).toBe(true);
    } finally {
      await dispose();
    }
  });

  it("claims each due delivery for one process only", async () => {
    const { store, a, b, dispose } = await openCase();
    try {
      for (let n = 1; n <= 5; n += 1) await store.saveDelivery(buildDelivery(n, round));
      const claimUntil = new Date(round.getTime() + 60_000);
      const [first, second] = await Promise.all([
        a.claimDueDeliveries({ at: round, limit: 3, claimUntil }),
        b.claimDueDeliveries({ at: round, limit: 3, claimUntil }),
      ]);
      const ids = [...first, ...second].map((delivery) => delivery.id);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
      expect(await a.claimDueDeliveries({ at: round, limit: 10, claimUntil })).toEqual([]);
      const again = await b.claimDueDeliveries({ at: claimUntil, limit: 10, claimUntil: nextRound });
      expect(again).toHaveLength(5);
    } finally {
      await dispose();
    }
  });

  it("has one leader at a time; leadership passes on when the leader's session ends", async () => {
    const { a, b, dispose } = await openCase();
    try {
      expect(await a.tryLead()).toBe(true);
      expect(await b.tryLead()).toBe(false);
      expect(await a.tryLead()).toBe(true);
      await a.close();
      expect(await b.tryLead()).toBe(true);
    } finally {
      await dispose();
    }
  });

  it("runs start-up sections of the same name one at a time across processes", async () => {
    const { a, b, dispose } = await openCase();
    try {
      const spans: [number, number][] = [];
      const section = async () => {
        const start = Date.now();
        await sleep(150);
        spans.push([start, Date.now()]);
      };
      await Promise.all([a.runExclusively("startup", section), b.runExclusively("startup", section)]);
      const [first, second] = spans.sort((x, y) => x[0] - y[0]);
      expect(second![0]).toBeGreaterThanOrEqual(first![1]);
    } finally {
      await dispose();
    }
  });
});
