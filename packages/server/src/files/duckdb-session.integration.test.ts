import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDbSession, settleInOrder, type DuckDbSession } from "./duckdb-session.js";

let session: DuckDbSession;

beforeAll(async () => {
  session = await openDuckDbSession({ connections: 2 });
});

afterAll(() => {
  session.close();
});

describe("DuckDB session on the C API bindings", () => {
  it("returns small results as rows of plain values, NULLs and long strings included", async () => {
    const rows = await session.queryRows(
      `SELECT * FROM (VALUES
        (true, 1::TINYINT, 2::SMALLINT, 3::INTEGER, 4::BIGINT, 5::UBIGINT, 1.5::FLOAT, 2.25::DOUBLE, 'short', 'a string longer than twelve bytes'),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'é€😀 unicode beyond the inline limit')
      ) t(b, ti, si, i, bi, ubi, f, d, s, l)`,
    );
    expect(rows).toEqual([
      [true, 1, 2, 3, 4, 5, 1.5, 2.25, "short", "a string longer than twelve bytes"],
      [null, null, null, null, null, null, null, null, null, "é€😀 unicode beyond the inline limit"],
    ]);
  });

  it("refuses a type it does not read instead of guessing", async () => {
    await expect(session.queryRows("SELECT DATE '2024-01-01'")).rejects.toThrow(/not supported/);
  });

  it("hands large results over chunk by chunk, in order, as typed columns and 64-bit words", async () => {
    const doubles: number[] = [];
    const integers: number[] = [];
    let words = 0;
    await session.readChunks(
      "SELECT i / 2, CAST(i AS INTEGER), hash(i) FROM range(5000) r(i) ORDER BY i",
      (chunk) => {
        expect(chunk.columnCount).toBe(3);
        doubles.push(...chunk.typedColumn(0));
        integers.push(...chunk.typedColumn(1));
        words += chunk.wordColumn(2).length;
        expect(() => chunk.wordColumn(0)).toThrow(TypeError);
      },
    );
    expect(doubles).toEqual(Array.from({ length: 5000 }, (_, i) => i / 2));
    expect(integers).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(words).toBe(10_000);
  });

  it("runs independent queries at once on its connections and keeps views shared between them", async () => {
    await session.run("CREATE VIEW shared_view AS SELECT 42 AS answer");
    const results = await Promise.all(
      Array.from({ length: 4 }, () => session.queryRows("SELECT answer FROM shared_view")),
    );
    expect(results).toEqual(Array.from({ length: 4 }, () => [[42]]));
  });
});

describe("settleInOrder", () => {
  it("throws the first failure in argument order, not in time", async () => {
    const late = new Promise<number>((_, reject) =>
      setTimeout(() => {
        reject(new Error("first"));
      }, 20),
    );
    const early = Promise.reject(new Error("second"));
    await expect(settleInOrder<[number, number]>([late, early])).rejects.toThrow("first");
    await expect(
      settleInOrder<[number, string]>([Promise.resolve(1), Promise.resolve("x")]),
    ).resolves.toEqual([1, "x"]);
  });
});
