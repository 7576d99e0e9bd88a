/**
 * Conformance cases of `commitEvaluation`, the transactional outbox (decision 0015): the planner sees the
 * model's incidents and the states this commit wrote, its incidents and deliveries commit with the
 * evaluation, and a failing part (the plan itself, or the last write) rolls every part back.
 */
import type { AlertState } from "@sextant/core";
import { describe, expect, it } from "vitest";
import type {
  DeliveryRecord,
  IncidentRecord,
  MonitorRecord,
  MonitorResultRecord,
  MonitorRunRecord,
} from "../monitoring/monitoring-records.js";
import { fixedNow } from "../testing/record-fixtures.js";
import type { IncidentView, IncidentWritePlan } from "./monitoring-store.js";
import type { Store } from "./store.js";

const hour = 3_600_000;
const at = (hours: number): Date => new Date(fixedNow.getTime() + hours * hour);
const modelA = "mdl_commit0000000001";
const modelB = "mdl_commit0000000002";
const page = { limit: 50, offset: 0 };

function buildMonitor(n: number, modelId: string): MonitorRecord {
  return {
    id: `mon_commit${String(n).padStart(10, "0")}`,
    modelId,
    versionId: "ver_commit0000000001",
    name: `monitor ${n}`,
    description: "",
    kind: "data_drift",
    metric: "psi",
    columns: ["income"],
    params: {},
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
    createdAt: at(0),
    updatedAt: at(0),
  };
}

function buildState(firing: boolean): AlertState {
  return {
    status: firing ? "firing" : "ok",
    consecutiveViolations: firing ? 1 : 0,
    severity: firing ? "warning" : null,
    isAlertOpen: firing,
    sinceMs: at(1).getTime(),
    evaluatedAtMs: at(2).getTime(),
    firedAtMs: firing ? at(2).getTime() : null,
    detail: null,
  };
}

function buildResult(monitorId: string, hours: number): MonitorResultRecord {
  return {
    monitorId,
    modelId: modelA,
    segment: null,
    windowStart: at(hours),
    windowEnd: at(hours + 1),
    value: 0.3,
    sampleSize: 100,
    severity: "warning",
    status: "firing",
    detail: null,
    evidence: {},
    evaluatedAt: at(hours + 1),
  };
}

function buildIncident(n: number, modelId: string, openedHours: number, resolvedHours: number | null) {
  const id = `inc_commit${String(n).padStart(10, "0")}`;
  const record: IncidentRecord = {
    id,
    title: `incident ${n}`,
    incident: {
      id: `core-${n}`,
      modelId,
      segment: null,
      status: resolvedHours === null ? "open" : "resolved",
      severity: "warning",
      openedAtMs: at(openedHours).getTime(),
      acknowledgedAtMs: null,
      resolvedAtMs: resolvedHours === null ? null : at(resolvedHours).getTime(),
      snoozedUntilMs: null,
      lastWindowStartMs: at(openedHours).getTime(),
      causes: [],
      notifications: [],
    },
    timeline: [],
    updatedAt: at(openedHours),
  };
  return record;
}

function buildDelivery(n: number, incidentId: string, createdAt: Date): DeliveryRecord {
  return {
    id: `dlv_commit${String(n).padStart(10, "0")}`,
    channelId: "chn_commit0000000001",
    incidentId,
    message: {
      event: "fire",
      incidentId,
      title: "t",
      severity: "warning",
      modelId: modelA,
      modelName: null,
      segment: null,
      summary: "s",
      monitors: [],
      at: at(3),
    },
    status: "pending",
    attempts: 0,
    lastError: null,
    nextAttemptAt: at(3),
    createdAt,
  };
}

const monitor = buildMonitor(1, modelA);
const run = (hours: number): MonitorRunRecord => ({
  monitorId: monitor.id,
  lastRunAt: at(hours),
  lastError: null,
  evaluatedUntil: at(hours),
  seenReceivedUntil: at(hours),
});

