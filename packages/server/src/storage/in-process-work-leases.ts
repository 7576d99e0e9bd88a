/**
 * WorkLeases for a store one process owns (the DuckDB file): leases live in memory, this process is
 * always the leader, and exclusive sections only serialise within the process. Keeps the scheduler code
 * the same for both stores; it must never be used over a database several processes share.
 */
import type { Store } from "./store.js";
import type { WorkLease, WorkLeases } from "./work-leases.js";

interface LeaseEntry {
  token: string | null;
  expiresAtMs: number;
  finishedRoundMs: number | null;
}

/** Creates the single-process leases over the store (deliveries are claimed through it). */
export function createInProcessWorkLeases(store: Store, now: () => number = Date.now): WorkLeases {
  const entries = new Map<string, LeaseEntry>();
  const sections = new Map<string, Promise<unknown>>();
  let nextToken = 1;
  const isHeld = (lease: WorkLease): LeaseEntry | undefined => {
    const entry = entries.get(lease.key);
    return entry?.token === lease.token ? entry : undefined;
  };
  return {
    registerKeys(keys) {
      for (const key of keys) {
        if (!entries.has(key)) entries.set(key, { token: null, expiresAtMs: 0, finishedRoundMs: null });
      }
      return Promise.resolve();
    },
    claimNext({ round, ttlMs }) {
      const nowMs = now();
      const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [key, entry] of sorted) {
        if (entry.expiresAtMs > nowMs) continue;
        if (entry.finishedRoundMs !== null && entry.finishedRoundMs >= round.getTime()) continue;
        entry.token = String(nextToken++);
        entry.expiresAtMs = nowMs + ttlMs;
        return Promise.resolve({ key, token: entry.token });
      }
      return Promise.resolve(null);
    },
    renew(lease, ttlMs) {
      const entry = isHeld(lease);
      if (entry !== undefined) entry.expiresAtMs = now() + ttlMs;
      return Promise.resolve(entry !== undefined);
    },
    release(lease, finishedRound) {
      const entry = isHeld(lease);
      if (entry !== undefined) {
        entry.expiresAtMs = 0;
        if (finishedRound !== null) entry.finishedRoundMs = finishedRound.getTime();
      }
      return Promise.resolve();
    },
    async claimDueDeliveries({ at, limit, claimUntil }) {
      const due = await store.listDueDeliveries(at, limit);
      const claimed = due.map((delivery) => ({ ...delivery, nextAttemptAt: claimUntil }));
      for (const delivery of claimed) await store.saveDelivery(delivery);
      return claimed;
    },
    tryLead: () => Promise.resolve(true),
    async runExclusively(name, work) {
      const previous = sections.get(name) ?? Promise.resolve();
      const current = previous.then(work, work);
      sections.set(
        name,
        current.catch(() => undefined),
      );
      return current;
    },
    close: () => Promise.resolve(),
  };
}
