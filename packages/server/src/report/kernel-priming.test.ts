import { createSeededRandom, type DriftColumn } from "@sextant/core";
import { describe, expect, it } from "vitest";
import type { DriftSettings } from "./drift-section.js";
import { scoreFeature } from "./feature-drift.js";
import { primeFeatureScoring, primingDriftSettings } from "./kernel-priming.js";

function numeric(seed: number): DriftColumn {
  const random = createSeededRandom(seed);
  const side = (shift: number) => Float64Array.from({ length: 3000 }, () => random.nextFloat() + shift);
  return { name: "x", kind: "numeric", reference: side(0), current: side(0.05) };
}

describe("primeFeatureScoring", () => {
  it("runs under both policies and leaves later scores exactly as they are unprimed", () => {
    const sensitive: DriftSettings = {
      ...primingDriftSettings,
      policy: "sensitive",
      correction: "benjamini_hochberg",
    };
    const before = [
      scoreFeature(numeric(1), primingDriftSettings).scored,
      scoreFeature(numeric(2), sensitive).scored,
    ];
    primeFeatureScoring();
    primeFeatureScoring(sensitive);
    const after = [
      scoreFeature(numeric(1), primingDriftSettings).scored,
      scoreFeature(numeric(2), sensitive).scored,
    ];
    expect(after).toEqual(before);
    expect(before[0]!.drift.status).toBe("ok");
  });
});
