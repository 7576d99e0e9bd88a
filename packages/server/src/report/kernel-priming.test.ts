import { createSeededRandom, type DriftColumn } from "@sextant/core";
import { describe, expect, it } from "vitest";
import { defaultDriftSettings, type DriftSettings } from "./drift-section.js";
import { scoreFeature } from "./feature-drift.js";
import { primeFeatureScoring, primePerformanceInSteps } from "./kernel-priming.js";

function numeric(seed: number): DriftColumn {
  const random = createSeededRandom(seed);
  const side = (shift: number) => Float64Array.from({ length: 3000 }, () => random.nextFloat() + shift);
  return { name: "x", kind: "numeric", reference: side(0), current: side(0.05) };
}

describe("primeFeatureScoring", () => {
  it("runs under both policies and leaves later scores exactly as they are unprimed", () => {
    const sensitive: DriftSettings = {
      ...defaultDriftSettings,
      policy: "sensitive",
      correction: "benjamini_hochberg",
    };
    const before = [
      scoreFeature(numeric(1), defaultDriftSettings).scored,
      scoreFeature(numeric(2), sensitive).scored,
    ];
    expect(primeFeatureScoring()).toBe(true);
    expect(primeFeatureScoring(sensitive)).toBe(true);
    const after = [
      scoreFeature(numeric(1), defaultDriftSettings).scored,
      scoreFeature(numeric(2), sensitive).scored,
    ];
    expect(after).toEqual(before);
    expect(before[0]!.drift.status).toBe("ok");
  });
});

describe("primePerformanceInSteps", () => {
  it("runs a round per event-loop turn while wanted and stops as soon as it is not", async () => {
    let asked = 0;
    expect(await primePerformanceInSteps(() => ++asked < 4)).toBe(true);
    // Three rounds ran; the fourth question stopped it.
    expect(asked).toBe(4);
    let all = 0;
    const completed = await primePerformanceInSteps(() => {
      all++;
      return true;
    });
    expect(completed).toBe(true);
    expect(all).toBeGreaterThan(4);
  });
});
