/**
 * A short-lived read cache for the registry lookups every request makes (a version, its model, for
 * authorization and ingest validation): three store round trips per ingest batch become none. Writes
 * through this process drop the entries they touch at once; another process's change (PostgreSQL
 * scale-out) is seen within `ttlMs`, like a replica's lag. Misses are not cached.
 */
import type { ModelRecord, VersionRecord } from "./records.js";
import type { Store } from "../storage/store.js";

interface Entry<T> {
  readonly value: Promise<T | undefined>;
  readonly expiresAtMs: number;
}

/** The store with `findVersion` and `findModel` answered from a TTL cache. */
export function withRegistryReadCache(store: Store, options: { ttlMs: number; clock: () => Date }): Store {
  if (options.ttlMs <= 0) return store;
  const versions = new Map<string, Entry<VersionRecord>>();
  const models = new Map<string, Entry<ModelRecord>>();
  const cached = <T>(cache: Map<string, Entry<T>>, id: string, load: () => Promise<T | undefined>) => {
    const now = options.clock().getTime();
    const hit = cache.get(id);
    if (hit !== undefined && hit.expiresAtMs > now) return hit.value;
    const value = load();
    cache.set(id, { value, expiresAtMs: now + options.ttlMs });
    // Unknown ids and failures are asked again next time (a version may be created in between).
    value.then(
      (found) => {
        if (found === undefined && cache.get(id)?.value === value) cache.delete(id);
      },
      () => {
        if (cache.get(id)?.value === value) cache.delete(id);
      },
    );
    if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
    return value;
  };
  // Dropped before (no reader caches the old row meanwhile) and after (nor a read racing the write).
  const invalidating = async (cache: Map<string, unknown>, id: string, write: () => Promise<void>) => {
    cache.delete(id);
    try {
      await write();
    } finally {
      cache.delete(id);
    }
  };
  return {
    ...store,
    findVersion: (id) => cached(versions, id, () => store.findVersion(id)),
    findModel: (id) => cached(models, id, () => store.findModel(id)),
    updateVersion: (record) => invalidating(versions, record.id, () => store.updateVersion(record)),
    updateModel: (record) => invalidating(models, record.id, () => store.updateModel(record)),
    saveVersionSchema: (versionId, schema, layout) =>
      invalidating(versions, versionId, () => store.saveVersionSchema(versionId, schema, layout)),
  };
}
