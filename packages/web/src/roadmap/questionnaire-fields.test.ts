import { describe, expect, it } from "vitest";
import type { RoadmapQuestionnaire } from "@sextant/core";
import { questionSections, readAnswer, writeAnswer } from "./questionnaire-fields.js";

const q = {
  version: 1,
  org: { productTeamsUsingMl: 2, preferredStrategy: "hybrid" },
  needs: { dataScientists: { now: 3, in12Months: 5 } },
} as unknown as RoadmapQuestionnaire;

describe("questionnaire fields", () => {
  it("reads and writes nested answers without mutating the original", () => {
    const next = writeAnswer(q, "needs.dataScientists.in12Months", 9);
    expect(readAnswer(next, "needs.dataScientists.in12Months")).toBe(9);
    expect(readAnswer(q, "needs.dataScientists.in12Months")).toBe(5);
  });

  it("removes an optional answer when written as undefined", () => {
    const next = writeAnswer(q, "org.preferredStrategy", undefined);
    expect("preferredStrategy" in (next.org as object)).toBe(false);
    expect(readAnswer(q, "org.preferredStrategy")).toBe("hybrid");
  });

  it("has unique paths", () => {
    const paths = questionSections.flatMap((s) => s.fields.map((f) => f.path));
    expect(new Set(paths).size).toBe(paths.length);
  });
});
