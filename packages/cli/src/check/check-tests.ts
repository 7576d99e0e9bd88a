/**
 * Check tests: the spec shapes (a `fail_if` expression, min/max bounds, relative-to-reference tolerance,
 * not-worse-than-reference, better-than-dummy), their validation from flags and test files, and their
 * evaluation against a report. A test whose metric is unavailable is an error, which fails the check.
 */
import type { ReportDocument } from "@sextant/server/report";
import { UsageError } from "../exit-codes.js";
import {
  applyAdjustment,
  compareValues,
  parseFailIf,
  type FailIfExpression,
  type MetricRef,
} from "./fail-if.js";
import { assertKnownMetric, lookupMetric, lowerIsBetter } from "./report-metrics.js";

/** A test as written by the user. */
export type TestSpec =
  | { readonly kind: "fail_if"; readonly name?: string; readonly expression: FailIfExpression }
  | {
      readonly kind: "bounds";
      readonly name?: string;
      readonly metric: MetricRef;
      readonly min?: number;
      readonly max?: number;
    }
  | {
      readonly kind: "relative";
      readonly name?: string;
      readonly metric: MetricRef;
      readonly tolerance: number;
      readonly oneSided: boolean;
    }
  | { readonly kind: "dummy"; readonly name?: string; readonly metric: MetricRef };

/** The result of one test. */
export interface TestResult {
  readonly name: string;
  readonly group: string;
  readonly status: "passed" | "failed" | "error";
  readonly message: string;
}

const format = (v: number) => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(5)).toString());
const metricText = (m: MetricRef) => (m.column === undefined ? m.name : `${m.name}(${m.column})`);

/** Parses "5%" or "0.05" as a fraction. */
export function parseTolerance(raw: unknown, where: string): number {
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  const percent = text.endsWith("%");
  const n = Number(percent ? text.slice(0, -1) : text);
  if (text === "" || !Number.isFinite(n) || n < 0)
    throw new UsageError(`${where}: tolerance must be a number or a percentage, got ${JSON.stringify(raw)}`);
  return percent ? n / 100 : n;
}

/** Parses a metric text like `missing_share(income)` and checks its name. */
export function parseMetricRef(text: string, where: string): MetricRef {
  const match = /^\s*([A-Za-z_][\w.]*)\s*(?:\(\s*([^()]+?)\s*\))?\s*$/.exec(text);
  if (match === null) throw new UsageError(`${where}: "${text}" is not a metric`);
  const ref = { name: match[1]!, ...(match[2] === undefined ? {} : { column: match[2] }) };
  assertKnownMetric(ref, where);
  return ref;
}

/** A `--fail-if` flag as a test spec. */
export function toFailIfSpec(text: string, name?: string): TestSpec {
  const expression = parseFailIf(text);
  assertKnownMetric(expression.metric, `--fail-if "${text}"`);
  return { kind: "fail_if", expression, ...(name === undefined ? {} : { name }) };
}

function defaultName(spec: TestSpec): string {
  switch (spec.kind) {
    case "fail_if":
      return `fail if ${spec.expression.text}`;
    case "bounds":
      return `${metricText(spec.metric)} within [${spec.min ?? "-∞"}, ${spec.max ?? "∞"}]`;
    case "relative":
      return `${metricText(spec.metric)} ${spec.oneSided ? "not worse than" : "within"} ${format(spec.tolerance * 100)}% of reference`;
    case "dummy":
      return `${metricText(spec.metric)} better than dummy`;
  }
}

function evaluateFailIf(
  report: ReportDocument,
  spec: Extract<TestSpec, { kind: "fail_if" }>,
): Omit<TestResult, "name" | "group"> {
  const e = spec.expression;
  const left = lookupMetric(report, e.metric, "current");
  if ("error" in left) return { status: "error", message: left.error };
  let right: number;
  if (e.value.type === "number") right = e.value.value;
  else {
    const base = lookupMetric(report, e.metric, e.value.baseline);
    if ("error" in base) return { status: "error", message: base.error };
    right = applyAdjustment(base.value, e.value.adjust);
  }
  const failed = compareValues(left.value, e.operator, right);
  return {
    status: failed ? "failed" : "passed",
    message: `${metricText(e.metric)} = ${format(left.value)} (fails when ${e.operator} ${format(right)})`,
  };
}

function evaluateRelative(report: ReportDocument, spec: Extract<TestSpec, { kind: "relative" }>) {
  const cur = lookupMetric(report, spec.metric, "current");
  const ref = lookupMetric(report, spec.metric, "reference");
  if ("error" in cur) return { status: "error" as const, message: cur.error };
  if ("error" in ref) return { status: "error" as const, message: ref.error };
  const allowed = Math.abs(ref.value) * spec.tolerance;
  const lower = lowerIsBetter.has(spec.metric.name);
  const worse = lower ? cur.value - ref.value : ref.value - cur.value;
  const failed = spec.oneSided ? worse > allowed : Math.abs(cur.value - ref.value) > allowed;
  return {
    status: failed ? ("failed" as const) : ("passed" as const),
    message: `current ${format(cur.value)} vs reference ${format(ref.value)} (allowed change ${format(allowed)})`,
  };
}

/** Evaluates one test against a report. */
export function evaluateTest(report: ReportDocument, spec: TestSpec, group: string): TestResult {
  const name = spec.name ?? defaultName(spec);
  const outcome = ((): Omit<TestResult, "name" | "group"> => {
    switch (spec.kind) {
      case "fail_if":
        return evaluateFailIf(report, spec);
      case "relative":
        return evaluateRelative(report, spec);
      case "bounds": {
        const v = lookupMetric(report, spec.metric, "current");
        if ("error" in v) return { status: "error", message: v.error };
        const failed =
          (spec.min !== undefined && v.value < spec.min) || (spec.max !== undefined && v.value > spec.max);
        return {
          status: failed ? "failed" : "passed",
          message: `${metricText(spec.metric)} = ${format(v.value)}`,
        };
      }
      case "dummy": {
        const v = lookupMetric(report, spec.metric, "current");
        const d = lookupMetric(report, spec.metric, "dummy");
        if ("error" in v) return { status: "error", message: v.error };
        if ("error" in d) return { status: "error", message: d.error };
        const better = lowerIsBetter.has(spec.metric.name) ? v.value < d.value : v.value > d.value;
        return {
          status: better ? "passed" : "failed",
          message: `${metricText(spec.metric)} = ${format(v.value)}, dummy ${format(d.value)}`,
        };
      }
    }
  })();
  return { name, group, ...outcome };
}
