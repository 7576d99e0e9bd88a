/**
 * The scheduler: on every tick (time from the injected clock) it runs every enabled monitor through the
 * runner one after another, so one failing monitor never stops the others (the runner records the error
 * on the monitor), then retries due deliveries. main.ts drives ticks with a real timer; tests call `tick`.
 */
import type { Logger } from "pino";
import type { DeliveryOutbox } from "../alerting/delivery-outbox.js";
import type { MonitorRunner } from "../monitoring/monitor-runner.js";
import type { Store } from "../storage/store.js";

/** Figures of the last tick (for /metrics). */
export interface SchedulerStats {
  readonly ticks: number;
  readonly lastTickAt: Date | null;
  /** How long after its due time the last tick finished, in ms. */
  readonly lastLagMs: number;
  readonly monitorFailures: number;
}

/** The scheduler. */
export interface MonitorScheduler {
  tick(): Promise<{ evaluatedWindows: number; notifications: number; failedMonitors: number }>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
  stats(): SchedulerStats;
}

/** Creates the scheduler. */
export function createMonitorScheduler(options: {
  readonly store: Store;
  readonly runner: MonitorRunner;
  readonly outbox: DeliveryOutbox;
  readonly clock: () => Date;
  readonly logger: Logger;
}): MonitorScheduler {
  const { store, runner, outbox, clock } = options;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stats: SchedulerStats = { ticks: 0, lastTickAt: null, lastLagMs: 0, monitorFailures: 0 };
  const tick = async () => {
    const at = clock();
    let evaluatedWindows = 0;
    let notifications = 0;
    let failedMonitors = 0;
    for (let offset = 0; ; offset += 200) {
      const page = await store.listMonitors({ limit: 200, offset });
      for (const monitor of page.items) {
        if (!monitor.enabled) continue;
        const outcome = await runner.run(monitor, at);
        evaluatedWindows += outcome.evaluatedWindows;
        notifications += outcome.notifications;
        if (outcome.error !== null) {
          failedMonitors += 1;
          options.logger.warn({ monitorId: monitor.id, error: outcome.error }, "monitor evaluation failed");
        }
      }
      if (offset + page.items.length >= page.total) break;
    }
    await outbox.processDue(at);
    stats = {
      ticks: stats.ticks + 1,
      lastTickAt: at,
      lastLagMs: Math.max(0, clock().getTime() - at.getTime()),
      monitorFailures: stats.monitorFailures + failedMonitors,
    };
    return { evaluatedWindows, notifications, failedMonitors };
  };
  return {
    tick,
    start(intervalMs) {
      timer = setInterval(() => {
        if (running !== null) return;
        running = tick()
          .catch((error: unknown) => {
            options.logger.error({ err: error }, "scheduler tick failed");
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
