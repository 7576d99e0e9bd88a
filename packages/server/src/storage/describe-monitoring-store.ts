/**
 * MonitoringStore conformance cases, written against the port only; describeStore runs them for every
 * adapter (DuckDB and PostgreSQL). Gather reads are covered by the runner and cross-backend tests.
 */
import type { AlertState } from "@sextant/core";
import { describe, expect, it } from "vitest";
import type {
  ChannelRecord,
  DeliveryRecord,
  IncidentRecord,
  MonitorRecord,
  MonitorResultRecord,
  PolicyRecord,
} from "../monitoring/monitoring-records.js";
import { fixedNow } from "../testing/record-fixtures.js";
import { describeEvaluationCommit } from "./describe-evaluation-commit.js";
import { describeMonitoringSignals } from "./describe-monitoring-signals.js";
import type { Store } from "./store.js";

const page = { limit: 50, offset: 0 };
const bySegment = (a: { segment: string | null }, b: { segment: string | null }): number =>
  (a.segment ?? "").localeCompare(b.segment ?? "");
const hour = 3_600_000;
const at = (hours: number): Date => new Date(fixedNow.getTime() + hours * hour);
const modelId = "mdl_test000000000001";

function buildMonitor(n: number, overrides: Partial<MonitorRecord> = {}): MonitorRecord {
  return {
    id: `mon_test${String(n).padStart(12, "0")}`,
    modelId,
    versionId: "ver_test000000000001",
    name: `monitor ${n}`,
    description: "",
    kind: "data_drift",
    metric: "psi",
    columns: ["income"],
    params: { method: "psi" },
    window: { kind: "hourly" },
    baseline: { kind: "range", from: at(-48), to: at(-24) },
    scope: { kind: "all" },
    condition: { kind: "fixed", direction: "lower_is_better", warning: 0.1 },
    forWindows: 1,
    minSampleSize: 30,
    delayMs: 0,
    channelIds: [],
    enabled: true,
    labels: {},
    createdAt: at(n),
    updatedAt: at(n),
    ...overrides,
  };
}

const state: AlertState = {
  status: "firing",
  consecutiveViolations: 2,
  severity: "warning",
  isAlertOpen: true,
  sinceMs: at(1).getTime(),
  evaluatedAtMs: at(2).getTime(),
  firedAtMs: at(2).getTime(),
  detail: null,
};

function buildResult(
  monitorId: string,
  hours: number,
  segment: string | null,
  value: number,
): MonitorResultRecord {
  return {
    monitorId,
    modelId,
    segment,
    windowStart: at(hours),
    windowEnd: at(hours + 1),
    value,
    sampleSize: 100,
    severity: value > 0.1 ? "warning" : "none",
    status: value > 0.1 ? "firing" : "ok",
    detail: null,
    evidence: { method: "psi", columns: { income: value } },
    evaluatedAt: at(hours + 1),
  };
}

function buildIncident(n: number, status: "open" | "resolved"): IncidentRecord {
  const id = `inc_test${String(n).padStart(12, "0")}`;
  return {
    id,
    title: `incident ${n}`,
    incident: {
      id,
      modelId,
      segment: null,
      status,
      severity: "warning",
      openedAtMs: at(n).getTime(),
      acknowledgedAtMs: null,
      resolvedAtMs: status === "resolved" ? at(n + 1).getTime() : null,
      snoozedUntilMs: null,
      lastWindowStartMs: at(n).getTime(),
      causes: [{ monitorId: "mon_x", windowStartMs: at(n).getTime(), severity: "warning", recordedAtMs: 1 }],
      notifications: [],
    },
    timeline: [{ at: at(n), kind: "opened", monitorId: "mon_x", detail: "opened" }],
    updatedAt: at(n),
  };
}

function buildChannel(n: number): ChannelRecord {
  return {
    id: `chn_test${String(n).padStart(12, "0")}`,
    name: `channel ${n}`,
    workspaceId: null,
    minSeverity: "warning",
    config: { kind: "webhook", url: "https://hooks.example.com/x", secret: "0123456789" },
    createdAt: at(n),
  };
}

function buildDelivery(
  n: number,
  status: DeliveryRecord["status"],
  nextAttemptAt: Date | null,
): DeliveryRecord {
  return {
    id: `dlv_test${String(n).padStart(12, "0")}`,
    channelId: buildChannel(1).id,
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
      at: at(n),
    },
    status,
    attempts: 1,
    lastError: status === "delivered" ? null : "HTTP 500",
    nextAttemptAt,
    createdAt: at(n),
  };
}

