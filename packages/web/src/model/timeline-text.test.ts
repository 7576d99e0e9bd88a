import { describe, expect, it } from "vitest";
import { selectVisibleTimeline, toReadableDetail } from "./timeline-text.js";

describe("timeline text", () => {
  it("shortens instants and long decimals", () => {
    expect(
      toReadableDetail("Drift critical in window 2026-11-21T00:00:00.000Z (value 0.6370027756655713)"),
    ).toBe("Drift critical in window 2026-11-21 00:00 (value 0.637)");
    expect(toReadableDetail("value -12.345678 and 0.5")).toBe("value -12.3 and 0.5");
    expect(toReadableDetail(null)).toBe("");
  });

  it("keeps every other entry and the latest violations", () => {
    const kinds = ["opened", "violation", "violation", "notified", "violation", "acknowledged"];
    const { visible, hidden } = selectVisibleTimeline(
      kinds.map((kind, i) => ({ kind, i })),
      1,
    );
    expect(visible.map((e) => e.i)).toEqual([0, 3, 4, 5]);
    expect(hidden).toBe(2);
    expect(selectVisibleTimeline([{ kind: "violation" }], 5)).toEqual({
      visible: [{ kind: "violation" }],
      hidden: 0,
    });
  });
});
