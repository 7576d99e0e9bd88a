/**
 * The scheduler: on every tick (time from the injected clock) it claims models one at a time through the
 * WorkLeases port and runs each enabled monitor of the claimed model through the runner under that lease
 * (renewed while it runs, and fencing the commits), so several worker processes share the models, no
 * monitor is evaluated by two at once and incident grouping per model never races; then it retries the
 * due deliveries it claimed, and the leader runs the housekeeping tasks. A failing monitor never stops
 * the others (the runner records the error on the monitor). main.ts drives ticks with a timer; tests
 * call `tick`.
 */
import type { Logger } from "pino";
import type { DeliveryOutbox } from "../alerting/delivery-outbox.js";
import type { MonitorRunner } from "../monitoring/monitor-runner.js";
import type { MonitorRecord } from "../monitoring/monitoring-records.js";
import type { Store } from "../storage/store.js";
import {
  LeaseLostError,
  toModelIdOfLeaseKey,
  toModelLeaseKey,
  type WorkLease,
  type WorkLeases,
} from "../storage/work-leases.js";

/** Figures of the last tick (for /metrics). */
export interface SchedulerStats {
  readonly ticks: number;
  readonly lastTickAt: Date | null;
  /** How long after its due time the last tick finished, in ms. */
  readonly lastLagMs: number;
  readonly monitorFailures: number;
}

/** Work only the leader does, at most once per tick (e.g. retention). */
export type HousekeepingTask = (at: Date) => Promise<void>;

/** The scheduler. */
export interface MonitorScheduler {
  tick(): Promise<{ evaluatedWindows: number; notifications: number; failedMonitors: number }>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
  stats(): SchedulerStats;
}

const pageSize = 200;

/** Enabled monitors by model lease key, in creation order. */
async function listEnabledMonitors(store: Store, modelId?: string): Promise<Map<string, MonitorRecord[]>> {
  const byKey = new Map<string, MonitorRecord[]>();
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.listMonitors({ limit: pageSize, offset, modelId });
    for (const monitor of page.items) {
      if (!monitor.enabled) continue;
      const key = toModelLeaseKey(monitor.modelId);
      byKey.set(key, [...(byKey.get(key) ?? []), monitor]);
    }
    if (offset + page.items.length >= page.total) return byKey;
  }
}

interface TickTotals {
  evaluatedWindows: number;
  notifications: number;
  failedMonitors: number;
}

/** Creates the scheduler. */
export function createMonitorScheduler(options: {
  readonly store: Store;
  readonly runner: MonitorRunner;
  readonly outbox: DeliveryOutbox;
  readonly leases: WorkLeases;
  /** How long a claim on a monitor lasts unless renewed (renewed every third of it). */
  readonly leaseTtlMs: number;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly housekeeping?: readonly HousekeepingTask[];
}): MonitorScheduler {
  const { store, runner, outbox, clock, leases, leaseTtlMs, logger } = options;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  // Ticks of several processes in the same interval share one round, so a monitor runs once per round.
  let roundMs: number | null = null;
  let lastRound: Date | null = null;
  let stats: SchedulerStats = { ticks: 0, lastTickAt: null, lastLagMs: 0, monitorFailures: 0 };

  /** Runs the monitors of a claimed model in order; a lost lease stops it (LeaseLostError). */
  const runModel = async (
    lease: WorkLease,
    monitors: readonly MonitorRecord[],
    at: Date,
    totals: TickTotals,
  ) => {
    const renewal = setInterval(
      () => {
        leases.renew(lease, leaseTtlMs).then(
          (held) => {
            if (!held) logger.warn({ lease: lease.key }, "model lease lost while evaluating");
          },
          (error: unknown) => {
            logger.warn({ err: error, lease: lease.key }, "model lease renewal failed");
          },
        );
      },
      Math.max(100, Math.floor(leaseTtlMs / 3)),
    );
    renewal.unref();
    try {
      for (const monitor of monitors) {
        const outcome = await runner.run(monitor, at, { fence: lease });
        totals.evaluatedWindows += outcome.evaluatedWindows;
        totals.notifications += outcome.notifications;
        if (outcome.error !== null) {
          totals.failedMonitors += 1;
          logger.warn({ monitorId: monitor.id, error: outcome.error }, "monitor evaluation failed");
        }
      }
    } finally {
      clearInterval(renewal);
    }
  };

  const tick = async () => {
    const at = clock();
    // Without a timer (tests calling tick), every tick is a round of its own.
    const round =
      roundMs === null
        ? new Date(Math.max(at.getTime(), (lastRound?.getTime() ?? -Infinity) + 1))
        : new Date(Math.floor(at.getTime() / roundMs) * roundMs);
    lastRound = round;
    const totals: TickTotals = { evaluatedWindows: 0, notifications: 0, failedMonitors: 0 };
    const known = await listEnabledMonitors(store);
    await leases.registerKeys([...known.keys()]);
    for (;;) {
      const lease = await leases.claimNext({ round, ttlMs: leaseTtlMs });
      if (lease === null) break;
      let finished = true;
      try {
        // Another process may have registered a model whose monitors were created after this listing.
        const modelId = toModelIdOfLeaseKey(lease.key);
        const monitors =
          known.get(lease.key) ??
          (modelId === null ? [] : ((await listEnabledMonitors(store, modelId)).get(lease.key) ?? []));
        await runModel(lease, monitors, at, totals);
      } catch (error) {
        // A lost lease: another worker took the model over and owns its bookkeeping now.
        finished = false;
        if (error instanceof LeaseLostError) logger.warn({ lease: lease.key }, error.message);
        else throw error;
      } finally {
        await leases.release(lease, finished ? round : null);
      }
    }
    await outbox.processDue(at);
    if (options.housekeeping !== undefined && options.housekeeping.length > 0 && (await leases.tryLead())) {
      // One failing task (a retention pass, a scheduled assessment) must not stop the others or the tick.
      for (const task of options.housekeeping) {
        try {
          await task(at);
        } catch (error) {
          logger.warn({ err: error }, "housekeeping task failed");
        }
      }
    }
    stats = {
      ticks: stats.ticks + 1,
      lastTickAt: at,
      lastLagMs: Math.max(0, clock().getTime() - at.getTime()),
      monitorFailures: stats.monitorFailures + totals.failedMonitors,
    };
    return totals;
  };
  return {
    tick,
    start(intervalMs) {
      roundMs = intervalMs;
      timer = setInterval(() => {
        if (running !== null) return;
        running = tick()
          .catch((error: unknown) => {
            logger.error({ err: error }, "scheduler tick failed");
          })
          .finally(() => {
            running = null;
          });
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await running;
    },
    stats: () => stats,
  };
}
