/**
 * The scheduled roadmap assessment (ROADMAP.md §6: "a weekly scheduled assessment builds the trend"), a
 * housekeeping task of the leader: once the questionnaire has been saved, it snapshots an assessment
 * whenever the latest one is `intervalDays` old (scheduler time). It checks the store at most hourly.
 */
import type { Logger } from "pino";
import type { HousekeepingTask } from "../scheduler/monitor-scheduler.js";
import type { RoadmapStore } from "../storage/roadmap-store.js";
import type { RoadmapService } from "./roadmap-service.js";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** Who scheduled assessments are recorded as. */
export const scheduledAssessmentAuthor = "scheduler";

/** Creates the task (a no-op when `intervalDays` is 0). */
export function createScheduledAssessmentTask(options: {
  readonly roadmap: Pick<RoadmapService, "createAssessment">;
  readonly store: Pick<RoadmapStore, "loadRoadmapQuestionnaire" | "listRoadmapAssessments">;
  readonly intervalDays: number;
  readonly logger: Logger;
}): HousekeepingTask {
  let lastCheckMs: number | null = null;
  return async (at) => {
    if (options.intervalDays === 0) return;
    if (lastCheckMs !== null && at.getTime() - lastCheckMs < hourMs) return;
    lastCheckMs = at.getTime();
    // Without answers there is nothing to assess; the first assessment is the user's to run.
    if ((await options.store.loadRoadmapQuestionnaire()) === undefined) return;
    const latest = (await options.store.listRoadmapAssessments({ limit: 1, offset: 0 })).items[0];
    if (latest !== undefined && at.getTime() - latest.createdAt.getTime() < options.intervalDays * dayMs)
      return;
    const record = await options.roadmap.createAssessment({ createdBy: scheduledAssessmentAuthor });
    options.logger.info(
      { assessmentId: record.id, readinessLevel: record.readinessLevel, progressIndex: record.progressIndex },
      "scheduled roadmap assessment",
    );
  };
}
