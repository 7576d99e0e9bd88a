/**
 * Test files for `sextant check --tests FILE` (YAML or JSON): a list of presets and a list of tests,
 * each validated with the entry's index in the message, so a wrong file is a usage error (exit 2).
 */
import { UsageError } from "../exit-codes.js";
import { parseMetricRef, parseTolerance, toFailIfSpec, type TestSpec } from "./check-tests.js";
import { isPresetName, type PresetName } from "./presets.js";

/** What a test file holds. */
export interface TestFile {
  readonly presets: PresetName[];
  readonly tests: TestSpec[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function toNumber(raw: unknown, where: string): number {
  const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n)) throw new UsageError(`${where} must be a number`);
  return n;
}

function parseEntry(raw: unknown, where: string): TestSpec {
  if (!isRecord(raw)) throw new UsageError(`${where} must be an object`);
  const name = typeof raw.name === "string" ? raw.name : undefined;
  const named = name === undefined ? {} : { name };
  if (typeof raw.fail_if === "string") return toFailIfSpec(raw.fail_if, name);
  if (typeof raw.metric !== "string") throw new UsageError(`${where} needs "fail_if" or "metric"`);
  const metric = parseMetricRef(raw.metric, where);
  if (raw.better_than_dummy === true) return { kind: "dummy", metric, ...named };
  if (raw.relative_to_reference !== undefined) {
    return {
      kind: "relative",
      metric,
      tolerance: parseTolerance(raw.relative_to_reference, `${where}.relative_to_reference`),
      oneSided: false,
      ...named,
    };
  }
  if (raw.not_worse_than_reference !== undefined) {
    return {
      kind: "relative",
      metric,
      tolerance: parseTolerance(raw.not_worse_than_reference, `${where}.not_worse_than_reference`),
      oneSided: true,
      ...named,
    };
  }
  if (raw.min === undefined && raw.max === undefined) {
    throw new UsageError(
      `${where} needs one of min, max, relative_to_reference, not_worse_than_reference, better_than_dummy`,
    );
  }
  return {
    kind: "bounds",
    metric,
    ...(raw.min === undefined ? {} : { min: toNumber(raw.min, `${where}.min`) }),
    ...(raw.max === undefined ? {} : { max: toNumber(raw.max, `${where}.max`) }),
    ...named,
  };
}

/** Validates a parsed test file. */
export function parseTestFile(raw: unknown, path: string): TestFile {
  if (!isRecord(raw))
    throw new UsageError(`test file ${path} must hold an object with "tests" and/or "presets"`);
  const presetsRaw = raw.presets ?? [];
  if (!Array.isArray(presetsRaw)) throw new UsageError(`${path}: presets must be a list`);
  const presets = presetsRaw.map((p, i) => {
    if (typeof p !== "string" || !isPresetName(p))
      throw new UsageError(
        `${path}: presets[${i}] must be one of drift, quality, classification, regression`,
      );
    return p;
  });
  const testsRaw = raw.tests ?? [];
  if (!Array.isArray(testsRaw)) throw new UsageError(`${path}: tests must be a list`);
  return { presets, tests: testsRaw.map((t, i) => parseEntry(t, `${path}: tests[${i}]`)) };
}
