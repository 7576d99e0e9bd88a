/**
 * Assertions on core results shared by unit tests: unwrap an `ok` result (failing the test with the
 * reason otherwise) and compare numbers relative to the expected value.
 */
import { expect } from "vitest";
import type { Ok, StatResult } from "../../src/result.js";

/** The `ok` result, or a test failure naming why the core gave none. */
export function expectOk<T extends object>(result: StatResult<T>): Ok<T> {
  if (result.status !== "ok") throw new Error(`expected ok, got ${result.reason}`);
  return result;
}

/** The number inside an `ok` metric value (MetricValue, RankingResult, …), or a test failure. */
export function expectOkValue(result: StatResult<{ readonly value: number }>): number {
  return expectOk(result).value;
}

/** |actual − expected| <= relative·|expected| (so an expected 0 demands an exact 0). */
export function expectRelativelyClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

/** |actual − expected| <= 1e-15 + rel·|expected|: agreement to `rel` with a floor for an expected 0. */
export function expectClose(actual: number, expected: number, rel = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-15 + rel * Math.abs(expected));
}