/** Registers the commitEvaluation conformance cases against the store the getter returns. */
export function describeEvaluationCommit(getStore: () => Store): void {
  describe("commitEvaluation (transactional outbox)", () => {
    const seed = async (store: Store): Promise<void> => {
      await store.saveMonitor(monitor);
      await store.saveMonitor(buildMonitor(2, modelA));
      await store.saveMonitor(buildMonitor(3, modelB));
      for (const id of [buildMonitor(2, modelA).id, buildMonitor(3, modelB).id]) {
        await store.saveEvaluation({
          states: [{ monitorId: id, segment: null, state: buildState(true), detectorState: null }],
          results: [],
          run: { ...run(1), monitorId: id },
        });
      }
      await store.saveEvaluation({ states: [], results: [], run: run(1) });
      await store.saveIncident(buildIncident(1, modelA, 0, null));
      await store.saveIncident(buildIncident(2, modelA, -30, -20));
      await store.saveIncident(buildIncident(3, modelA, -2, -1));
      await store.saveIncident(buildIncident(4, modelB, 0, null));
    };
    const evaluation = {
      states: [{ monitorId: monitor.id, segment: null, state: buildState(true), detectorState: null }],
      results: [buildResult(monitor.id, 2)],
      run: run(3),
    };
    const expectNothingCommitted = async (store: Store): Promise<void> => {
      expect(await store.loadMonitorRun(monitor.id)).toEqual(run(1));
      expect(await store.listMonitorStates(monitor.id)).toEqual([]);
      expect((await store.listMonitorResults({ ...page, monitorId: monitor.id })).total).toBe(0);
      expect(await store.findIncident(buildIncident(1, modelA, 0, null).id)).toEqual(
        buildIncident(1, modelA, 0, null),
      );
      expect(await store.findIncident(buildIncident(5, modelA, 3, null).id)).toBeUndefined();
      expect((await store.listDeliveries(page)).total).toBe(0);
    };

    it("commits the evaluation with the incidents and deliveries planned from the view", async () => {
      const store = getStore();
      await seed(store);
      let seen: IncidentView | undefined;
      const opened = buildIncident(5, modelA, 3, null);
      const resolved = { ...buildIncident(1, modelA, 0, 3), title: "resolved now" };
      const delivery = buildDelivery(1, opened.id, at(3));
      const plan = { incidents: [opened, resolved], deliveries: [delivery], notifications: 1 };
      const returned = await store.commitEvaluation({
        ...evaluation,
        planner: {
          modelId: modelA,
          since: at(-6),
          plan: (view) => {
            seen = view;
            return plan;
          },
        },
      });
      expect(returned).toBe(plan);
      // Model A's unresolved and recently resolved incidents, newest first; not model B's, not old ones.
      expect(seen?.incidents.map((i) => i.id)).toEqual([
        buildIncident(1, modelA, 0, null).id,
        buildIncident(3, modelA, -2, -1).id,
      ]);
      // Every monitor state of the model, the one this commit wrote included.
      expect(seen?.states.map((s) => [s.monitorId, s.state.status]).sort()).toEqual(
        [
          [monitor.id, "firing"],
          [buildMonitor(2, modelA).id, "firing"],
        ].sort(),
      );
      expect(await store.loadMonitorRun(monitor.id)).toEqual(run(3));
      expect((await store.listMonitorResults({ ...page, monitorId: monitor.id })).total).toBe(1);
      expect(await store.findIncident(opened.id)).toEqual(opened);
      expect(await store.findIncident(resolved.id)).toEqual(resolved);
      expect((await store.listDueDeliveries(at(3), 10)).map((d) => d.id)).toEqual([delivery.id]);
    });

    it("rolls back the evaluation when the plan throws", async () => {
      const store = getStore();
      await seed(store);
      const failing = store.commitEvaluation({
        ...evaluation,
        planner: {
          modelId: modelA,
          since: at(-6),
          plan: (): IncidentWritePlan => {
            throw new Error("plan failed");
          },
        },
      });
      await expect(failing).rejects.toThrow("plan failed");
      await expectNothingCommitted(store);
    });

    it("rolls back every part when the database refuses the last row (a delivery)", async () => {
      const store = getStore();
      await seed(store);
      const opened = buildIncident(5, modelA, 3, null);
      // status is NOT NULL in both schemas: the database refuses the plan's last row.
      const broken = { ...buildDelivery(2, opened.id, at(3)), status: null as unknown as "pending" };
      const failing = store.commitEvaluation({
        ...evaluation,
        planner: {
          modelId: modelA,
          since: at(-6),
          plan: () => ({
            incidents: [opened, { ...buildIncident(1, modelA, 0, 3), title: "resolved now" }],
            deliveries: [buildDelivery(1, opened.id, at(3)), broken],
          }),
        },
      });
      await expect(failing).rejects.toThrow();
      await expectNothingCommitted(store);
    });

    it("changes one incident in a transaction: applied to the stored record, nothing written if it throws", async () => {
      const store = getStore();
      await seed(store);
      const id = buildIncident(1, modelA, 0, null).id;
      expect(await store.changeIncident("inc_commit9999999999", (record) => record)).toBeUndefined();
      const changed = await store.changeIncident(id, (record) => ({
        ...record,
        title: `${record.title} (acknowledged)`,
      }));
      expect(changed?.title).toBe("incident 1 (acknowledged)");
      expect((await store.findIncident(id))?.title).toBe("incident 1 (acknowledged)");
      // Two changes racing: each sees the other's result, none is lost.
      await Promise.all(
        ["a", "b"].map((mark) =>
          store.changeIncident(id, (record) => ({ ...record, title: `${record.title} ${mark}` })),
        ),
      );
      expect((await store.findIncident(id))?.title).toMatch(/^incident 1 \(acknowledged\) (a b|b a)$/);
      await expect(
        store.changeIncident(id, () => {
          throw new Error("refused");
        }),
      ).rejects.toThrow("refused");
      expect((await store.findIncident(id))?.title).toMatch(/^incident 1 \(acknowledged\) (a b|b a)$/);
    });
  });
}
