/**
 * Login rate limiting with exponential back-off, per username and per client address: after
 * `freeAttempts` failures each further failure doubles the wait (base, 2·base, 4·base, … up to max).
 * In memory: one process owns a data dir; a restart resets the counters.
 */

/** Settings of the throttle. */
export interface LoginThrottleOptions {
  readonly freeAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly clock: () => Date;
}

/** Tracks failed sign-ins. */
export interface LoginThrottle {
  /** Milliseconds the caller must still wait (0 = may try now). */
  computeWaitMs(keys: readonly string[]): number;
  recordFailure(keys: readonly string[]): void;
  recordSuccess(keys: readonly string[]): void;
}

interface Failures {
  count: number;
  blockedUntilMs: number;
  lastFailureMs: number;
}

const forgetAfterMs = 24 * 60 * 60 * 1000;
const maxTracked = 100_000;

/** Creates an in-memory login throttle. */
export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const failures = new Map<string, Failures>();
  const now = (): number => options.clock().getTime();
  const prune = (at: number): void => {
    if (failures.size < maxTracked) return;
    for (const [key, entry] of failures) if (at - entry.lastFailureMs > forgetAfterMs) failures.delete(key);
  };
  return {
    computeWaitMs(keys) {
      const at = now();
      return Math.max(0, ...keys.map((key) => (failures.get(key)?.blockedUntilMs ?? 0) - at));
    },
    recordFailure(keys) {
      const at = now();
      prune(at);
      for (const key of keys) {
        const entry = failures.get(key) ?? { count: 0, blockedUntilMs: 0, lastFailureMs: at };
        if (at - entry.lastFailureMs > forgetAfterMs) entry.count = 0;
        entry.count += 1;
        entry.lastFailureMs = at;
        const excess = entry.count - options.freeAttempts;
        if (excess > 0) {
          const delay = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(excess - 1, 30));
          entry.blockedUntilMs = at + delay;
        }
        failures.set(key, entry);
      }
    },
    recordSuccess(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
