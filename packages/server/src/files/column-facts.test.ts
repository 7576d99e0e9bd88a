import { describe, expect, it } from "vitest";
import { hasMixedIntegerWidths, toUnifiedExpression } from "./column-facts.js";

describe("toUnifiedExpression", () => {
  it("casts floats and strings to one type, and integers only when the files store them at two widths", () => {
    expect(toUnifiedExpression({ name: "x", storage: "float" })).toBe('CAST("x" AS DOUBLE)');
    expect(toUnifiedExpression({ name: "s", storage: "string" })).toBe('CAST("s" AS VARCHAR)');
    expect(toUnifiedExpression({ name: "k", storage: "integer" })).toBe('"k"');
    expect(toUnifiedExpression({ name: "k", storage: "integer", mixedIntegerWidths: true })).toBe(
      'CAST("k" AS HUGEINT)',
    );
  });

  it("calls integer columns mixed when their two types differ, and only integer ones", () => {
    expect(hasMixedIntegerWidths("SMALLINT", "BIGINT")).toBe(true);
    expect(hasMixedIntegerWidths("INTEGER", "UBIGINT")).toBe(true);
    expect(hasMixedIntegerWidths("BIGINT", "bigint")).toBe(false);
    expect(hasMixedIntegerWidths("INTEGER", "DOUBLE")).toBe(false);
    expect(hasMixedIntegerWidths("VARCHAR", "BOOLEAN")).toBe(false);
  });
});
