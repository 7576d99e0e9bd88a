import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColumnPlan } from "./column-readers.js";
import { readColumns } from "./column-readers.js";
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
    const loaded = await loadDatasets({ ...base, releaseSession: (close) => closes.push(close) });
    expect(loaded.reference.rowCount).toBe(3);
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
