/**
 * `sextant monitors test`: fixture series replayed offline through core's `computeMonitorReplay`, the
 * same decision the server's runner makes, as Prometheus's rule tester does. A series is a list (numbers,
 * `null` = no data, `"error"`, or `{ value, sampleSize }`) or a compact string: `0.1 0.3x3 _ !` (x3 repeats,
 * `_` no data, `!` error). Expectations name a window index and its status, severity or notification.
 */
import { computeMonitorReplay, type MonitorConditionSpec, type MonitorObservation } from "@sextant/core";
import { monitorConditionSchema, windowSpecSchema } from "@sextant/sdk";

/** One expectation on one window. */
export interface ReplayExpectation {
  readonly window: number;
  readonly status?: string;
  readonly severity?: string;
  readonly notify?: string;
}

/** One replay test. */
export interface ReplayTest {
  readonly name: string;
  readonly condition: MonitorConditionSpec;
  readonly forWindows: number;
  readonly minSampleSize: number;
  readonly baseline: { value: number | null; chunkValues: number[]; dummyValue: number | null };
  readonly windowMs: number;
  readonly startMs: number;
  readonly series: MonitorObservation[];
  readonly expectations: ReplayExpectation[];
}

/** The outcome of one test: failures are messages, empty when it passed. */
export interface ReplayOutcome {
  readonly name: string;
  readonly failures: string[];
}

const defaultSampleSize = 1_000_000;

function toObservation(item: unknown, where: string): MonitorObservation {
  if (item === null || item === "_") return { kind: "insufficient_data", reason: "no data (fixture)" };
  if (item === "error" || item === "!") return { kind: "error", message: "error (fixture)" };
  if (typeof item === "number" && Number.isFinite(item)) {
    return { kind: "value", value: item, sampleSize: defaultSampleSize };
  }
  if (typeof item === "string" && item.trim() !== "" && Number.isFinite(Number(item))) {
    return { kind: "value", value: Number(item), sampleSize: defaultSampleSize };
  }
  if (typeof item === "object" && typeof (item as { value?: unknown }).value === "number") {
    const { value, sampleSize } = item as { value: number; sampleSize?: unknown };
    return {
      kind: "value",
      value,
      sampleSize: typeof sampleSize === "number" ? sampleSize : defaultSampleSize,
    };
  }
  throw new Error(`${where}: ${JSON.stringify(item)} is not a value, null, "error" or { value, sampleSize }`);
}

/** Expands a series (list or compact string) into observations. */
export function parseReplaySeries(series: unknown, where: string): MonitorObservation[] {
  if (Array.isArray(series)) return series.map((item, index) => toObservation(item, `${where}[${index}]`));
  if (typeof series !== "string") throw new Error(`${where}: a series is a list or a string`);
  const observations: MonitorObservation[] = [];
  for (const token of series
    .trim()
    .split(/\s+/)
    .filter((part) => part !== "")) {
    const match = /^(.+?)x(\d+)$/.exec(token);
    const repeat = match === null ? 1 : Number(match[2]);
    const observation = toObservation(match === null ? token : match[1], `${where} "${token}"`);
    for (let i = 0; i < repeat; i += 1) observations.push(observation);
  }
  return observations;
}

function toWindowMs(raw: unknown, where: string): number {
  const parsed = windowSpecSchema.safeParse(raw ?? { kind: "hourly" });
  if (!parsed.success) throw new Error(`${where}.window: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const spec = parsed.data;
  const hour = 3_600_000;
  return spec.kind === "hourly"
    ? hour
    : spec.kind === "daily"
      ? 24 * hour
      : spec.kind === "weekly"
        ? 168 * hour
        : (spec.durationMs ?? hour);
}

function toNumberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** Parses a tests file (`tests: [...]`); throws naming the bad entry. */
export function parseReplayTests(raw: unknown): ReplayTest[] {
  const list = (raw as { tests?: unknown } | null)?.tests;
  if (!Array.isArray(list)) throw new Error("a tests file is a mapping with a `tests` list");
  return list.map((item: unknown, index) => {
    const where = `tests[${index}]`;
    const test = (item ?? {}) as Record<string, unknown>;
    const condition = monitorConditionSchema.safeParse(test.condition);
    if (!condition.success) {
      throw new Error(`${where}.condition: ${condition.error.issues[0]?.message ?? "invalid"}`);
    }
    const baseline = (test.baseline ?? {}) as Record<string, unknown>;
    const expectations = Array.isArray(test.expect) ? (test.expect as ReplayExpectation[]) : [];
    if (expectations.some((entry) => !Number.isInteger(entry.window))) {
      throw new Error(`${where}.expect: every expectation needs an integer window index`);
    }
    const startMs = Date.parse(typeof test.start === "string" ? test.start : "2026-01-01T00:00:00Z");
    if (Number.isNaN(startMs)) throw new Error(`${where}.start: not an ISO date-time`);
    return {
      name: typeof test.name === "string" ? test.name : `test ${index + 1}`,
      condition: Object.fromEntries(
        Object.entries(condition.data).filter(([, value]) => value !== undefined),
      ) as MonitorConditionSpec,
      forWindows: toNumberOr(test.forWindows, 1),
      minSampleSize: toNumberOr(test.minSampleSize, 30),
      baseline: {
        value: toNumberOr(baseline.value, null),
        chunkValues: Array.isArray(baseline.chunkValues) ? (baseline.chunkValues as number[]) : [],
        dummyValue: toNumberOr(baseline.dummyValue, null),
      },
      windowMs: toWindowMs(test.window, where),
      startMs,
      series: parseReplaySeries(test.series, `${where}.series`),
      expectations,
    };
  });
}

/** Replays one test through core and compares every expectation. */
export function runReplayTest(test: ReplayTest): ReplayOutcome {
  const decisions = computeMonitorReplay({
    spec: test.condition,
    baseline: test.baseline,
    rule: { forWindows: test.forWindows, minSampleSize: test.minSampleSize },
    steps: test.series.map((observation, index) => ({
      at: test.startMs + (index + 1) * test.windowMs,
      observation,
    })),
  });
  const failures: string[] = [];
  for (const expectation of test.expectations) {
    const decision = decisions[expectation.window];
    if (decision === undefined) {
      failures.push(`window ${expectation.window}: the series has only ${decisions.length} windows`);
      continue;
    }
    const actual = {
      status: decision.transition.state.status,
      severity: decision.severity,
      notify: decision.transition.notify ?? "none",
    };
    for (const field of ["status", "severity", "notify"] as const) {
      const wanted = expectation[field];
      if (wanted !== undefined && wanted !== actual[field]) {
        failures.push(`window ${expectation.window}: expected ${field} ${wanted}, got ${actual[field]}`);
      }
    }
  }
  return { name: test.name, failures };
}
