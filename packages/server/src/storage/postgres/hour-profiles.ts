/**
 * The hour profile document (decision 0013), computed in Node from a batch's typed columns and merged by
 * addition: rows of the hour, and per column its rows, missing (null) and NaN counts, numeric min/max/sum
 * and log-bucket sketch counts, and categorical value counts (at most `profileCategoryLimit` values; the
 * rest is counted in `o`, after which readers go to raw rows for that column). Pure: no SQL here.
 */
import { sketchOverflowKey, toSketchKey } from "@sextant/core";
import type { EventBatch } from "../event-batch.js";

/** Distinct values a categorical profile keeps per hour and column; the rest are counted in `o`. */
export const profileCategoryLimit = 256;
/** The profile grain: one hour in milliseconds. */
export const profileGrainMs = 3_600_000;

/** One column's profile (short keys: it is stored once per hour and ingest transaction). */
export interface ColumnProfile {
  /** Rows. */
  r: number;
  /** Missing (null) values. */
  m: number;
  /** NaN values. */
  x: number;
  /** Min, max and sum of the numbers (neither null nor NaN). */
  lo?: number;
  hi?: number;
  s?: number;
  /** Sketch bucket counts as [key, count, key, count, …], keys ascending. */
  k?: number[];
  /** Value counts (text and booleans) and the count of values beyond the limit. */
  v?: Record<string, number>;
  o?: number;
}

/** Everything one hour of a version's predictions adds up to. */
export interface HourProfile {
  /** Rows. */
  n: number;
  c: Record<string, ColumnProfile>;
}

/** An hour profile with its key. */
export interface KeyedHourProfile {
  readonly versionId: string;
  readonly hourMs: number;
  readonly profile: HourProfile;
}

/** Scratch bucket counters indexed by key + sketchOverflowKey (JS is single-threaded; reset after use). */
const scratch = new Int32Array(2 * sketchOverflowKey + 1);

function addNumbers(
  profile: ColumnProfile,
  values: Float64Array,
  valid: Uint8Array,
  rows: readonly number[],
) {
  const touched: number[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let present = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    if (valid[row] !== 1) {
      profile.m += 1;
      continue;
    }
    const value = values[row]!;
    if (value !== value) {
      profile.x += 1;
      continue;
    }
    const slot = toSketchKey(value)! + sketchOverflowKey;
    if (scratch[slot] === 0) touched.push(slot);
    scratch[slot] = scratch[slot]! + 1;
    if (value < lo) lo = value;
    if (value > hi) hi = value;
    sum += value;
    present += 1;
  }
  if (present === 0) return;
  // A handful of slots per hour and column: a typed-array sort, no comparator calls.
  const slots = Int32Array.from(touched).sort();
  const pairs = new Array<number>(slots.length * 2);
  for (let index = 0; index < slots.length; index += 1) {
    const slot = slots[index]!;
    pairs[2 * index] = slot - sketchOverflowKey;
    pairs[2 * index + 1] = scratch[slot]!;
    scratch[slot] = 0;
  }
  if (profile.k === undefined) Object.assign(profile, { lo, hi, s: sum, k: pairs });
  else mergeColumnProfile(profile, { r: 0, m: 0, x: 0, lo, hi, s: sum, k: pairs });
}

function addCategory(profile: ColumnProfile, value: string, count: number): void {
  const counts = (profile.v ??= {});
  const known = counts[value];
  if (known !== undefined) counts[value] = known + count;
  else if (Object.keys(counts).length < profileCategoryLimit) counts[value] = count;
  else profile.o = (profile.o ?? 0) + count;
}

