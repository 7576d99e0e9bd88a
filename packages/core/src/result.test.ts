import { describe, expect, it } from "vitest";
import { toInsufficientData, toOk } from "./result.js";

describe("result values", () => {
  it("wraps values as ok", () => {
    expect(toOk({ score: 1 })).toEqual({ status: "ok", score: 1 });
  });
  it("names the reason for insufficient data", () => {
    expect(toInsufficientData("empty")).toEqual({ status: "insufficient_data", reason: "empty" });
  });
});
