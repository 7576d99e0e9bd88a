/**
 * RoadmapStore conformance cases, written against the port only; describeStore runs them for every adapter.
 */
import type { RoadmapAssessment, RoadmapQuestionnaire, ToolEvaluation } from "@sextant/core";
import { describe, expect, it } from "vitest";
import type { Store } from "./store.js";

const at = new Date("2026-11-20T10:00:00.000Z");
const page = { limit: 50, offset: 0 };

/** Runs the roadmap cases against the store returned by `getStore`. */
export function describeRoadmapStore(getStore: () => Store): void {
  describe("roadmap store", () => {
    it("appends questionnaire revisions and loads the newest", async () => {
      const store = getStore();
      expect(await store.loadRoadmapQuestionnaire()).toBeUndefined();
      const q = (n: number) => ({ version: 1, answeredBy: `u${n}` }) as unknown as RoadmapQuestionnaire;
      await store.saveRoadmapQuestionnaire({ revision: 1, questionnaire: q(1), savedBy: "a", savedAt: at });
      await store.saveRoadmapQuestionnaire({ revision: 2, questionnaire: q(2), savedBy: "b", savedAt: at });
      expect(await store.loadRoadmapQuestionnaire()).toEqual({
        revision: 2,
        questionnaire: q(2),
        savedBy: "b",
        savedAt: at,
      });
    });

    it("stores assessments with sources and lists them newest first", async () => {
      const store = getStore();
      const record = (id: string, ms: number) => ({
        id,
        createdAt: new Date(at.getTime() + ms),
        createdBy: "admin",
        rulesetVersion: "roadmap-rules-1",
        readinessLevel: 1,
        progressIndex: 40,
        assessment: { id, phaseLabel: "Tactical" } as unknown as RoadmapAssessment,
        sources: { "facts.models.total": { basis: "models", links: ["/models"], observed: true } },
      });
      await store.insertRoadmapAssessment(record("rma_a00000000000", 0));
      await store.insertRoadmapAssessment(record("rma_b00000000000", 1000));
      expect(await store.findRoadmapAssessment("rma_a00000000000")).toEqual(record("rma_a00000000000", 0));
      expect(await store.findRoadmapAssessment("rma_missing00000")).toBeUndefined();
      const list = await store.listRoadmapAssessments(page);
      expect(list.items.map((r) => r.id)).toEqual(["rma_b00000000000", "rma_a00000000000"]);
      expect(list.total).toBe(2);
    });

    it("upserts tool evaluations by id", async () => {
      const store = getStore();
      const e = (stage: string) =>
        ({
          id: "rme_a00000000000",
          createdAt: at.toISOString(),
          stage,
          title: "t",
        }) as unknown as ToolEvaluation;
      await store.saveToolEvaluation({ evaluation: e("longlist"), updatedAt: at });
      await store.saveToolEvaluation({ evaluation: e("shortlist"), updatedAt: at });
      expect((await store.findToolEvaluation("rme_a00000000000"))?.evaluation.stage).toBe("shortlist");
      expect((await store.listToolEvaluations(page)).total).toBe(1);
    });

    it("reads no activity for versions without event tables", async () => {
      const store = getStore();
      expect(
        await store.readVersionActivity({
          versionIds: ["ver_none00000000"],
          from: at,
          until: at,
          labelsSince: at,
        }),
      ).toEqual([
        { versionId: "ver_none00000000", dailyPredictions: [], labelsReceived: 0, lastLabelReceivedAt: null },
      ]);
    });
  });
}
