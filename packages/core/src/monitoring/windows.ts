/**
 * Monitor window alignment: hourly, daily, weekly or fixed-duration windows in UTC or an IANA time zone.
 * A window starts where the zone's wall clock shows an aligned boundary (local midnight, the top of the hour),
 * or at the instant a forward DST jump skips that boundary, so a local day lasts 23, 24 or 25 hours and a
 * repeated local hour is two windows. Assumes at most one offset change per window, as every tzdb zone has.
 */
import { computeTimeZoneOffsetMs, isUtcTimeZone } from "./time-zone-offset.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
// Probe step when searching the end of a zoned window; below any real offset change (15 min granularity).
const MAX_PROBE_STEP_MS = 15 * 60_000;
const MAX_WINDOWS_PER_LISTING = 1_000_000;

/** An instant as a Date or epoch milliseconds. */
export type Instant = Date | number;

/** How a monitor cuts time into windows; `timeZone` defaults to UTC. */
export type WindowSpec =
  | { readonly kind: "hourly"; readonly timeZone?: string }
  | { readonly kind: "daily"; readonly timeZone?: string }
  /** `weekStartsOn` 0 = Sunday … 6 = Saturday; default 1 (Monday, ISO 8601). */
  | { readonly kind: "weekly"; readonly timeZone?: string; readonly weekStartsOn?: number }
  /**
   * Fixed length. In UTC windows are originMs + k·durationMs (originMs defaults to the epoch); in another
   * zone durationMs must divide a day and windows restart at each local midnight (e.g. local 6-hour blocks).
   */
  | {
      readonly kind: "duration";
      readonly durationMs: number;
      readonly timeZone?: string;
      readonly originMs?: number;
    };

/** A half-open interval [startMs, endMs) of epoch milliseconds. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** Epoch milliseconds of a Date or number; a non-finite instant is a programmer error. */
export function toEpochMs(at: Instant): number {
  const ms = typeof at === "number" ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`instant must be finite, got ${ms}`);
  return ms;
}

function assertValidSpec(spec: WindowSpec): void {
  if (spec.kind === "weekly" && spec.weekStartsOn !== undefined) {
    const day = spec.weekStartsOn;
    if (!Number.isInteger(day) || day < 0 || day > 6) throw new RangeError("weekStartsOn must be 0..6");
  }
  if (spec.kind === "duration") {
    if (!Number.isInteger(spec.durationMs) || spec.durationMs <= 0) {
      throw new RangeError(`durationMs must be a positive integer, got ${spec.durationMs}`);
    }
    if (!isUtcTimeZone(spec.timeZone) && DAY_MS % spec.durationMs !== 0) {
      throw new RangeError("a duration window in a time zone must divide a day");
    }
  }
}

function floorTo(value: number, unit: number): number {
  return Math.floor(value / unit) * unit;
}

/** The aligned wall-clock boundary at or before `localMs` (wall-clock time encoded as if it were UTC). */
function floorLocalMs(localMs: number, spec: WindowSpec): number {
  switch (spec.kind) {
    case "hourly":
      return floorTo(localMs, HOUR_MS);
    case "daily":
      return floorTo(localMs, DAY_MS);
    case "weekly": {
      const dayStart = floorTo(localMs, DAY_MS);
      const weekday = new Date(dayStart).getUTCDay();
      return dayStart - ((weekday - (spec.weekStartsOn ?? 1) + 7) % 7) * DAY_MS;
    }
    case "duration":
      return floorTo(localMs, spec.durationMs);
  }
}

function nominalLengthMs(spec: WindowSpec): number {
  switch (spec.kind) {
    case "hourly":
      return HOUR_MS;
    case "daily":
      return DAY_MS;
    case "weekly":
      return WEEK_MS;
    case "duration":
      return spec.durationMs;
  }
}

/** First whole second in (fromMs, toMs] whose offset is `offsetMs`, given the offset differs at fromMs. */
function findOffsetChangeMs(fromMs: number, toMs: number, offsetMs: number, timeZone: string): number {
  let low = Math.floor(fromMs / 1000);
  let high = Math.floor(toMs / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (computeTimeZoneOffsetMs(middle * 1000, timeZone) === offsetMs) high = middle;
    else low = middle;
  }
  return high * 1000;
}

