/**
 * Result values shared by every statistic: a computation either yields numbers (`status: "ok"`) or
 * says why it could not (`insufficient_data`). Core never returns NaN for a data condition.
 */

/** Why a statistic could not be computed from the data it was given. */
export interface InsufficientData {
  readonly status: "insufficient_data";
  readonly reason: string;
}

/** A successful computation carrying its values. */
export type Ok<T extends object> = { readonly status: "ok" } & T;

/** Either the values of a statistic or the reason it is not available. */
export type StatResult<T extends object> = Ok<T> | InsufficientData;

/** Builds an `insufficient_data` result. */
export function toInsufficientData(reason: string): InsufficientData {
  return { status: "insufficient_data", reason };
}

/** Builds an `ok` result around the given values. */
export function toOk<T extends object>(values: T): Ok<T> {
  return { status: "ok", ...values };
}

/** A hypothesis test's statistic and p-value. */
export interface TestOutcome {
  readonly statistic: number;
  readonly pValue: number;
}
