import { describe, expect, it } from "vitest";
import { computeSchemaChange, type SchemaColumnShape } from "./schema-change.js";

const base: SchemaColumnShape[] = [
  { name: "id", role: "id", type: "string" },
  { name: "income", role: "feature", type: "numeric" },
  { name: "city", role: "feature", type: "categorical" },
  { name: "vec", role: "feature", type: "embedding", dimension: 4 },
];

describe("computeSchemaChange", () => {
  const rows: {
    name: string;
    window: SchemaColumnShape[];
    unknown?: string[];
    expected: { added: string[]; removed: string[]; changed: string[]; unknown: string[]; count: number };
  }[] = [
    {
      name: "same schema, no unknown fields",
      window: base,
      expected: { added: [], removed: [], changed: [], unknown: [], count: 0 },
    },
    {
      name: "a column added",
      window: [...base, { name: "age", role: "feature", type: "numeric" }],
      expected: { added: ["age"], removed: [], changed: [], unknown: [], count: 1 },
    },
    {
      name: "a column removed",
      window: base.filter((c) => c.name !== "city"),
      expected: { added: [], removed: ["city"], changed: [], unknown: [], count: 1 },
    },
    {
      name: "a type change and a dimension change",
      window: base.map((c) =>
        c.name === "city" ? { ...c, type: "text" } : c.name === "vec" ? { ...c, dimension: 8 } : c,
      ),
      expected: { added: [], removed: [], changed: ["city", "vec"], unknown: [], count: 2 },
    },
    {
      name: "a role change",
      window: base.map((c) => (c.name === "city" ? { ...c, role: "segment" } : c)),
      expected: { added: [], removed: [], changed: ["city"], unknown: [], count: 1 },
    },
    {
      name: "unknown payload fields count once each; fields the window schema has are not unknown",
      window: base,
      unknown: ["zip", "zip", "income", "agent"],
      expected: { added: [], removed: [], changed: [], unknown: ["agent", "zip"], count: 2 },
    },
  ];
  it.each(rows)("$name", ({ window, unknown, expected }) => {
    const change = computeSchemaChange({
      baseline: base,
      window,
      ...(unknown === undefined ? {} : { unknownFields: unknown }),
    });
    expect({
      added: change.added,
      removed: change.removed,
      changed: change.changed.map((c) => c.name),
      unknown: change.unknownFields,
      count: change.changeCount,
    }).toEqual(expected);
  });

  it("describes a change as role:type[dimension] before and after", () => {
    const change = computeSchemaChange({
      baseline: base,
      window: base.map((c) => (c.name === "vec" ? { ...c, dimension: 8 } : c)),
    });
    expect(change.changed).toEqual([
      { name: "vec", from: "feature:embedding[4]", to: "feature:embedding[8]" },
    ]);
  });
});
