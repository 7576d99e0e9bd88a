import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildBatch, fixedNow, toTestId } from "../../testing/record-fixtures.js";
import {
  addSketchPairs,
  computeHourProfiles,
  mergeHourProfile,
  profileCategoryLimit,
  type HourProfile,
} from "./hour-profiles.js";

const versionId = toTestId("ver", 1);
const hour = 3_600_000;

const rowArbitrary: fc.Arbitrary<GeneratedRow> = fc.record({
  minute: fc.integer({ min: 0, max: 179 }),
  income: fc.option(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { nil: null }),
  city: fc.option(fc.constantFrom("paris", "lyon", "nice"), { nil: null }),
  owns_car: fc.option(fc.boolean(), { nil: null }),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
});

interface GeneratedRow {
  readonly minute: number;
  readonly income: number | null;
  readonly city: string | null;
  readonly owns_car: boolean | null;
  readonly score: number;
}

function toRows(rows: readonly GeneratedRow[], offset = 0) {
  return rows.map((row, n) => ({
    id: `e${n + offset}`,
    ts: new Date(fixedNow.getTime() + row.minute * 60_000).toISOString(),
    income: row.income,
    city: row.city,
    owns_car: row.owns_car,
    score: row.score,
  }));
}

function byHour(batches: Parameters<typeof computeHourProfiles>[0], kept?: (Set<number> | null)[]) {
  return new Map(computeHourProfiles(batches, kept).map((p) => [p.hourMs, p.profile]));
}

describe("hour profiles", () => {
  it("merge to the profile of all rows, whatever the split into batches", () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 60 }), fc.nat(60), (rows, cut) => {
        const all = toRows(rows);
        const whole = byHour([buildBatch({ kind: "predictions", versionId }, all)]);
        const parts = [all.slice(0, cut), all.slice(cut)]
          .filter((part) => part.length > 0)
          .map((part) => byHour([buildBatch({ kind: "predictions", versionId }, part)]));
        const merged = new Map<number, HourProfile>();
        for (const part of parts)
          for (const [hourMs, profile] of part) {
            const known = merged.get(hourMs);
            if (known === undefined) merged.set(hourMs, structuredClone(profile));
            else mergeHourProfile(known, profile);
          }
        expect([...merged.keys()].sort()).toEqual([...whole.keys()].sort());
        for (const [hourMs, profile] of whole) {
          const other = merged.get(hourMs)!;
          expect(other.n).toBe(profile.n);
          for (const name of Object.keys(profile.c)) {
            const { s: sum, ...exact } = profile.c[name]!;
            const { s: otherSum, ...otherExact } = other.c[name]!;
            expect(otherExact).toEqual(exact);
            if (sum !== undefined) expect(otherSum).toBeCloseTo(sum, 6);
          }
        }
      }),
    );
  });

  it("counts rows per UTC hour, missing values and categories, and only the kept rows of a replay", () => {
    const rows = toRows([
      { minute: 0, income: 5, city: "paris", owns_car: true, score: 0.1 },
      { minute: 70, income: null, city: null, owns_car: false, score: 0.2 },
      { minute: 71, income: -3, city: "paris", owns_car: null, score: 0.3 },
    ]);
    const batch = buildBatch({ kind: "predictions", versionId }, rows);
    const start = Math.floor(fixedNow.getTime() / hour) * hour;
    const profiles = byHour([batch]);
    expect(profiles.get(start)?.n).toBe(1);
    const second = profiles.get(start + hour)!;
    expect(second.n).toBe(2);
    expect(second.c.income).toMatchObject({ r: 2, m: 1, x: 0, lo: -3, hi: -3, s: -3 });
    expect(second.c.city).toMatchObject({ r: 2, m: 1, v: { paris: 1 } });
    expect(second.c.owns_car).toMatchObject({ r: 2, m: 1, v: { false: 1 } });
    const kept = byHour([batch], [new Set([2])]);
    expect(kept.get(start)).toBeUndefined();
    expect(kept.get(start + hour)?.c.city).toMatchObject({ r: 1, m: 0, v: { paris: 1 } });
    expect(byHour([buildBatch({ kind: "labels", versionId }, [{ id: "e0", label: "yes" }])]).size).toBe(0);
  });

  it("keeps the most frequent categories beyond the limit and counts the rest as other", () => {
    const a: HourProfile = { n: 0, c: { city: { r: 0, m: 0, x: 0, v: {} } } };
    const values = Object.fromEntries(
      Array.from({ length: profileCategoryLimit + 10 }, (_, i) => [`v${i}`, i + 1]),
    );
    mergeHourProfile(a, { n: 1, c: { city: { r: 1, m: 0, x: 0, v: values } } });
    const city = a.c.city!;
    expect(Object.keys(city.v!)).toHaveLength(profileCategoryLimit);
    expect(city.v!["v0"]).toBeUndefined();
    expect(city.o).toBe(55);
  });

  it("adds sorted sketch pair lists", () => {
    expect(addSketchPairs([-3, 1, 2, 5], [2, 2, 7, 1])).toEqual([-3, 1, 2, 7, 7, 1]);
  });
});
