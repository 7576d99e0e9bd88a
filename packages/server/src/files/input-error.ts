/**
 * The one error type for bad input files and bad column choices: a stable code, a message a user can act
 * on, and optional details. The CLI maps every `InputError` to exit code 3; nothing here prints.
 */

/** Stable codes of input errors, noun then condition. */
export type InputErrorCode =
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE"
  | "FILE_EMPTY"
  | "FORMAT_UNKNOWN"
  | "COLUMN_NOT_FOUND"
  | "TARGET_NOT_FOUND"
  | "COLUMNS_DIFFER"
  | "COLUMN_TYPE_ERRORS"
  | "EMBEDDING_RAGGED"
  | "SCHEMA_INVALID"
  | "METHOD_NOT_APPLICABLE";

/** A problem with the user's input (files, columns, schema); always exit code 3 in the CLI. */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly code: InputErrorCode;
  readonly details: readonly string[];

  constructor(code: InputErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is an `InputError`. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
