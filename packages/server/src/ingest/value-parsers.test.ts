import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toEpochMs } from "./value-parsers.js";

// toEpochMs reads the common UTC form digit by digit; everything must come out as Date.parse reads it
// (the path every other string takes), including the strings just outside the fast path's ranges.
function parsedByDate(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return Number.NaN;
  const text = /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || value.length <= 10 ? value : `${value}Z`;
  return Date.parse(text.replace(" ", "T"));
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("toEpochMs", () => {
  it("reads UTC timestamps exactly as Date.parse does, in and out of the plain ranges", () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 0, max: 9999 }),
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          hour: fc.integer({ min: 0, max: 25 }),
          minute: fc.integer({ min: 0, max: 60 }),
          second: fc.integer({ min: 0, max: 61 }),
          millisecond: fc.option(fc.integer({ min: 0, max: 999 })),
          separator: fc.constantFrom("T", " ", "t"),
          zone: fc.constantFrom("Z", "z", "+00:00", "+02:00", ""),
        }),
        (t) => {
          const text =
            `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}${t.separator}` +
            `${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}` +
            `${t.millisecond === null ? "" : `.${pad(t.millisecond, 3)}`}${t.zone}`;
          expect(Object.is(toEpochMs(text), parsedByDate(text))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads the common form and its neighbours", () => {
    for (const text of [
      "2026-01-01T00:00:00Z",
      "2026-01-01T00:00:00.123Z",
      "2026-01-01 12:34:56Z",
      "2026-02-30T00:00:00Z",
      "0999-12-31T23:59:59Z",
      "2026-01-01T24:00:00Z",
      "2026-01-01T00:00:00.1234Z",
      "2026-01-01T00:00:00.12Z",
      "2026-1-01T00:00:00.000Z",
      "2026-01-01T00:00:00.000",
      "2026-01-01",
      "x026-01-01T00:00:00.000Z",
    ]) {
      expect([text, toEpochMs(text)]).toEqual([text, parsedByDate(text)]);
    }
    expect(toEpochMs("2026-01-01T00:00:00.123Z")).toBe(Date.UTC(2026, 0, 1, 0, 0, 0, 123));
    expect(toEpochMs(1_767_225_600_000)).toBe(1_767_225_600_000);
    expect(toEpochMs("yesterday")).toBeNaN();
    expect(toEpochMs(null)).toBeNaN();
  });
});
