import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { RoadmapAssessmentRecord } from "../storage/roadmap-store.js";
import { createScheduledAssessmentTask, scheduledAssessmentAuthor } from "./scheduled-assessment.js";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const start = new Date("2026-12-01T00:00:00Z");

function createFakes(options: { questionnaireSaved: boolean }) {
  const assessments: { createdAt: Date; createdBy: string }[] = [];
  let now = start;
  const roadmap = {
    createAssessment: (input: { createdBy: string }) => {
      assessments.unshift({ createdAt: now, createdBy: input.createdBy });
      return Promise.resolve({
        id: `rma_${assessments.length}`,
        readinessLevel: 1,
        progressIndex: 30,
      } as RoadmapAssessmentRecord);
    },
  };
  const store = {
    loadRoadmapQuestionnaire: () => Promise.resolve(options.questionnaireSaved ? ({} as never) : undefined),
    listRoadmapAssessments: () =>
      Promise.resolve({
        items: assessments as unknown as RoadmapAssessmentRecord[],
        total: assessments.length,
      }),
  };
  const run = (task: (at: Date) => Promise<void>, at: Date) => {
    now = at;
    return task(at);
  };
  return { roadmap, store, assessments, run };
}

describe("scheduled roadmap assessment", () => {
  it("snapshots once per interval after the questionnaire is saved, checking at most hourly", async () => {
    const fakes = createFakes({ questionnaireSaved: true });
    const task = createScheduledAssessmentTask({
      ...fakes,
      intervalDays: 7,
      logger: pino({ level: "silent" }),
    });
    await fakes.run(task, start);
    await fakes.run(task, new Date(start.getTime() + 6 * dayMs));
    expect(fakes.assessments).toHaveLength(1);
    // Due at day 7, but the hourly check already ran 30 minutes before.
    await fakes.run(task, new Date(start.getTime() + 7 * dayMs - hourMs / 2));
    await fakes.run(task, new Date(start.getTime() + 7 * dayMs));
    expect(fakes.assessments).toHaveLength(1);
    await fakes.run(task, new Date(start.getTime() + 7 * dayMs + hourMs / 2));
    expect(fakes.assessments.map((a) => a.createdBy)).toEqual([
      scheduledAssessmentAuthor,
      scheduledAssessmentAuthor,
    ]);
    expect(fakes.assessments[0]!.createdAt.getTime() - fakes.assessments[1]!.createdAt.getTime()).toBe(
      7 * dayMs + hourMs / 2,
    );
  });

  it("does nothing before the questionnaire is saved, or when switched off", async () => {
    const unsaved = createFakes({ questionnaireSaved: false });
    await unsaved.run(
      createScheduledAssessmentTask({ ...unsaved, intervalDays: 7, logger: pino({ level: "silent" }) }),
      start,
    );
    expect(unsaved.assessments).toHaveLength(0);
    const off = createFakes({ questionnaireSaved: true });
    await off.run(
      createScheduledAssessmentTask({ ...off, intervalDays: 0, logger: pino({ level: "silent" }) }),
      start,
    );
    expect(off.assessments).toHaveLength(0);
  });
});
