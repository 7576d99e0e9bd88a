import { afterAll, describe, expect, it } from "vitest";
import { deriveEventLayout } from "../../registry/schema-layout.js";
import {
  buildBatch,
  buildModel,
  buildPredictionRow,
  buildVersion,
  buildWorkspace,
  fixedNow,
  testColumns,
  toTestId,
} from "../../testing/record-fixtures.js";
import { describeStore } from "../describe-store.js";
import type { Store } from "../store.js";
import { openPostgresStore } from "./postgres-store.js";
import { startPostgresTestServer, type PostgresTestServer } from "./testing/postgres-server.js";

let server: Promise<PostgresTestServer> | undefined;
let schemaCounter = 0;
const serverUrl = async (): Promise<string> => (await (server ??= startPostgresTestServer())).url;
const nextSchema = (): string => `sx_test_${process.pid}_${(schemaCounter += 1)}`;

afterAll(async () => {
  await (await server)?.stop();
});

describeStore("postgres", async () => {
  const url = await serverUrl();
  const schema = nextSchema();
  let current: Store = await openPostgresStore({ url, schema, maxConnections: 4 });
  return {
    store: current,
    async reopen() {
      await current.close();
      current = await openPostgresStore({ url, schema, maxConnections: 4 });
      return current;
    },
    async dispose() {
      await current.close();
    },
  };
});

async function seedVersion(store: Store): Promise<string> {
  await store.insertWorkspace(buildWorkspace(1));
  await store.insertModel(buildModel(1, toTestId("ws", 1)));
  await store.insertVersion(buildVersion(1, toTestId("mdl", 1)));
  const versionId = toTestId("ver", 1);
  await store.saveVersionSchema(
    versionId,
    { revision: 1, columns: testColumns, updatedAt: fixedNow },
    deriveEventLayout(testColumns),
  );
  return versionId;
}

describe("PostgreSQL store specifics", () => {
  it("migrates once when several processes open the same database at the same time", async () => {
    const url = await serverUrl();
    const schema = nextSchema();
    const stores = await Promise.all(
      [1, 2, 3].map(() => openPostgresStore({ url, schema, maxConnections: 2 })),
    );
    await stores[0]!.insertWorkspace(buildWorkspace(1));
    expect(await stores[2]!.findWorkspace(toTestId("ws", 1))).toEqual(buildWorkspace(1));
    await Promise.all(stores.map((store) => store.close()));
  });

  it("stores each event id once when two writers replay overlapping batches concurrently", async () => {
    const url = await serverUrl();
    const schema = nextSchema();
    const first = await openPostgresStore({ url, schema, maxConnections: 2 });
    const second = await openPostgresStore({ url, schema, maxConnections: 2 });
    const versionId = await seedVersion(first);
    const rows = Array.from({ length: 400 }, (_, n) => buildPredictionRow(n));
    const writes = [0, 100, 200, 0, 150].map((start, index) =>
      (index % 2 === 0 ? first : second).writeEventBatches([
        buildBatch({ kind: "predictions", versionId }, rows.slice(start, start + 200)),
      ]),
    );
    const outcomes = (await Promise.all(writes)).flat();
    expect(outcomes.reduce((sum, outcome) => sum + outcome.inserted, 0)).toBe(400);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.inserted + outcome.duplicates, 0)).toBe(1000);
    expect((await second.countEvents(versionId)).predictions).toBe(400);
    await Promise.all([first.close(), second.close()]);
  });

  it("round-trips unicode text, nulls, embeddings and millisecond timestamps through binary COPY", async () => {
    const url = await serverUrl();
    const store = await openPostgresStore({ url, schema: nextSchema(), maxConnections: 2 });
    const versionId = await seedVersion(store);
    const row: Record<string, unknown> = {
      ...buildPredictionRow(7),
      city: 'Zürich – 東京 "q" \\ 😀',
      vec: [0.5, -1e-300],
    };
    await store.writeEventBatches([buildBatch({ kind: "predictions", versionId }, [row])]);
    const [event] = (await store.listEvents(versionId, { limit: 5, offset: 0 })).items;
    expect(event?.values).toMatchObject({ city: row.city, vec: row.vec, income: row.income });
    expect(event?.timestamp.getTime()).toBe(new Date(String(row.ts)).getTime());
    await store.close();
  });
});