function addColumnRows(profile: ColumnProfile, batch: EventBatch, column: number, rows: readonly number[]) {
  const values = batch.values[column]!;
  profile.r += rows.length;
  switch (values.storage) {
    case "double":
      addNumbers(profile, values.values, values.valid, rows);
      return;
    case "varchar":
    case "boolean": {
      const counts = new Map<string, number>();
      for (const row of rows) {
        const value = values.values[row];
        if (value === null || value === undefined) profile.m += 1;
        else {
          const key = typeof value === "string" ? value : String(value);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      if (profile.v === undefined && counts.size <= profileCategoryLimit)
        profile.v = Object.fromEntries(counts);
      else {
        profile.v ??= {};
        for (const [value, count] of counts) addCategory(profile, value, count);
      }
      return;
    }
    case "double_list":
      for (const row of rows) if (values.values[row] === null) profile.m += 1;
  }
}

/** Rows of a batch by hour (rows without an event time are left out), optionally only the kept rows. */
function groupRowsByHour(batch: EventBatch, kept: ReadonlySet<number> | null): Map<number, number[]> {
  const hours = new Map<number, number[]>();
  const times = batch.timestampsMs;
  if (times === null) return hours;
  for (let row = 0; row < batch.rowCount; row += 1) {
    const ms = times[row]!;
    if (!Number.isFinite(ms) || (kept !== null && !kept.has(row))) continue;
    const hour = Math.floor(ms / profileGrainMs) * profileGrainMs;
    const rows = hours.get(hour);
    if (rows === undefined) hours.set(hour, [row]);
    else rows.push(row);
  }
  return hours;
}

const emptyColumn = (): ColumnProfile => ({ r: 0, m: 0, x: 0 });

/**
 * Hour profiles of the prediction batches (other targets are not profiled), one per version and hour,
 * sorted by key. `keptRows[i]`, when given, limits batch i to those row indices (replays).
 */
export function computeHourProfiles(
  batches: readonly EventBatch[],
  keptRows?: readonly (ReadonlySet<number> | null)[],
): KeyedHourProfile[] {
  const profiles = new Map<string, KeyedHourProfile>();
  batches.forEach((batch, index) => {
    if (batch.target.kind !== "predictions") return;
    const { versionId } = batch.target;
    for (const [hourMs, rows] of groupRowsByHour(batch, keptRows?.[index] ?? null)) {
      const key = `${versionId}\u0000${hourMs}`;
      let keyed = profiles.get(key);
      if (keyed === undefined) {
        keyed = { versionId, hourMs, profile: { n: 0, c: {} } };
        profiles.set(key, keyed);
      }
      keyed.profile.n += rows.length;
      batch.columns.forEach((column, columnIndex) => {
        addColumnRows((keyed.profile.c[column.name] ??= emptyColumn()), batch, columnIndex, rows);
      });
    }
  });
  return [...profiles.values()].sort((a, b) =>
    a.versionId < b.versionId ? -1 : a.versionId > b.versionId ? 1 : a.hourMs - b.hourMs,
  );
}

/** The sum of two ascending [key, count, …] lists. */
export function addSketchPairs(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const ka = i < a.length ? a[i]! : Number.POSITIVE_INFINITY;
    const kb = j < b.length ? b[j]! : Number.POSITIVE_INFINITY;
    if (ka === kb) {
      out.push(ka, a[i + 1]! + b[j + 1]!);
      i += 2;
      j += 2;
    } else if (ka < kb) {
      out.push(ka, a[i + 1]!);
      i += 2;
    } else {
      out.push(kb, b[j + 1]!);
      j += 2;
    }
  }
  return out;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const key in from) into[key] = (into[key] ?? 0) + from[key]!;
}

/** Adds column profile `b` into `a` (categories re-capped: the smallest counts beyond the limit go to `o`). */
export function mergeColumnProfile(a: ColumnProfile, b: ColumnProfile): void {
  a.r += b.r;
  a.m += b.m;
  a.x += b.x;
  if (b.lo !== undefined && (a.lo === undefined || b.lo < a.lo)) a.lo = b.lo;
  if (b.hi !== undefined && (a.hi === undefined || b.hi > a.hi)) a.hi = b.hi;
  if (b.s !== undefined) a.s = (a.s ?? 0) + b.s;
  if (b.k !== undefined) a.k = a.k === undefined ? [...b.k] : addSketchPairs(a.k, b.k);
  if (b.o !== undefined) a.o = (a.o ?? 0) + b.o;
  if (b.v === undefined) return;
  const counts = (a.v ??= {});
  addCounts(counts, b.v);
  const entries = Object.entries(counts);
  if (entries.length <= profileCategoryLimit) return;
  entries.sort(([ka, na], [kb, nb]) => nb - na || (ka < kb ? -1 : 1));
  a.v = Object.fromEntries(entries.slice(0, profileCategoryLimit));
  a.o = (a.o ?? 0) + entries.slice(profileCategoryLimit).reduce((sum, [, count]) => sum + count, 0);
}

/** Adds hour profile `b` into `a`. */
export function mergeHourProfile(a: HourProfile, b: HourProfile): void {
  a.n += b.n;
  for (const name in b.c) {
    const column = a.c[name];
    if (column === undefined) a.c[name] = structuredClone(b.c[name]!);
    else mergeColumnProfile(column, b.c[name]!);
  }
}
