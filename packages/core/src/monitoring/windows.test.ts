import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTimeZoneOffsetMs, isValidTimeZone } from "./time-zone-offset.js";
import type { WindowSpec } from "./windows.js";
import {
  computeWindowContaining,
  computeWindowStart,
  listWindows,
  listWindowsAffectedBy,
  toEpochMs,
} from "./windows.js";

const HOUR = 3_600_000;
const iso = (text: string): number => Date.parse(text);

describe("computeTimeZoneOffsetMs", () => {
  it.each([
    ["Europe/Berlin", "2024-01-15T12:00:00Z", 1 * HOUR],
    ["Europe/Berlin", "2024-07-15T12:00:00Z", 2 * HOUR],
    ["America/New_York", "2024-01-15T12:00:00Z", -5 * HOUR],
    ["Asia/Kolkata", "2024-01-15T12:00:00Z", 5.5 * HOUR],
    ["Australia/Lord_Howe", "2024-01-15T12:00:00Z", 11 * HOUR],
    ["Australia/Lord_Howe", "2024-07-15T12:00:00Z", 10.5 * HOUR],
    ["UTC", "2024-07-15T12:00:00Z", 0],
  ])("%s at %s", (zone, at, expected) => {
    expect(computeTimeZoneOffsetMs(iso(at), zone)).toBe(expected);
  });

  it("switches exactly at the transition second (Berlin spring 2024-03-31T01:00Z)", () => {
    expect(computeTimeZoneOffsetMs(iso("2024-03-31T00:59:59Z"), "Europe/Berlin")).toBe(HOUR);
    expect(computeTimeZoneOffsetMs(iso("2024-03-31T01:00:00Z"), "Europe/Berlin")).toBe(2 * HOUR);
  });

  it("validates zone names", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(() => computeWindowStart(0, { kind: "daily", timeZone: "Mars/Olympus_Mons" })).toThrow(RangeError);
  });
});

