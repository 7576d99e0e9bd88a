import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHashCodeTable,
  createWindowCodeTable,
  decodeWindowCodes,
  toPackedWindowsExpression,
} from "./category-codes.js";
import type { ColumnPlan } from "./column-readers.js";
import { planSideSelect, readColumns } from "./column-readers.js";
import { openDuckDbSession, type DuckDbSession } from "./duckdb-session.js";
import { readParquetSideAlone, type SideReader } from "./side-read.js";

let session: DuckDbSession;
const directory = mkdtempSync(join(tmpdir(), "sextant-readers-"));
const currentParquet = join(directory, "cur.parquet");

const noErrors = { reference: 0, current: 0 };
const plans: ColumnPlan[] = [
  { name: "s", kind: "categorical", storage: "string", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "i", kind: "categorical", storage: "integer", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "b", kind: "categorical", storage: "boolean", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "f", kind: "categorical", storage: "float", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "x", kind: "numeric", storage: "float", typeErrors: noErrors, embeddingDimension: 0 },
  { name: "t", kind: "text", storage: "string", typeErrors: noErrors, embeddingDimension: 0 },
];

/** A string column planned as categorical. */
const category = (name: string): ColumnPlan => ({
  name,
  kind: "categorical",
  storage: "string",
  typeErrors: noErrors,
  embeddingDimension: 0,
});

/** The two sides as tables in `target`, the current side also as a Parquet file. */
async function createSides(target: DuckDbSession): Promise<void> {
  const long = "a category label longer than twelve bytes";
  await target.run(`CREATE TABLE ref AS SELECT * FROM (VALUES
    ('b', 1, true, 0.5, 1.5, 'w'), ('a', 2, false, -0.0, NULL, 'w'), (NULL, 1, NULL, 0.0, 2.5, NULL),
    ('b', 1, true, 0.5, 1.5, 'w'), ('${long}', NULL, true, NULL, 'NaN'::DOUBLE, 'v')
  ) t(s, i, b, f, x, t)`);
  await target.run(`CREATE TABLE cur AS SELECT * FROM (VALUES
    ('c', 3, false, 0.25, 1.5, 'z'), ('a', 2, false, 0.5, 3.5, 'w'), ('c', 3, false, 0.25, 1.5, 'z')
  ) t(s, i, b, f, x, t)`);
  await target.run(`COPY cur TO '${currentParquet}' (FORMAT parquet)`);
}

beforeAll(async () => {
  session = await openDuckDbSession();
  await createSides(session);
});

afterAll(() => {
  session.close();
  rmSync(directory, { recursive: true, force: true });
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

  it("reads the current side in another DuckDB (as the report's worker does) exactly as here", async () => {
    const local = await readColumns({ session, plans, referenceRows: 5, currentRows: 3 });
    let calls = 0;
    const read: SideReader = (request) => {
      calls++;
      return readParquetSideAlone(request);
    };
    const elsewhere = { read, path: currentParquet };
    expect(
      await readColumns({
        session,
        plans,
        referenceRows: 5,
        currentRows: 3,
        readCurrentElsewhere: elsewhere,
      }),
    ).toEqual(local);
    expect(calls).toBe(1);
    // A reader that fails leaves the side to this session; ENUM-coded categories never leave it.
    const failing = { read: () => Promise.reject(new Error("no thread")), path: currentParquet };
    expect(
      await readColumns({ session, plans, referenceRows: 5, currentRows: 3, readCurrentElsewhere: failing }),
    ).toEqual(local);
    // A fresh session: the first test created this one's ENUM types already.
    const enumSession = await openDuckDbSession();
    await createSides(enumSession);
    const enumRead = await readColumns({
      session: enumSession,
      plans,
      referenceRows: 5,
      currentRows: 3,
      forceEnumCodes: true,
      readCurrentElsewhere: elsewhere,
    });
    enumSession.close();
    expect(enumRead).toEqual(local);
    expect(calls).toBe(1);
  });
});

