import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorCatalogue, errorCodes, isErrorCode, toProblemType } from "@sextant/sdk";

const docs = readFileSync(new URL("../../../../docs/errors.md", import.meta.url), "utf8");

function sectionOf(code: string): string {
  const start = docs.indexOf(`### ${code}\n`);
  if (start === -1) return "";
  const next = docs.indexOf("\n### ", start + 1);
  return docs.slice(start, next === -1 ? undefined : next);
}

describe("error catalogue", () => {
  it.each(errorCodes)("documents %s in docs/errors.md with its status and title", (code) => {
    const section = sectionOf(code);
    expect(section).not.toBe("");
    expect(section).toContain(`- Status: ${errorCatalogue[code].status}`);
    expect(section).toContain(`- Title: ${errorCatalogue[code].title}`);
  });

  it("documents no code that the catalogue lacks", () => {
    const documented = [...docs.matchAll(/^### ([A-Z_]+)$/gm)].map((match) => match[1]!);
    expect(documented.filter((code) => !isErrorCode(code))).toEqual([]);
    expect(documented).toHaveLength(errorCodes.length);
  });

  it("names codes noun-then-condition in SCREAMING_SNAKE and maps them to URNs", () => {
    for (const code of errorCodes) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)+$/);
    expect(toProblemType("MODEL_NOT_FOUND")).toBe("urn:sextant:error:model-not-found");
    expect(isErrorCode("NOPE")).toBe(false);
  });
});
