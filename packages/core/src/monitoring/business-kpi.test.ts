import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KpiAggregation, KpiEvent, OutcomeRecord } from "./business-kpi.js";
import { computeBusinessKpi, computeBusinessKpiSeries } from "./business-kpi.js";

const records: OutcomeRecord[] = [
  { converted: true, revenue: 10, visits: 2 },
  { converted: false, revenue: 0, visits: 1 },
  { converted: 1, revenue: 30, visits: null },
  { converted: null, revenue: Number.NaN, visits: 3 },
  { revenue: 5, visits: 4 },
];

describe("computeBusinessKpi", () => {
  it.each<[string, KpiAggregation, number, number, number, number]>([
    // name, aggregation, value, rows used, missing, denominator
    ["mean", { kind: "mean", column: "revenue" }, 45 / 4, 4, 1, 4],
    ["sum", { kind: "sum", column: "revenue" }, 45, 4, 1, 4],
    ["rate of a boolean column", { kind: "rate", column: "converted" }, 2 / 3, 3, 2, 3],
    [
      "ratio of sums over rows with both",
      { kind: "ratio", numeratorColumn: "revenue", denominatorColumn: "visits" },
      15 / 7,
      3,
      2,
      7,
    ],
  ])("%s", (_name, aggregation, value, rowCount, missingCount, denominator) => {
    const result = computeBusinessKpi({ records, aggregation });
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value).toBeCloseTo(value, 12);
    expect([result.rowCount, result.missingCount, result.denominator]).toEqual([
      rowCount,
      missingCount,
      denominator,
    ]);
  });

  it("reports insufficient data instead of 0 or NaN", () => {
    const kinds: KpiAggregation[] = [
      { kind: "mean", column: "revenue" },
      { kind: "sum", column: "revenue" },
      { kind: "rate", column: "converted" },
      { kind: "ratio", numeratorColumn: "revenue", denominatorColumn: "visits" },
    ];
    for (const aggregation of kinds)
      expect(computeBusinessKpi({ records: [], aggregation }).status).toBe("insufficient_data");
    const zeroDenominator = computeBusinessKpi({
      records: [
        { a: 1, b: 2 },
        { a: 3, b: -2 },
      ],
      aggregation: { kind: "ratio", numeratorColumn: "a", denominatorColumn: "b" },
    });
    expect(zeroDenominator.status).toBe("insufficient_data");
    const notBinary = computeBusinessKpi({ records: [{ c: 2 }], aggregation: { kind: "rate", column: "c" } });
    expect(notBinary.status).toBe("insufficient_data");
  });

  it("sums stay exact where naive summation drifts", () => {
    const big: OutcomeRecord[] = [{ x: 1e16 }, { x: 1 }, { x: -1e16 }, { x: 1 }];
    const result = computeBusinessKpi({ records: big, aggregation: { kind: "sum", column: "x" } });
    expect(result.status === "ok" && result.value).toBe(2);
  });

  it("a rate lies in [0, 1] and equals the mean of the same column", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.boolean()), { minLength: 1, maxLength: 40 }), (cells) => {
        const rows = cells.map((cell) => ({ y: cell }));
        const rate = computeBusinessKpi({ records: rows, aggregation: { kind: "rate", column: "y" } });
        const mean = computeBusinessKpi({ records: rows, aggregation: { kind: "mean", column: "y" } });
        expect(rate.status).toBe(mean.status);
        if (rate.status === "ok" && mean.status === "ok") {
          expect(rate.value).toBe(mean.value);
          expect(rate.value).toBeGreaterThanOrEqual(0);
          expect(rate.value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe("computeBusinessKpiSeries", () => {
  const day = (iso: string): number => Date.parse(iso);
  const events: KpiEvent[] = [
    { atMs: day("2024-10-27T21:30:00Z"), segments: ["EU"], outcomes: { converted: true } },
    { atMs: day("2024-10-26T22:30:00Z"), segments: ["EU", "mobile"], outcomes: { converted: false } },
    { atMs: day("2024-10-27T23:30:00Z"), outcomes: { converted: true } },
    { atMs: day("2024-10-27T10:00:00Z"), segments: ["mobile", "mobile"], outcomes: { converted: true } },
  ];

  it("groups by zoned window and by every matching segment, all traffic first", () => {
    const series = computeBusinessKpiSeries({
      events,
      aggregation: { kind: "rate", column: "converted" },
      windowSpec: { kind: "daily", timeZone: "Europe/Berlin" },
    });
    const summary = series.map((point) => [
      new Date(point.window.startMs).toISOString(),
      point.segment,
      point.result.status === "ok" ? point.result.value : null,
      point.result.status === "ok" ? point.result.rowCount : null,
    ]);
    // 2024-10-27 in Berlin is the 25-hour day [22:00Z on the 26th, 23:00Z on the 27th).
    expect(summary).toEqual([
      ["2024-10-26T22:00:00.000Z", null, 2 / 3, 3],
      ["2024-10-26T22:00:00.000Z", "EU", 0.5, 2],
      ["2024-10-26T22:00:00.000Z", "mobile", 0.5, 2],
      ["2024-10-27T23:00:00.000Z", null, 1, 1],
    ]);
    expect(series[0]?.window.endMs).toBe(day("2024-10-27T23:00:00Z"));
  });

  it("returns no points without events", () => {
    expect(
      computeBusinessKpiSeries({
        events: [],
        aggregation: { kind: "sum", column: "x" },
        windowSpec: { kind: "hourly" },
      }),
    ).toEqual([]);
  });
});