describe("computeWindowStart in UTC", () => {
  it.each<[string, WindowSpec, string]>([
    ["2024-05-17T13:45:12.345Z", { kind: "hourly" }, "2024-05-17T13:00:00Z"],
    ["2024-05-17T13:45:12.345Z", { kind: "daily" }, "2024-05-17T00:00:00Z"],
    ["2024-05-17T13:45:12.345Z", { kind: "weekly" }, "2024-05-13T00:00:00Z"],
    ["2024-05-13T00:00:00Z", { kind: "weekly" }, "2024-05-13T00:00:00Z"],
    ["2024-05-12T23:59:59Z", { kind: "weekly" }, "2024-05-06T00:00:00Z"],
    ["2024-05-17T13:45:12Z", { kind: "weekly", weekStartsOn: 0 }, "2024-05-12T00:00:00Z"],
    ["2024-05-17T13:45:12Z", { kind: "duration", durationMs: 15 * 60_000 }, "2024-05-17T13:45:00Z"],
    [
      "2024-05-17T13:45:12Z",
      { kind: "duration", durationMs: 4 * HOUR, originMs: iso("2024-01-01T01:00:00Z") },
      "2024-05-17T13:00:00Z",
    ],
    ["1969-12-31T23:30:00Z", { kind: "hourly" }, "1969-12-31T23:00:00Z"],
  ])("%s with %j", (at, spec, expected) => {
    expect(computeWindowStart(iso(at), spec)).toBe(iso(expected));
    expect(computeWindowStart(new Date(iso(at)), spec)).toBe(iso(expected));
  });

  it("rejects invalid specs and instants", () => {
    expect(() => computeWindowStart(0, { kind: "weekly", weekStartsOn: 7 })).toThrow(RangeError);
    expect(() => computeWindowStart(0, { kind: "duration", durationMs: 0 })).toThrow(RangeError);
    expect(() =>
      computeWindowStart(0, { kind: "duration", durationMs: 7 * HOUR, timeZone: "Europe/Berlin" }),
    ).toThrow(RangeError);
    expect(() => toEpochMs(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("daily windows across DST (expected values from Python zoneinfo)", () => {
  // /usr/bin/python3: datetime(y, m, d, tzinfo=ZoneInfo(zone)).astimezone(UTC) for the local day start.
  it.each([
    ["Europe/Berlin", "2024-03-31T10:00:00Z", "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z", 23],
    ["Europe/Berlin", "2024-10-27T10:00:00Z", "2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z", 25],
    ["Europe/Berlin", "2024-10-26T22:30:00Z", "2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z", 25],
    ["America/New_York", "2024-03-10T12:00:00Z", "2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z", 23],
    // Santiago springs forward at local midnight: the day starts at 01:00 local, at the jump itself.
    ["America/Santiago", "2024-09-08T15:00:00Z", "2024-09-08T04:00:00Z", "2024-09-09T03:00:00Z", 23],
    ["America/Santiago", "2024-09-08T03:59:59Z", "2024-09-07T04:00:00Z", "2024-09-08T04:00:00Z", 24],
    ["Australia/Lord_Howe", "2024-04-07T05:00:00Z", "2024-04-06T13:00:00Z", "2024-04-07T13:30:00Z", 24.5],
    ["Australia/Lord_Howe", "2024-10-06T05:00:00Z", "2024-10-05T13:30:00Z", "2024-10-06T13:00:00Z", 23.5],
  ])("%s at %s", (timeZone, at, start, end, hours) => {
    const window = computeWindowContaining(iso(at), { kind: "daily", timeZone });
    expect(window).toEqual({ startMs: iso(start), endMs: iso(end) });
    expect((window.endMs - window.startMs) / HOUR).toBe(hours);
  });

  it("a year of Berlin days has exactly one 23-hour and one 25-hour day", () => {
    const days = listWindows({
      from: iso("2024-01-01T00:00:00+01:00"),
      to: iso("2025-01-01T00:00:00+01:00"),
      spec: { kind: "daily", timeZone: "Europe/Berlin" },
    });
    expect(days).toHaveLength(366);
    const lengths = days.map((day) => (day.endMs - day.startMs) / HOUR);
    expect(lengths.filter((hours) => hours === 23)).toHaveLength(1);
    expect(lengths.filter((hours) => hours === 25)).toHaveLength(1);
    expect(lengths.filter((hours) => hours === 24)).toHaveLength(364);
  });
});

describe("hourly and sub-day windows in a zone", () => {
  it("the repeated Berlin hour on 2024-10-27 is two one-hour windows", () => {
    const hours = listWindows({
      from: iso("2024-10-26T23:00:00Z"),
      to: iso("2024-10-27T03:00:00Z"),
      spec: { kind: "hourly", timeZone: "Europe/Berlin" },
    });
    expect(hours.map((w) => new Date(w.startMs).toISOString())).toEqual([
      "2024-10-26T23:00:00.000Z",
      "2024-10-27T00:00:00.000Z",
      "2024-10-27T01:00:00.000Z",
      "2024-10-27T02:00:00.000Z",
    ]);
    expect(hours.every((w) => w.endMs - w.startMs === HOUR)).toBe(true);
  });

  it("Kolkata hours start at half past the UTC hour", () => {
    expect(
      computeWindowStart(iso("2024-05-17T13:10:00Z"), { kind: "hourly", timeZone: "Asia/Kolkata" }),
    ).toBe(iso("2024-05-17T12:30:00Z"));
  });

  it("six-hour blocks restart at local midnight and shrink on the short day", () => {
    const blocks = listWindows({
      from: iso("2024-03-30T23:00:00Z"),
      to: iso("2024-03-31T22:00:00Z"),
      spec: { kind: "duration", durationMs: 6 * HOUR, timeZone: "Europe/Berlin" },
    });
    expect(blocks.map((w) => (w.endMs - w.startMs) / HOUR)).toEqual([5, 6, 6, 6]);
    expect(blocks[1]?.startMs).toBe(iso("2024-03-31T04:00:00Z"));
  });

  it("weekly windows in New York start on local Monday midnight", () => {
    const week = computeWindowContaining(iso("2024-03-13T12:00:00Z"), {
      kind: "weekly",
      timeZone: "America/New_York",
    });
    // Monday 2024-03-11 00:00 EDT = 04:00Z; the previous Monday 2024-03-04 00:00 EST = 05:00Z.
    expect(week).toEqual({ startMs: iso("2024-03-11T04:00:00Z"), endMs: iso("2024-03-18T04:00:00Z") });
    const dstWeek = computeWindowContaining(iso("2024-03-10T12:00:00Z"), {
      kind: "weekly",
      timeZone: "America/New_York",
    });
    expect(dstWeek).toEqual({ startMs: iso("2024-03-04T05:00:00Z"), endMs: iso("2024-03-11T04:00:00Z") });
  });
});

describe("window partition properties", () => {
  const zones = [
    "UTC",
    "Europe/Berlin",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/St_Johns",
  ];
  const kinds = ["hourly", "daily", "weekly"] as const;
  it("every instant lies in exactly one window whose ends are themselves window starts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: iso("2000-01-01T00:00:00Z"), max: iso("2035-01-01T00:00:00Z") }),
        fc.constantFrom(...zones),
        fc.constantFrom(...kinds),
        (atMs, timeZone, kind) => {
          const spec: WindowSpec = { kind, timeZone };
          const window = computeWindowContaining(atMs, spec);
          expect(window.startMs).toBeLessThanOrEqual(atMs);
          expect(window.endMs).toBeGreaterThan(atMs);
          expect(computeWindowStart(window.startMs, spec)).toBe(window.startMs);
          expect(computeWindowStart(window.endMs, spec)).toBe(window.endMs);
          expect(computeWindowStart(window.endMs - 1, spec)).toBe(window.startMs);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("listWindows tiles the requested range without gaps", () => {
    const spec: WindowSpec = { kind: "hourly", timeZone: "America/Santiago" };
    const windows = listWindows({ from: iso("2024-09-07T00:17:00Z"), to: iso("2024-09-09T00:00:00Z"), spec });
    expect(windows[0]?.startMs).toBe(iso("2024-09-07T00:00:00Z"));
    for (let i = 1; i < windows.length; i++) expect(windows[i]?.startMs).toBe(windows[i - 1]?.endMs);
    expect(windows.at(-1)?.endMs).toBe(iso("2024-09-09T00:00:00Z"));
    expect(listWindows({ from: 10, to: 10, spec })).toEqual([]);
  });
});

describe("listWindowsAffectedBy", () => {
  it("returns each window holding late events once, in time order", () => {
    const spec: WindowSpec = { kind: "daily", timeZone: "Europe/Berlin" };
    const windows = listWindowsAffectedBy(
      [
        iso("2024-10-27T20:00:00Z"),
        iso("2024-10-26T22:00:00Z"),
        new Date(iso("2024-10-27T22:59:59Z")),
        iso("2024-10-01T12:00:00Z"),
      ],
      spec,
    );
    expect(windows).toEqual([
      { startMs: iso("2024-09-30T22:00:00Z"), endMs: iso("2024-10-01T22:00:00Z") },
      { startMs: iso("2024-10-26T22:00:00Z"), endMs: iso("2024-10-27T23:00:00Z") },
    ]);
    expect(listWindowsAffectedBy([], spec)).toEqual([]);
  });
});