describe("categories read as packed hash windows", () => {
  it("unpacks windows DuckDB packed at shifts in both words of the hash as JavaScript reads them", async () => {
    const shifts = [0, 13, 32, 48];
    const entries = await session.queryRows(
      `SELECT v, CAST(hash(v) & 4294967295 AS UINTEGER), CAST(hash(v) >> 32 AS UINTEGER) FROM (VALUES ('a'), ('b'), (NULL), ('${"x".repeat(40)}')) t(v)`,
    );
    const windows = shifts.map((shift) => ({ hash: "hash(v)", shift }));
    const sql = `SELECT ${toPackedWindowsExpression(windows)} FROM (VALUES ('a'), ('b'), (NULL), ('${"x".repeat(40)}')) t(v)`;
    const words: number[] = [];
    await session.readChunks(sql, (chunk) =>
      words.push(...chunk.wordColumn(0).subarray(0, 2 * chunk.rowCount)),
    );
    shifts.forEach((shift, part) => {
      const codes = createWindowCodeTable(
        entries.map((row, code) => ({ low: Number(row[1]), high: Number(row[2]), code })),
        shift,
      );
      const out = new Int32Array(4);
      decodeWindowCodes({ words: Uint32Array.from(words), rowCount: 4, part, codes, out, offset: 0 });
      // The rows in the order the dictionary rows were listed, each its own code (collisions aside,
      // which four distinct short strings do not have in these windows).
      expect([...out]).toEqual([0, 1, 2, 3]);
    });
  });

  it("reads six small and one large dictionary (two packed columns and a whole hash) as ENUM codes do", async () => {
    const wide = await openDuckDbSession();
    const names = ["c0", "c1", "c2", "c3", "c4", "c5"];
    const small = names.map(
      (n, k) => `CASE WHEN i % 11 = ${k} THEN NULL ELSE 'v' || (i % ${3 + k}) END AS ${n}`,
    );
    const select = (from: number, to: number) =>
      `SELECT ${small.join(", ")}, 'w' || (i % 3000) AS big, i * 0.5 AS x FROM range(${from}, ${to}) r(i)`;
    await wide.run(`CREATE TABLE ref AS ${select(0, 4000)}`);
    await wide.run(`CREATE TABLE cur AS ${select(2000, 5000)}`);
    const widePlans = [
      ...names.map(category),
      category("big"),
      { name: "x", kind: "numeric", storage: "float", typeErrors: noErrors, embeddingDimension: 0 } as const,
    ];
    const read = (forceEnumCodes: boolean) =>
      readColumns({
        session: wide,
        plans: widePlans,
        referenceRows: 4000,
        currentRows: 3000,
        forceEnumCodes,
      });
    const windowed = await read(false);
    const enumCoded = await read(true);
    wide.close();
    expect(windowed).toEqual(enumCoded);
    const big = windowed.columns.get("big");
    expect(big?.kind === "categorical" ? big.categories.length : 0).toBe(3000);
    // Current row 7 is i = 2007, and 2007 % 11 = 5: c5 is missing there.
    const c5 = windowed.columns.get("c5");
    expect(c5?.kind === "categorical" ? c5.current[7] : undefined).toBe(-1);
  });

  it("codes an integer column stored at different widths in the two files (negative values included)", async () => {
    const { loadDatasets } = await import("./load-datasets.js");
    const widths = await openDuckDbSession();
    const ref = join(directory, "ref-smallint.parquet");
    const cur = join(directory, "cur-bigint.parquet");
    await widths.run(
      `COPY (SELECT (i % 5 - 2)::SMALLINT AS k, i * 0.5 AS x FROM range(200) r(i)) TO '${ref}' (FORMAT parquet)`,
    );
    await widths.run(
      `COPY (SELECT (i % 4 - 3)::BIGINT AS k, i * 0.5 AS x FROM range(100) r(i)) TO '${cur}' (FORMAT parquet)`,
    );
    widths.close();
    // DuckDB hashes -3 as SMALLINT and as BIGINT differently; both sides must still find their codes.
    const loaded = await loadDatasets({
      referencePath: ref,
      currentPath: cur,
      kindOverrides: { k: "categorical" },
      roles: { segments: [], protected: [] },
      strict: true,
      allowTypeErrors: false,
    });
    const k = loaded.columns.get("k");
    if (k?.kind !== "categorical") throw new Error("k should be categorical");
    expect(k.categories).toEqual([-1, -2, -3, 0, 1, 2]);
    const label = (code: number) => k.categories[code];
    expect(Array.from(k.reference.subarray(0, 5), label)).toEqual([-2, -1, 0, 1, 2]);
    expect(Array.from(k.current.subarray(0, 4), label)).toEqual([-3, -2, -1, 0]);
  });

  it("packs windowed columns four to a SELECT column after the others", () => {
    const dictionary = (size: number, spread: number) => ({
      labels: [],
      table: createHashCodeTable(
        Array.from({ length: size }, (_, code) => ({ low: code * spread, high: code, code })),
      )!,
    });
    const names = ["a", "b", "c", "d", "e"];
    const dictionaries = new Map(names.map((n) => [n, dictionary(3, 1)]));
    dictionaries.set("big", dictionary(3000, 65_537));
    const x: ColumnPlan = {
      name: "x",
      kind: "numeric",
      storage: "float",
      typeErrors: noErrors,
      embeddingDimension: 0,
    };
    const { expressions, columns } = planSideSelect(
      [category("a"), x, ...names.slice(1).map(category), category("big")],
      dictionaries,
    );
    // x and big (too many values for a window) first, then a, b, c, d packed, then e alone.
    expect(expressions).toHaveLength(4);
    expect(columns.map((c) => [c.source, c.window?.part])).toEqual([
      [2, 0],
      [0, undefined],
      [2, 1],
      [2, 2],
      [2, 3],
      [3, 0],
      [1, undefined],
    ]);
    expect(expressions[1]).toBe('hash(CAST("big" AS VARCHAR))');
  });
});

