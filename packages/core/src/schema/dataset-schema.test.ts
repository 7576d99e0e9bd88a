import { describe, expect, it } from "vitest";
import { listRoleColumns, parseDatasetSchema, toSchemaDocument } from "./dataset-schema.js";

describe("parseDatasetSchema", () => {
  it("round-trips what toSchemaDocument writes", () => {
    const parsed = parseDatasetSchema({
      version: 1,
      columns: { a: "numeric", b: "categorical" },
      roles: { target: "y", prediction_proba: ["p0", "p1"], segments: "region", protected: ["sex"] },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.schema.roles.segments).toEqual(["region"]);
    expect(parseDatasetSchema(toSchemaDocument(parsed.schema))).toEqual(parsed);
  });

  it.each([
    [[], "must hold an object"],
    [{ version: 2 }, "unsupported schema version"],
    [{ columns: { a: "number" } }, "columns.a"],
    [{ roles: { target: 3 } }, "roles.target"],
    [{ roles: { segments: [1] } }, "roles.segments"],
  ])("rejects %j", (raw, message) => {
    const parsed = parseDatasetSchema(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it("lists role columns once each", () => {
    expect(listRoleColumns({ target: "y", prediction: "p", segments: ["s", "y"], protected: ["s"] })).toEqual(
      ["y", "p", "s"],
    );
  });
});
