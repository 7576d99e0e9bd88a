import { describe, expect, it } from "vitest";
import type { Store } from "../storage/store.js";
import { buildModel, buildVersion, toTestId } from "../testing/record-fixtures.js";
import type { ModelRecord, VersionRecord } from "./records.js";
import { withRegistryReadCache } from "./registry-read-cache.js";

function createCountingStore() {
  const versions = new Map<string, VersionRecord>();
  const models = new Map<string, ModelRecord>();
  const reads = { versions: 0, models: 0 };
  const store = {
    findVersion: (id: string) => {
      reads.versions += 1;
      return Promise.resolve(versions.get(id));
    },
    findModel: (id: string) => {
      reads.models += 1;
      return Promise.resolve(models.get(id));
    },
    updateVersion: (record: VersionRecord) => {
      versions.set(record.id, record);
      return Promise.resolve();
    },
    updateModel: (record: ModelRecord) => {
      models.set(record.id, record);
      return Promise.resolve();
    },
    saveVersionSchema: () => Promise.resolve(),
  } as unknown as Store;
  return { store, versions, models, reads };
}

describe("withRegistryReadCache", () => {
  const versionId = toTestId("ver", 1);
  const version = buildVersion(1, toTestId("mdl", 1));

  it("answers repeated reads from the cache until the TTL passes", async () => {
    const { store, versions, reads } = createCountingStore();
    versions.set(versionId, version);
    let now = 0;
    const cached = withRegistryReadCache(store, { ttlMs: 1000, clock: () => new Date(now) });
    await Promise.all([cached.findVersion(versionId), cached.findVersion(versionId)]);
    now = 999;
    expect(await cached.findVersion(versionId)).toEqual(version);
    expect(reads.versions).toBe(1);
    // Another process changed it: seen once the entry expires.
    versions.set(versionId, { ...version, name: "changed" });
    now = 1000;
    expect((await cached.findVersion(versionId))?.name).toBe("changed");
    expect(reads.versions).toBe(2);
  });

  it("drops an entry when this process writes it, and never caches a miss", async () => {
    const { store, versions, models, reads } = createCountingStore();
    const cached = withRegistryReadCache(store, { ttlMs: 60_000, clock: () => new Date(0) });
    expect(await cached.findVersion(versionId)).toBeUndefined();
    versions.set(versionId, version);
    expect(await cached.findVersion(versionId)).toEqual(version);
    await cached.updateVersion({ ...version, stage: "production" });
    expect((await cached.findVersion(versionId))?.stage).toBe("production");
    await cached.saveVersionSchema(versionId, version.schema!, {
      predictions: [],
      labels: [],
      outcomes: [],
      reference: [],
    });
    await cached.findVersion(versionId);
    expect(reads.versions).toBe(4);
    const model = buildModel(1, toTestId("ws", 1));
    models.set(model.id, model);
    await cached.findModel(model.id);
    await cached.updateModel({ ...model, description: "new" });
    expect((await cached.findModel(model.id))?.description).toBe("new");
    expect(reads.models).toBe(2);
  });

  it("passes the store through untouched when the TTL is 0", () => {
    const { store } = createCountingStore();
    expect(withRegistryReadCache(store, { ttlMs: 0, clock: () => new Date(0) })).toBe(store);
  });
});
