import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColumnPlan } from "./column-readers.js";
import { readColumns } from "./column-readers.js";
import { openDuckDbSession, type DuckDbSession } from "./duckdb-session.js";

let session: DuckDbSession;

const noErrors = { reference: 0, current: 0 };
const plans: ColumnPlan[] = [
  { name: "s", kind: "categorical", storage: "string", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "i", kind: "categorical", storage: "integer", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "b", kind: "categorical", storage: "boolean", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "f", kind: "categorical", storage: "float", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "x", kind: "numeric", storage: "float", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "t", kind: "text", storage: "string", typeErrors: noErrors, embeddingDimension: 0 },
];

beforeAll(async () => {
  session = await openDuckDbSession();
  const long = "a category label longer than twelve bytes";
  await session.run(`CREATE TABLE ref AS SELECT * FROM (VALUES
    ('b', 1, true, 0.5, 1.5, 'w'), ('a', 2, false, -0.0, NULL, 'w'), (NULL, 1, NULL, 0.0, 2.5, NULL),
    ('b', 1, true, 0.5, 1.5, 'w'), ('${long}', NULL, true, NULL, 'NaN'::DOUBLE, 'v')
  ) t(s, i, b, f, x, t)`);
  await session.run(`CREATE TABLE cur AS SELECT * FROM (VALUES
    ('c', 3, false, 0.25, 1.5, 'z'), ('a', 2, false, 0.5, 3.5, 'w'), ('c', 3, false, 0.25, 1.5, 'z')
  ) t(s, i, b, f, x, t)`);
});

afterAll(() => {
  session.close();
});

describe("readColumns", () => {
  it("codes categories by value hash exactly as the ENUM fallback does", async () => {
    const read = (forceEnumCodes: boolean) =>
      readColumns({ session, plans, referenceRows: 5, currentRows: 3, forceEnumCodes });
    const hashed = await read(false);
    expect(hashed).toEqual(await read(true));
    const s = hashed.columns.get("s");
    expect(s).toMatchObject({
      kind: "categorical",
      categories: ["a", "a category label longer than twelve bytes", "b", "c"],
      reference: Int32Array.of(2, 0, -1, 2, 1),
      current: Int32Array.of(3, 0, 3),
    });
    // -0.0 and 0.0 are one value (DuckDB's DISTINCT and hash agree), hence one category.
    expect(hashed.columns.get("f")).toMatchObject({
      categories: [0, 0.25, 0.5],
      reference: Int32Array.of(2, 0, 0, 2, -1),
    });
    expect(hashed.columns.get("b")).toMatchObject({
      categories: [false, true],
      current: Int32Array.of(0, 0, 0),
    });
    expect(hashed.duplicateRows).toEqual([1, 1]);
  });
});
