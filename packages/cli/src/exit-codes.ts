/**
 * The CLI's exit codes (documented in docs/cli.md) and the usage error that maps to code 2. Input errors
 * (code 3) are `InputError`s raised by the file readers in `@sextant/server`.
 */

/** Process exit codes of every `sextant` command. */
export const exitCodes = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  input: 3,
  internal: 4,
  /** A command that talks to a server could not reach it, or the server kept failing (5xx, 429). */
  serverUnavailable: 5,
} as const;

/** A wrong command line: unknown flag, missing or malformed value. Exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** True when `error` is a `UsageError`. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}
