import { describe, expect, it } from "vitest";
import { generateHour, generateReferenceRows } from "./loan-traffic.js";

const hour = (seed: number, drifted = false) =>
  generateHour({
    seed,
    hourIndex: 5,
    hourStartMs: Date.parse("2026-11-01T05:00:00Z"),
    meanPerHour: 200,
    drifted,
  });

describe("loan traffic generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(hour(1)).toEqual(hour(1));
    expect(hour(1)).not.toEqual(hour(2));
  });

  it("keeps ids unique, times inside the hour and values in range", () => {
    const rows = hour(3).map((application) => application.prediction);
    expect(new Set(rows.map((row) => row.application_id)).size).toBe(rows.length);
    for (const row of rows) {
      expect(Date.parse(String(row.decision_time))).toBeGreaterThanOrEqual(
        Date.parse("2026-11-01T05:00:00Z"),
      );
      expect(Date.parse(String(row.decision_time))).toBeLessThan(Date.parse("2026-11-01T06:00:00Z"));
      expect(row.credit_score).toBeGreaterThanOrEqual(300);
      expect(row.default_score).toBeGreaterThanOrEqual(0);
      expect(row.default_score).toBeLessThanOrEqual(1);
    }
  });

  it("shifts the population after drift and makes reference rows without id and time", () => {
    const mean = (drifted: boolean) => {
      const rows = [1, 2, 3, 4, 5].flatMap((seed) => hour(seed, drifted));
      return (
        rows.reduce((sum, application) => sum + Number(application.prediction.credit_score), 0) / rows.length
      );
    };
    expect(mean(true) - mean(false)).toBeGreaterThan(30);
    const reference = generateReferenceRows(1, 10);
    expect(reference).toHaveLength(10);
    expect(reference[0]).not.toHaveProperty("application_id");
    expect(reference[0]).toHaveProperty("defaulted");
  });
});
