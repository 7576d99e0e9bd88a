import { describe, expect, it } from "vitest";
import { toCsv, toCsvCell } from "./csv-cells.js";

describe("CSV cells", () => {
  it("quotes fields with a comma, quote or line break and doubles inner quotes", () => {
    expect(toCsvCell("a,b")).toBe('"a,b"');
    expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(toCsvCell("plain")).toBe("plain");
  });

  it("prefixes text a spreadsheet would run as a formula with a single quote", () => {
    expect(toCsvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(toCsvCell("+1")).toBe("'+1");
    expect(toCsvCell("-2")).toBe("'-2");
    expect(toCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(toCsvCell("\tcmd")).toBe("'\tcmd");
  });

  it("keeps numbers as numbers, including negatives, and empties missing values", () => {
    expect(toCsvCell(-2.5)).toBe("-2.5");
    expect(toCsvCell(Number.NaN)).toBe("");
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(undefined)).toBe("");
    expect(toCsvCell(true)).toBe("true");
    expect(toCsvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
  });

  it("joins rows with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