/** Registers the monitoring conformance cases against the store the getter returns. */
export function describeMonitoringStore(getStore: () => Store): void {
  describeMonitoringSignals(getStore);
  describeEvaluationCommit(getStore);
  describe("monitoring", () => {
    it("saves, finds, lists and deletes monitors (with their states and results)", async () => {
      const store = getStore();
      const monitor = buildMonitor(1);
      await store.saveMonitor(monitor);
      await store.saveMonitor(buildMonitor(2, { modelId: "mdl_test000000000002" }));
      expect(await store.findMonitor(monitor.id)).toEqual(monitor);
      // evaluateFrom (backfill start) must come back as a Date from every adapter.
      const updated = { ...monitor, name: "renamed", evaluateFrom: at(-48), updatedAt: at(5) };
      await store.saveMonitor(updated);
      expect(await store.findMonitor(monitor.id)).toEqual(updated);
      expect((await store.listMonitors({ ...page, modelId })).items.map((m) => m.id)).toEqual([monitor.id]);
      expect((await store.listMonitors(page)).total).toBe(2);
      await store.saveEvaluation({
        states: [{ monitorId: monitor.id, segment: null, state, detectorState: { sum: 1.5 } }],
        results: [buildResult(monitor.id, 0, null, 0.2)],
        run: {
          monitorId: monitor.id,
          lastRunAt: at(2),
          lastError: null,
          evaluatedUntil: at(1),
          seenReceivedUntil: at(2),
        },
      });
      await store.deleteMonitor(monitor.id);
      expect(await store.findMonitor(monitor.id)).toBeUndefined();
      expect(await store.listMonitorStates(monitor.id)).toEqual([]);
      expect((await store.listMonitorResults({ ...page, monitorId: monitor.id })).total).toBe(0);
    });

    it("stores evaluations: states per scope, results upserted by window, run bookkeeping", async () => {
      const store = getStore();
      const id = buildMonitor(1).id;
      const run = {
        monitorId: id,
        lastRunAt: at(3),
        lastError: null,
        evaluatedUntil: at(2),
        seenReceivedUntil: at(3),
      };
      await store.saveEvaluation({
        states: [
          { monitorId: id, segment: null, state, detectorState: null },
          { monitorId: id, segment: "EU", state: { ...state, status: "ok" }, detectorState: { n: 3 } },
        ],
        results: [
          buildResult(id, 1, null, 0.05),
          buildResult(id, 0, null, 0.2),
          buildResult(id, 0, "EU", 0.01),
        ],
        run,
      });
      expect(await store.loadMonitorRun(id)).toEqual(run);
      const states = await store.listMonitorStates(id);
      expect(states.sort(bySegment).map((s) => [s.segment, s.state.status, s.detectorState])).toEqual([
        [null, "firing", null],
        ["EU", "ok", { n: 3 }],
      ]);
      // Re-evaluating window 0 (late data) replaces its result instead of adding one.
      await store.saveEvaluation({
        states: [],
        results: [buildResult(id, 0, null, 0.3)],
        run: { ...run, lastError: "boom" },
      });
      const all = await store.listMonitorResults({ ...page, monitorId: id, segment: "" });
      expect(all.items.map((r) => [r.windowStart.toISOString(), r.value])).toEqual([
        [at(0).toISOString(), 0.3],
        [at(1).toISOString(), 0.05],
      ]);
      expect(all.items[0]?.evidence).toEqual({ method: "psi", columns: { income: 0.3 } });
      expect((await store.listMonitorResults({ ...page, monitorId: id, segment: "EU" })).total).toBe(1);
      const ranged = await store.listMonitorResults({ ...page, monitorId: id, from: at(1), to: at(2) });
      expect(ranged.items.map((r) => r.value)).toEqual([0.05]);
      expect((await store.loadMonitorRun(id))?.lastError).toBe("boom");
      const latest = await store.listLatestMonitorResults();
      expect(latest.sort(bySegment).map((r) => [r.segment, r.value])).toEqual([
        [null, 0.05],
        ["EU", 0.01],
      ]);
    });

    it("saves, finds and lists incidents by model and status", async () => {
      const store = getStore();
      await store.saveIncident(buildIncident(1, "open"));
      await store.saveIncident(buildIncident(2, "resolved"));
      expect(await store.findIncident(buildIncident(1, "open").id)).toEqual(buildIncident(1, "open"));
      const open = await store.listIncidents({ ...page, status: "open" });
      expect(open.items.map((i) => i.id)).toEqual([buildIncident(1, "open").id]);
      expect((await store.listIncidents({ ...page, modelId })).total).toBe(2);
      expect((await store.listIncidents({ ...page, modelId: "mdl_other" })).total).toBe(0);
      await store.saveIncident(buildIncident(1, "resolved"));
      expect((await store.listIncidents({ ...page, status: "open" })).total).toBe(0);
    });

    it("stores channels, deliveries (due ones first) and policies", async () => {
      const store = getStore();
      await store.insertChannel(buildChannel(1));
      expect(await store.findChannel(buildChannel(1).id)).toEqual(buildChannel(1));
      expect((await store.listChannels(page)).total).toBe(1);
      await store.deleteChannel(buildChannel(1).id);
      expect(await store.findChannel(buildChannel(1).id)).toBeUndefined();

      await store.saveDelivery(buildDelivery(2, "pending", at(5)));
      await store.saveDelivery(buildDelivery(1, "pending", at(3)));
      await store.saveDelivery(buildDelivery(3, "dead", null));
      await store.saveDelivery(buildDelivery(4, "delivered", null));
      expect((await store.listDueDeliveries(at(4), 10)).map((d) => d.id)).toEqual([
        buildDelivery(1, "pending", null).id,
      ]);
      expect((await store.listDueDeliveries(at(6), 10)).length).toBe(2);
      expect((await store.listDeliveries({ ...page, status: "dead" })).items).toEqual([
        buildDelivery(3, "dead", null),
      ]);
      await store.saveDelivery({ ...buildDelivery(1, "delivered", null), attempts: 2 });
      expect((await store.listDueDeliveries(at(6), 10)).map((d) => d.id)).toEqual([
        buildDelivery(2, "pending", null).id,
      ]);

      const policy: PolicyRecord = {
        id: "pol_test000000000001",
        name: "production",
        selector: { stage: "production", tags: ["credit"] },
        requireOwner: true,
        templates: [{ name: "f1", kind: "performance", metric: "f1" }],
        createdAt: at(1),
      };
      await store.insertPolicy(policy);
      expect(await store.findPolicy(policy.id)).toEqual(policy);
      expect((await store.listPolicies(page)).items).toEqual([policy]);
      await store.deletePolicy(policy.id);
      expect(await store.findPolicy(policy.id)).toBeUndefined();
    });
  });
}
