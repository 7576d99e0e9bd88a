import { describe, expect, it } from "vitest";
import { computeTextDescriptors, toWords } from "./text-descriptors.js";

describe("toWords", () => {
  it("splits on non-letters and lower-cases, Unicode aware", () => {
    expect(toWords("Héllo, WORLD-42 naïve")).toEqual(["héllo", "world", "naïve"]);
  });
});

describe("computeTextDescriptors", () => {
  const reference = ["the cat sat", "the dog sat", null, "a bird"];
  const current = ["the cat flew", "zebra zebra", "!!!"];
  const d = computeTextDescriptors(reference, current);

  it("measures length and non-letter share per row", () => {
    expect(Array.from(d.current.length)).toEqual([12, 11, 3]);
    expect(d.current.non_letter_share[2]).toBe(1);
    expect(d.current.non_letter_share[0]).toBeCloseTo(2 / 12, 15);
  });

  it("scores current words against the reference vocabulary", () => {
    expect(d.current.oov_share[0]).toBeCloseTo(1 / 3, 15);
    expect(d.current.oov_share[1]).toBe(1);
    expect(Number.isNaN(d.current.oov_share[2])).toBe(true);
  });

  it("scores reference rows leave-one-out", () => {
    // "cat" appears in no other reference row; "the" and "sat" do.
    expect(d.reference.oov_share[0]).toBeCloseTo(1 / 3, 15);
    expect(d.reference.oov_share[3]).toBe(1);
    expect(Number.isNaN(d.reference.length[2])).toBe(true);
  });

  it("reports the share of new distinct words", () => {
    // current vocabulary {the, cat, flew, zebra}: flew and zebra are new.
    expect(d.newWordShare).toBe(0.5);
    expect(d.referenceVocabularySize).toBe(6);
  });
});
