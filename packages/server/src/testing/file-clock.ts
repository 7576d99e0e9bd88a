/**
 * A clock for multi-process tests: the time is the epoch milliseconds written in a file, so a test can
 * advance the clock of its server child processes. Only test entries (testing/child-server.ts) use it;
 * `sextant serve` has no way to turn it on.
 */
import { readFileSync, writeFileSync } from "node:fs";

/** A clock reading `path` on every call. */
export function createFileClock(path: string): () => Date {
  return () => {
    const ms = Number(readFileSync(path, "utf8").trim());
    if (!Number.isFinite(ms)) throw new Error(`test clock file ${path} does not hold epoch milliseconds`);
    return new Date(ms);
  };
}

/** Sets the time of a file clock (write to a temp name and rename would be atomic; the value is tiny). */
export function saveFileClockTime(path: string, at: Date): void {
  writeFileSync(path, String(at.getTime()));
}
