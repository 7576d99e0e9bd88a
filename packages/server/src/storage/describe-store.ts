/**
 * The Store conformance suite, written against the port only: every adapter runs it with its own
 * factory (`describeStore("duckdb", ...)`, later `describeStore("postgres", ...)`).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deriveEventLayout } from "../registry/schema-layout.js";
import {
  buildBatch,
  buildModel,
  buildPredictionRow,
  buildVersion,
  buildWorkspace,
  fixedNow,
  testColumns,
  toTestId,
} from "../testing/record-fixtures.js";
import type { EventBatch } from "./event-batch.js";
import { SchemaConflictError, UniqueViolationError, type Store } from "./store.js";
import { describeAuthStore } from "./describe-auth-store.js";
import { describeRoadmapStore } from "./describe-roadmap-store.js";
import { describeMonitoringStore } from "./describe-monitoring-store.js";
import { describeOverviewStore } from "./describe-overview-store.js";
import { describeEventRetention } from "./describe-event-retention.js";

/** A fresh, empty store; `reopen` closes it and opens the same data again (when the adapter can). */
export interface StoreHandle {
  readonly store: Store;
  reopen?(): Promise<Store>;
  dispose(): Promise<void>;
}

const page = { limit: 50, offset: 0 };

/** Registers the conformance tests for one adapter. */
export function describeStore(name: string, createStore: () => Promise<StoreHandle>): void {
  describe(`Store conformance: ${name}`, () => {
    let handle: StoreHandle;
    let store: Store;
    beforeEach(async () => {
      handle = await createStore();
      store = handle.store;
    });
    afterEach(async () => {
      await handle.dispose();
    });
    describeAuthStore(() => store);
    describeRoadmapStore(() => store);
    describeMonitoringStore(() => store);
    describeOverviewStore(() => store);
    describeEventRetention(() => store);

    const seedVersion = async (withSchema = true): Promise<string> => {
      await store.insertWorkspace(buildWorkspace(1));
      await store.insertModel(buildModel(1, toTestId("ws", 1)));
      await store.insertVersion(buildVersion(1, toTestId("mdl", 1)));
      const versionId = toTestId("ver", 1);
      if (withSchema) {
        await store.saveVersionSchema(
          versionId,
          { revision: 1, columns: testColumns, updatedAt: fixedNow },
          deriveEventLayout(testColumns),
        );
      }
      return versionId;
    };

    it("stores, finds, filters and updates workspaces; slugs are unique", async () => {
      await store.insertWorkspace(buildWorkspace(1));
      await store.insertWorkspace(buildWorkspace(2, { name: "Fraud" }));
      expect(await store.findWorkspace(toTestId("ws", 1))).toEqual(buildWorkspace(1));
      expect(await store.findWorkspace(toTestId("ws", 9))).toBeUndefined();
      expect((await store.listWorkspaces({ ...page, q: "fraud" })).items.map((w) => w.id)).toEqual([
        toTestId("ws", 2),
      ]);
      await expect(store.insertWorkspace(buildWorkspace(3, { slug: "team-1" }))).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
      await store.updateWorkspace(buildWorkspace(1, { name: "Renamed" }));
      expect((await store.findWorkspace(toTestId("ws", 1)))?.name).toBe("Renamed");
      const second = await store.listWorkspaces({ limit: 1, offset: 1 });
      expect(second).toMatchObject({ total: 2, items: [{ id: toTestId("ws", 2) }] });
    });

    it("stores models with every field, filters lists and keeps names unique per workspace", async () => {
      await store.insertWorkspace(buildWorkspace(1));
      await store.insertWorkspace(buildWorkspace(2));
      const full = buildModel(1, toTestId("ws", 1), {
        businessOwner: { kind: "user", name: "Dana", email: "dana@example.com" },
        stakeholders: [{ name: "Lena", role: "risk" }],
        tags: ["credit", "tabular"],
        riskTier: "high",
        costPer1kPredictions: null,
      });
      await store.insertModel(full);
      await store.insertModel(
        buildModel(2, toTestId("ws", 2), {
          task: "regression",
          tags: [],
          owner: { kind: "user", name: "Ann" },
        }),
      );
      expect(await store.findModel(full.id)).toEqual(full);
      const ids = async (filter: Record<string, string>) =>
        (await store.listModels({ ...page, ...filter })).items.map((model) => model.id);
      expect(await ids({ workspaceId: toTestId("ws", 2) })).toEqual([toTestId("mdl", 2)]);
      expect(await ids({ task: "regression" })).toEqual([toTestId("mdl", 2)]);
      expect(await ids({ tag: "tabular" })).toEqual([full.id]);
      expect(await ids({ owner: "Ann" })).toEqual([toTestId("mdl", 2)]);
      expect(await ids({ riskTier: "high" })).toEqual([full.id]);
      expect(await ids({ q: "EL-1" })).toEqual([full.id]);
      await expect(
        store.insertModel(buildModel(3, toTestId("ws", 1), { name: "model-1" })),
      ).rejects.toBeInstanceOf(UniqueViolationError);
      await store.insertModel(buildModel(4, toTestId("ws", 2), { name: "model-1" }));
      await expect(
        store.updateModel({ ...buildModel(4, toTestId("ws", 2)), name: "model-2" }),
      ).rejects.toBeInstanceOf(UniqueViolationError);
      await store.updateModel({ ...full, description: "changed" });
      expect((await store.findModel(full.id))?.description).toBe("changed");
    });

    it("stores versions, filters by stage and saves schemas", async () => {
      const versionId = await seedVersion(false);
      await store.insertVersion(buildVersion(2, toTestId("mdl", 1), { stage: "production" }));
      await expect(
        store.insertVersion(buildVersion(3, toTestId("mdl", 1), { name: "1.1.0" })),
      ).rejects.toBeInstanceOf(UniqueViolationError);
      expect(
        (await store.listVersions({ ...page, modelId: toTestId("mdl", 1), stage: "production" })).items.map(
          (v) => v.id,
        ),
      ).toEqual([toTestId("ver", 2)]);
      await store.saveVersionSchema(
        versionId,
        { revision: 1, columns: testColumns, updatedAt: fixedNow },
        deriveEventLayout(testColumns),
      );
      expect((await store.findVersion(versionId))?.schema).toEqual({
        revision: 1,
        columns: testColumns,
        updatedAt: fixedNow,
      });
      await store.updateVersion({ ...(await store.findVersion(versionId))!, stage: "archived" });
      expect((await store.findVersion(versionId))?.stage).toBe("archived");
    });

    it("writes batches idempotently by event id, within and across calls", async () => {
      const versionId = await seedVersion();
      const rows = [0, 1, 2, 3].map(buildPredictionRow);
      const first = await store.writeEventBatches([buildBatch({ kind: "predictions", versionId }, rows)]);
      expect(first).toEqual([{ inserted: 4, duplicates: 0 }]);
      const replay = await store.writeEventBatches([
        buildBatch({ kind: "predictions", versionId }, rows.slice(2)),
        buildBatch({ kind: "predictions", versionId }, [4, 5].map(buildPredictionRow)),
        buildBatch({ kind: "predictions", versionId }, [5, 6].map(buildPredictionRow)),
      ]);
      expect(replay).toEqual([
        { inserted: 0, duplicates: 2 },
        { inserted: 2, duplicates: 0 },
        { inserted: 1, duplicates: 1 },
      ]);
      expect((await store.countEvents(versionId)).predictions).toBe(7);
    });

    it("commits the audit entries batches carry in the batches' transaction, and none when it fails", async () => {
      const versionId = await seedVersion();
      const audited = (batch: EventBatch, n: number): EventBatch => ({
        ...batch,
        audit: (outcome) => ({
          at: fixedNow,
          actorKind: "api_key",
          actorId: "key_test00000001",
          actorName: "ingest",
          action: "ingestPredictions",
          outcome: "success",
          workspaceId: toTestId("ws", 1),
          targetId: versionId,
          ip: null,
          userAgent: null,
          details: { n, accepted: outcome.inserted, duplicates: outcome.duplicates },
        }),
      });
      const batchOf = (ns: number[]): EventBatch =>
        buildBatch({ kind: "predictions", versionId }, ns.map(buildPredictionRow));
      await store.writeEventBatches([audited(batchOf([0, 1]), 1), batchOf([2])]);
      // Ids repeated across the group take the duplicate-skipping path; its entries carry its counts.
      await store.writeEventBatches([audited(batchOf([1, 3]), 2), audited(batchOf([3, 4]), 3)]);
      await expect(
        store.writeEventBatches([
          audited(buildBatch({ kind: "predictions", versionId: "ver_missing0" }, [buildPredictionRow(5)]), 4),
        ]),
      ).rejects.toThrow();
      const entries = await store.scanAuditEntries(0, 10);
      expect(entries.map((entry) => entry.details)).toEqual([
        { n: 1, accepted: 2, duplicates: 0 },
        { n: 2, accepted: 1, duplicates: 1 },
        { n: 3, accepted: 1, duplicates: 1 },
      ]);
      expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
      expect((await store.loadAuditHead()).hash).toBe(entries[2]!.hash);
    });

    it("joins labels and outcomes by id whichever arrives first and reads values back", async () => {
      const versionId = await seedVersion();
      await store.writeEventBatches([
        buildBatch({ kind: "labels", versionId }, [{ id: "e1", label: "yes" }]),
      ]);
      await store.writeEventBatches([
        buildBatch({ kind: "predictions", versionId }, [0, 1, 2].map(buildPredictionRow)),
      ]);
      await store.writeEventBatches([
        buildBatch({ kind: "labels", versionId }, [
          { id: "e2", label: "no" },
          { id: "e1", label: "changed" },
        ]),
      ]);
      await store.writeEventBatches([
        buildBatch({ kind: "outcomes", versionId }, [{ id: "e2", revenue: 12.5 }]),
      ]);
      const events = await store.listEvents(versionId, page);
      expect(events.total).toBe(3);
      expect(
        events.items.map((event) => [
          event.eventId,
          event.label?.label ?? null,
          event.outcome?.revenue ?? null,
        ]),
      ).toEqual([
        ["e0", null, null],
        ["e1", "yes", null],
        ["e2", "no", 12.5],
      ]);
      expect(events.items[0]).toMatchObject({
        timestamp: fixedNow,
        values: { income: null, city: "paris", owns_car: true, score: 0 },
      });
      expect(events.items[1]?.values).toEqual({
        income: 1001,
        city: "lyon",
        vec: [1, -1],
        owns_car: false,
        score: 0.1,
      });
      expect(await store.countEvents(versionId)).toEqual({
        predictions: 3,
        labels: 2,
        outcomes: 1,
        labelledPredictions: 2,
      });
      const window = await store.listEvents(versionId, {
        ...page,
        from: new Date(fixedNow.getTime() + 60_000),
        to: new Date(fixedNow.getTime() + 120_000),
      });
      expect(window.items.map((event) => event.eventId)).toEqual(["e1"]);
    });

    it("extends event tables when the schema gains columns and refuses type changes over data", async () => {
      const versionId = await seedVersion();
      const extended = [
        ...testColumns,
        {
          name: "region",
          role: "segment" as const,
          type: "categorical" as const,
          nullable: true,
          description: "",
        },
      ];
      await store.saveVersionSchema(
        versionId,
        { revision: 2, columns: extended, updatedAt: fixedNow },
        deriveEventLayout(extended),
      );
      await store.writeEventBatches([
        buildBatch(
          { kind: "predictions", versionId },
          [{ ...buildPredictionRow(1), region: "north" }],
          extended,
        ),
      ]);
      expect((await store.listEvents(versionId, page)).items[0]?.values.region).toBe("north");
      const retyped = extended.map((column) =>
        column.name === "city" ? { ...column, type: "numeric" as const } : column,
      );
      await expect(
        store.saveVersionSchema(
          versionId,
          { revision: 3, columns: retyped, updatedAt: fixedNow },
          deriveEventLayout(retyped),
        ),
      ).rejects.toBeInstanceOf(SchemaConflictError);
      expect((await store.findVersion(versionId))?.schema?.revision).toBe(2);
    });

    it("stores references with their rows and deletes them", async () => {
      const versionId = await seedVersion();
      const fileRef = {
        id: toTestId("ref", 1),
        versionId,
        name: "train",
        kind: "file" as const,
        rowCount: 2,
        from: null,
        to: null,
        segmentId: null,
        createdAt: fixedNow,
      };
      await store.insertReference(fileRef, deriveEventLayout(testColumns));
      const rows = [
        { income: 1, city: "a", score: 0.1, label: "yes", revenue: 1 },
        { income: 2, city: "b", score: 0.2, label: "no", revenue: 2 },
      ];
      expect(
        await store.writeEventBatches([
          buildBatch({ kind: "reference", versionId, referenceId: fileRef.id }, rows),
        ]),
      ).toEqual([{ inserted: 2, duplicates: 0 }]);
      const rangeRef = {
        ...fileRef,
        id: toTestId("ref", 2),
        kind: "time_range" as const,
        rowCount: null,
        from: fixedNow,
        to: new Date(fixedNow.getTime() + 1000),
      };
      await store.insertReference(rangeRef, null);
      expect(await store.findReference(rangeRef.id)).toEqual(rangeRef);
      expect((await store.listReferences({ ...page, versionId })).total).toBe(2);
      await store.updateReferenceRowCount(fileRef.id, 5);
      expect((await store.findReference(fileRef.id))?.rowCount).toBe(5);
      await store.deleteReference(fileRef.id);
      expect(await store.findReference(fileRef.id)).toBeUndefined();
    });

    it("stores segments with unique names per model", async () => {
      await seedVersion(false);
      const segment = {
        id: toTestId("seg", 1),
        modelId: toTestId("mdl", 1),
        name: "brokers",
        description: "",
        conditions: [{ column: "city", op: "eq" as const, value: "paris" }],
        createdAt: fixedNow,
        updatedAt: fixedNow,
      };
      await store.insertSegment(segment);
      expect(await store.findSegment(segment.id)).toEqual(segment);
      await expect(store.insertSegment({ ...segment, id: toTestId("seg", 2) })).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
      await store.insertSegment({ ...segment, id: toTestId("seg", 3), name: "young" });
      expect(
        (await store.listSegments({ ...page, modelId: segment.modelId, q: "YOU" })).items.map((s) => s.id),
      ).toEqual([toTestId("seg", 3)]);
      await expect(
        store.updateSegment({ ...segment, id: toTestId("seg", 3), name: "brokers" }),
      ).rejects.toBeInstanceOf(UniqueViolationError);
      await store.deleteSegment(segment.id);
      expect(await store.findSegment(segment.id)).toBeUndefined();
    });

    it("keeps committed data across a reopen", async () => {
      if (handle.reopen === undefined) return;
      const versionId = await seedVersion();
      await store.writeEventBatches([
        buildBatch({ kind: "predictions", versionId }, [1, 2].map(buildPredictionRow)),
      ]);
      store = await handle.reopen();
      expect((await store.countEvents(versionId)).predictions).toBe(2);
      expect((await store.findVersion(versionId))?.schema?.columns).toEqual(testColumns);
    });
  });
}