describe("handing DuckDB sessions over instead of closing them", () => {
  it("gives a side reader's session to `release` after a successful read, still open", async () => {
    let kept: DuckDbSession | undefined;
    const local = await readColumns({ session, plans, referenceRows: 5, currentRows: 3 });
    const viaRelease = await readColumns({
      session,
      plans,
      referenceRows: 5,
      currentRows: 3,
      readCurrentElsewhere: {
        path: currentParquet,
        read: (r) =>
          readParquetSideAlone(r, undefined, (s) => {
            kept = s;
          }),
      },
    });
    expect(viaRelease).toEqual(local);
    expect(kept).toBeDefined();
    expect(await kept!.queryRows("SELECT count(*) FROM cur")).toEqual([[3]]);
    kept!.close();
  });

  it("hands loadDatasets' session to releaseSession only when the load succeeds", async () => {
    const { loadDatasets } = await import("./load-datasets.js");
    const { writeFile } = await import("node:fs/promises");
    const csv = join(directory, "small.csv");
    await writeFile(csv, "x,y\n1,a\n2,b\n3,a\n");
    const base = {
      referencePath: csv,
      currentPath: csv,
      kindOverrides: {},
      roles: { segments: [], protected: [] },
      strict: false,
      allowTypeErrors: false,
    };
    const closes: (() => void)[] = [];
    const profiling: unknown[] = [];
    const loaded = await loadDatasets({
      ...base,
      releaseSession: (close) => closes.push(close),
      whileProfiling: (rows) => profiling.push(rows),
    });
    expect(loaded.reference.rowCount).toBe(3);
    // The caller's work while DuckDB profiles runs once, with the row counts, and the load is the same
    // without it.
    expect(profiling).toEqual([{ reference: 3, current: 3 }]);
    expect(await loadDatasets(base)).toEqual(loaded);
    expect(closes).toHaveLength(1);
    closes[0]!();
    await expect(
      loadDatasets({
        ...base,
        roles: { target: "missing", segments: [], protected: [] },
        releaseSession: (close) => closes.push(close),
      }),
    ).rejects.toThrow(/missing/);
    expect(closes).toHaveLength(1);
  });
});
