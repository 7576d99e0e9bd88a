import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "./login-throttle.js";

describe("login throttle", () => {
  it("lets the free attempts through, then doubles the wait up to the maximum", () => {
    let now = 0;
    const throttle = createLoginThrottle({
      freeAttempts: 2,
      baseDelayMs: 1000,
      maxDelayMs: 5000,
      clock: () => new Date(now),
    });
    const keys = ["user:bob"];
    const waits: number[] = [];
    for (let failure = 0; failure < 6; failure += 1) {
      throttle.recordFailure(keys);
      waits.push(throttle.computeWaitMs(keys));
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 5000]);
    now = 4999;
    expect(throttle.computeWaitMs(keys)).toBe(1);
    now = 5000;
    expect(throttle.computeWaitMs(keys)).toBe(0);
    throttle.recordSuccess(keys);
    throttle.recordFailure(keys);
    expect(throttle.computeWaitMs(keys)).toBe(0);
  });

  it("blocks on the worst of several keys (username and address)", () => {
    const throttle = createLoginThrottle({
      freeAttempts: 1,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      clock: () => new Date(0),
    });
    throttle.recordFailure(["ip:a"]);
    throttle.recordFailure(["ip:a"]);
    expect(throttle.computeWaitMs(["user:x", "ip:a"])).toBe(1000);
    expect(throttle.computeWaitMs(["user:x", "ip:b"])).toBe(0);
  });
});
