/**
 * Per-window profiles in PostgreSQL (decision 0013). Ingest appends one `window_profiles` row per
 * version and hour it touched, in the same transaction as the events (a 2xx means the profile is
 * committed too): one binary COPY of JSON text, no upsert, so concurrent writers never wait on each
 * other's profile rows. Compaction merges an hour's rows into one (DELETE … RETURNING, merge in Node,
 * INSERT, in one transaction; concurrent compactions each merge only the rows they deleted, so nothing
 * is counted twice or lost). A process compacts an hour after every `compactEvery` writes it made to it.
 */
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { encodeBinaryCopy } from "./binary-copy.js";
import { type HourProfile, type KeyedHourProfile, mergeHourProfile } from "./hour-profiles.js";
import type { PgContext, TxClient } from "./pg-session.js";

/** Writes to one hour (per process) after which that hour is compacted. */
export const compactEvery = 128;

/** Appends the hour profiles with one binary COPY (JSON text, stored uncompressed: no parsing, no pglz). */
export async function appendHourProfiles(
  client: TxClient,
  profiles: readonly KeyedHourProfile[],
): Promise<void> {
  if (profiles.length === 0) return;
  const payload = encodeBinaryCopy(
    [
      { kind: "text", values: profiles.map((p) => p.versionId) },
      { kind: "timestamp", valuesMs: Float64Array.from(profiles, (p) => p.hourMs) },
      { kind: "text", values: profiles.map((p) => JSON.stringify(p.profile)) },
    ],
    profiles.length,
  );
  const stream = client.query(
    copyFrom("COPY window_profiles (version_id, hour_start, profile) FROM STDIN (FORMAT binary)"),
  );
  await pipeline(Readable.from([payload]), stream);
}

/** Merges each listed hour's rows of a version into one row. */
export async function compactHourProfiles(
  db: PgContext,
  versionId: string,
  hoursMs: readonly number[],
): Promise<void> {
  if (hoursMs.length === 0) return;
  await db.inTransaction(async (client) => {
    const deleted = await client.query(
      `DELETE FROM window_profiles WHERE version_id = $1
         AND hour_start = ANY(SELECT to_timestamp(h / 1000.0) FROM unnest($2::float8[]) AS t(h))
       RETURNING (extract(epoch FROM hour_start) * 1000)::float8 AS h, profile`,
      [versionId, [...hoursMs]],
    );
    const merged = new Map<number, HourProfile>();
    for (const row of deleted.rows as { h: unknown; profile: string }[]) {
      const hourMs = Number(row.h);
      const profile = JSON.parse(row.profile) as HourProfile;
      const known = merged.get(hourMs);
      if (known === undefined) merged.set(hourMs, profile);
      else mergeHourProfile(known, profile);
    }
    await appendHourProfiles(
      client,
      [...merged].map(([hourMs, profile]) => ({ versionId, hourMs, profile })),
    );
  });
}

const writesByContext = new WeakMap<PgContext, Map<string, number>>();

/**
 * Counts this process's writes per version and hour and compacts the hours that reached `compactEvery`
 * (after the ingest commit, so the ack is durable whether or not compaction succeeds).
 */
export async function compactBusyHours(db: PgContext, profiles: readonly KeyedHourProfile[]): Promise<void> {
  let writes = writesByContext.get(db);
  if (writes === undefined || writes.size > 10_000) {
    writes = new Map();
    writesByContext.set(db, writes);
  }
  const due = new Map<string, number[]>();
  for (const { versionId, hourMs } of profiles) {
    const key = `${versionId}\u0000${hourMs}`;
    const count = (writes.get(key) ?? 0) + 1;
    if (count < compactEvery) {
      writes.set(key, count);
      continue;
    }
    writes.delete(key);
    due.set(versionId, [...(due.get(versionId) ?? []), hourMs]);
  }
  for (const [versionId, hoursMs] of due) await compactHourProfiles(db, versionId, hoursMs);
}
