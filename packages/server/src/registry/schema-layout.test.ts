import { describe, expect, it } from "vitest";
import type { ColumnSpec } from "@sextant/sdk";
import { testColumns } from "../testing/record-fixtures.js";
import { checkSchemaColumns, deriveEventLayout } from "./schema-layout.js";
import { inferSchemaColumns } from "./schema-inference.js";

const column = (spec: Partial<ColumnSpec> & Pick<ColumnSpec, "name" | "role" | "type">): ColumnSpec => ({
  nullable: true,
  description: "",
  ...spec,
});

describe("checkSchemaColumns", () => {
  it("accepts a consistent schema", () => {
    expect(checkSchemaColumns(testColumns)).toEqual([]);
  });

  it.each([
    [[column({ name: "x", role: "feature", type: "numeric" })], "ID_COLUMN"],
    [[...testColumns, column({ name: "id2", role: "id", type: "string", nullable: false })], "ID_COLUMN"],
    [
      [...testColumns, column({ name: "t2", role: "timestamp", type: "timestamp", nullable: false })],
      "TIMESTAMP_COLUMN",
    ],
    [[...testColumns, column({ name: "income", role: "feature", type: "numeric" })], "DUPLICATE"],
    [[...testColumns, column({ name: "e", role: "feature", type: "embedding" })], "REQUIRED"],
    [[...testColumns, column({ name: "p", role: "class_probabilities", type: "probabilities" })], "REQUIRED"],
    [
      [...testColumns, column({ name: "s", role: "prediction_score", type: "categorical" })],
      "TYPE_NOT_ALLOWED",
    ],
    [[...testColumns, column({ name: "__sx_x", role: "feature", type: "numeric" })], "RESERVED_NAME"],
    [testColumns.map((c) => (c.role === "id" ? { ...c, nullable: true } : c)), "NOT_NULLABLE"],
  ])("flags %#: %s", (columns, code) => {
    expect(checkSchemaColumns(columns).map((error) => error.code)).toContain(code);
  });
});

describe("deriveEventLayout", () => {
  it("puts each role in its stream with its storage type", () => {
    const layout = deriveEventLayout(testColumns);
    expect(layout.predictions.map((c) => `${c.name}:${c.storage}`)).toEqual([
      "income:double",
      "city:varchar",
      "vec:double_list",
      "owns_car:boolean",
      "score:double",
    ]);
    expect(layout.labels).toEqual([{ name: "label", storage: "varchar" }]);
    expect(layout.outcomes).toEqual([{ name: "revenue", storage: "double" }]);
    expect(layout.reference).toHaveLength(7);
  });
});

describe("inferSchemaColumns", () => {
  const rows = Array.from({ length: 60 }, (_, n) => ({
    event_id: `e${n}`,
    created_at: `2026-01-0${(n % 9) + 1}T00:00:00Z`,
    amount: n * 1.5,
    country: ["fr", "de"][n % 2],
    note: `free text number ${n} with words`,
    flag: n % 2 === 0,
    emb: [n, n + 1, n + 2],
    proba: { a: 0.2, b: 0.8 },
    p: (n % 10) / 10 + 0.05,
    y: n % 2,
    region: "north",
    gender: "f",
    revenue: n,
  }));
  const hints = {
    predictionColumns: ["p", "proba"],
    targetColumns: ["y"],
    segmentColumns: ["region"],
    protectedAttributes: ["gender"],
    outcomeColumns: ["revenue"],
  };

  it("proposes roles and types from values, names and hints", () => {
    const inferred = inferSchemaColumns(rows, hints, "binary");
    expect(Object.fromEntries(inferred.map((c) => [c.name, `${c.role}:${c.type}`]))).toEqual({
      event_id: "id:string",
      created_at: "timestamp:timestamp",
      amount: "feature:numeric",
      country: "feature:categorical",
      note: "feature:text",
      flag: "feature:boolean",
      emb: "feature:embedding",
      proba: "class_probabilities:probabilities",
      p: "prediction_score:numeric",
      y: "target:categorical",
      region: "segment:categorical",
      gender: "protected_attribute:categorical",
      revenue: "business_outcome:numeric",
    });
    expect(inferred.find((c) => c.name === "emb")?.dimension).toBe(3);
    expect(inferred.find((c) => c.name === "proba")?.classes).toEqual(["a", "b"]);
    expect(checkSchemaColumns(inferred)).toEqual([]);
  });

  it("treats labels of regression models as numeric", () => {
    const inferred = inferSchemaColumns(rows, hints, "regression");
    expect(inferred.find((c) => c.name === "y")).toMatchObject({ role: "target", type: "numeric" });
    expect(inferred.find((c) => c.name === "p")).toMatchObject({ role: "prediction_label", type: "numeric" });
  });
});
