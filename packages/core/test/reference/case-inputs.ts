/** Reading a reference case's inputs and unwrapping core results, shared by every adapter. */
import type { StatResult } from "../../src/result.js";
import type { ReferenceCase } from "./vector-file.js";

/** Runs one case and returns the values to compare with `expected`. */
export type ReferenceAdapter = (testCase: ReferenceCase) => Record<string, unknown>;

/** The case input `key` as a Float64Array of numbers. */
export function inputNumbers(testCase: ReferenceCase, key: string): Float64Array {
  const value = testCase.inputs[key];
  if (!Array.isArray(value)) throw new Error(`input ${key} is not a list`);
  return Float64Array.from(value as number[]);
}

/** The case input `key` as a list of rows. */
export function inputRows(testCase: ReferenceCase, key: string): number[][] {
  const value = testCase.inputs[key];
  if (!Array.isArray(value)) throw new Error(`input ${key} is not a list`);
  return value as number[][];
}

/** The case input `key` as a number. */
export function inputNumber(testCase: ReferenceCase, key: string): number {
  const value = testCase.inputs[key];
  if (typeof value !== "number") throw new Error(`input ${key} is not a number`);
  return value;
}

/** The values of an ok result, or an error naming why the core gave none. */
export function unwrap<T extends object>(result: StatResult<T>): T {
  if (result.status !== "ok") throw new InsufficientDataError(result.reason);
  return result;
}

/**
 * Thrown by `unwrap` when the core answers `insufficient_data`. The runner then compares the case with
 * NaN everywhere: SciPy's NaN is what the core reports as insufficient data, and nothing else matches.
 */
export class InsufficientDataError extends Error {
  constructor(readonly reason: string) {
    super(`core returned insufficient_data: ${reason}`);
  }
}