function computeZonedWindowStart(atMs: number, spec: WindowSpec, timeZone: string, depth: number): number {
  const offsetMs = computeTimeZoneOffsetMs(atMs, timeZone);
  const boundaryLocalMs = floorLocalMs(atMs + offsetMs, spec);
  const candidateMs = boundaryLocalMs - offsetMs;
  if (computeTimeZoneOffsetMs(candidateMs, timeZone) === offsetMs) return candidateMs;
  // The offset changed inside the window: find when, then see whether the jump skipped the boundary.
  const changeMs = findOffsetChangeMs(candidateMs, atMs, offsetMs, timeZone);
  const offsetBeforeMs = computeTimeZoneOffsetMs(changeMs - 1000, timeZone);
  if (boundaryLocalMs >= changeMs + offsetBeforeMs) return changeMs;
  if (depth >= 3) throw new RangeError(`too many offset changes near ${atMs} in ${timeZone}`);
  // No boundary since the change: the window began under the previous offset.
  return computeZonedWindowStart(changeMs - 1, spec, timeZone, depth + 1);
}

function computeStartMs(atMs: number, spec: WindowSpec): number {
  if (isUtcTimeZone(spec.timeZone)) {
    if (spec.kind === "duration") {
      const originMs = spec.originMs ?? 0;
      return originMs + floorTo(atMs - originMs, spec.durationMs);
    }
    return floorLocalMs(atMs, spec);
  }
  return computeZonedWindowStart(atMs, spec, spec.timeZone as string, 0);
}

function computeEndMs(startMs: number, spec: WindowSpec): number {
  const lengthMs = nominalLengthMs(spec);
  if (isUtcTimeZone(spec.timeZone)) return startMs + lengthMs;
  // Probe forward until past the window, then step back over any boundary the probe jumped.
  const stepMs = Math.max(1, Math.min(lengthMs / 4, MAX_PROBE_STEP_MS));
  let probeMs = startMs + lengthMs;
  let nextStartMs = computeStartMs(probeMs, spec);
  for (let guard = 0; nextStartMs <= startMs; guard++) {
    if (guard > 1000) throw new RangeError(`no window end found after ${startMs}`);
    probeMs += stepMs;
    nextStartMs = computeStartMs(probeMs, spec);
  }
  for (;;) {
    const earlierStartMs = computeStartMs(nextStartMs - 1, spec);
    if (earlierStartMs <= startMs) return nextStartMs;
    nextStartMs = earlierStartMs;
  }
}

/** Epoch ms at which the window containing `at` starts. */
export function computeWindowStart(at: Instant, spec: WindowSpec): number {
  assertValidSpec(spec);
  return computeStartMs(toEpochMs(at), spec);
}

/** The window [startMs, endMs) that contains `at`. */
export function computeWindowContaining(at: Instant, spec: WindowSpec): TimeWindow {
  assertValidSpec(spec);
  const startMs = computeStartMs(toEpochMs(at), spec);
  return { startMs, endMs: computeEndMs(startMs, spec) };
}

/** Every window overlapping [from, to), in time order; empty when to <= from. */
export function listWindows(input: {
  readonly from: Instant;
  readonly to: Instant;
  readonly spec: WindowSpec;
}): TimeWindow[] {
  const { spec } = input;
  assertValidSpec(spec);
  const fromMs = toEpochMs(input.from);
  const toMs = toEpochMs(input.to);
  const windows: TimeWindow[] = [];
  if (toMs <= fromMs) return windows;
  let startMs = computeStartMs(fromMs, spec);
  while (startMs < toMs) {
    if (windows.length >= MAX_WINDOWS_PER_LISTING) throw new RangeError("more than 1e6 windows requested");
    const endMs = computeEndMs(startMs, spec);
    windows.push({ startMs, endMs });
    startMs = endMs;
  }
  return windows;
}

/** The distinct windows that contain at least one of `eventTimes` (late data to re-evaluate), in time order. */
export function listWindowsAffectedBy(eventTimes: readonly Instant[], spec: WindowSpec): TimeWindow[] {
  assertValidSpec(spec);
  const sortedMs = eventTimes.map(toEpochMs).sort((a, b) => a - b);
  const windows: TimeWindow[] = [];
  let current: TimeWindow | undefined;
  for (const eventMs of sortedMs) {
    if (current !== undefined && eventMs < current.endMs) continue;
    const startMs = computeStartMs(eventMs, spec);
    current = { startMs, endMs: computeEndMs(startMs, spec) };
    windows.push(current);
  }
  return windows;
}
