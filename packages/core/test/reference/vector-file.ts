/**
 * Loading and matching golden vectors: the directory comes from SEXTANT_REFERENCE_DIR (default
 * ../shared/reference beside the project root); a value matches when |a - e| <= abs + rel·|e|.
 */
import { readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One golden case as the generator writes it. */
export interface ReferenceCase {
  readonly id: string;
  readonly fn: string;
  readonly inputs: Record<string, unknown>;
  readonly options: Record<string, unknown>;
  readonly expected: Record<string, unknown>;
  readonly tol: { readonly abs: number; readonly rel: number };
}

/** A vector file's name and its cases. */
export interface ReferenceFile {
  readonly file: string;
  readonly cases: readonly ReferenceCase[];
}

const projectRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** The vector directory: SEXTANT_REFERENCE_DIR (relative to the working directory) or ../shared/reference. */
export function resolveReferenceDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env["SEXTANT_REFERENCE_DIR"];
  if (fromEnv !== undefined && fromEnv !== "") return isAbsolute(fromEnv) ? fromEnv : resolve(fromEnv);
  return resolve(projectRoot, "../shared/reference");
}

/** Reads every `*.json` vector file of `dir`, sorted by name. */
export function loadReferenceFiles(dir: string): ReferenceFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = JSON.parse(readFileSync(join(dir, file), "utf8")) as { cases?: ReferenceCase[] };
      if (!Array.isArray(parsed.cases)) throw new Error(`${file}: no "cases" array`);
      return { file, cases: parsed.cases };
    });
}

/**
 * Every case of `fn` in the vector directory, for unit tests that use golden inputs for an assertion the
 * central runner does not make; throws when there is none, so such a test cannot pass vacuously.
 */
export function loadReferenceCases(fn: string, dir: string = resolveReferenceDir()): ReferenceCase[] {
  const cases = loadReferenceFiles(dir)
    .flatMap((file) => file.cases)
    .filter((c) => c.fn === fn);
  if (cases.length === 0) throw new Error(`no reference cases for fn "${fn}" in ${dir}`);
  return cases;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (value === "NaN") return Number.NaN;
  if (value === "Infinity") return Number.POSITIVE_INFINITY;
  if (value === "-Infinity") return Number.NEGATIVE_INFINITY;
  return undefined;
}

/** True when `actual` matches `expected` under the case tolerance. */
export function isWithinTolerance(actual: number, expected: number, tol: ReferenceCase["tol"]): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tol.abs + tol.rel * Math.abs(expected);
}

/**
 * Compares an actual value tree with an expected one and lists every mismatch by path. Every expected
 * key must be present in `actual`: a value the implementation does not produce is a failure.
 */
export function listMismatches(
  actual: unknown,
  expected: unknown,
  tol: ReferenceCase["tol"],
  path = "",
): string[] {
  const expectedNumber = toNumber(expected);
  if (expectedNumber !== undefined) {
    const a = typeof actual === "number" ? actual : undefined;
    if (a === undefined) return [`${path}: expected ${String(expected)}, got ${JSON.stringify(actual)}`];
    return isWithinTolerance(a, expectedNumber, tol) ? [] : [`${path}: expected ${expectedNumber}, got ${a}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) && !ArrayBuffer.isView(actual))
      return [`${path}: expected a list, got ${typeof actual}`];
    const list = Array.from(actual as ArrayLike<unknown>);
    if (list.length !== expected.length)
      return [`${path}: expected ${expected.length} items, got ${list.length}`];
    return expected.flatMap((e, i) => listMismatches(list[i], e, tol, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object")
      return [`${path}: expected an object, got ${typeof actual}`];
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([key, e]) =>
      key in record
        ? listMismatches(record[key], e, tol, path ? `${path}.${key}` : key)
        : [`${path}.${key}: missing`],
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** The same shape as `expected` with every number replaced by NaN (what "no value" compares as). */
export function toNaNTree(expected: unknown): unknown {
  if (Array.isArray(expected)) return expected.map(toNaNTree);
  if (expected !== null && typeof expected === "object") {
    return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, toNaNTree(v)]));
  }
  return toNumber(expected) === undefined ? expected : Number.NaN;
}
