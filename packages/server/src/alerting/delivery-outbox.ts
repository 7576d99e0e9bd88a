/**
 * The notification outbox: one delivery per channel and message, stored before the first attempt, retried
 * with exponential back-off (base · 2^attempt) and dead-lettered after `maxAttempts`. Implements NotifyFn.
 */
import type { NotifyFn } from "../incidents/incident-service.js";
import type { DeliveryRecord, NotificationMessage } from "../monitoring/monitoring-records.js";
import type { MonitoringIdGenerator } from "../monitoring/monitoring-ids.js";
import type { Store } from "../storage/store.js";
import type { ChannelSender } from "./channel-senders.js";

/** The outbox. */
export interface DeliveryOutbox {
  readonly notify: NotifyFn;
  /** Attempts the deliveries due at `at`; returns how many failed this round. */
  processDue(at: Date): Promise<number>;
  /** Sends a test message once, without retries; the delivery records the outcome. */
  sendTest(channelId: string, at: Date): Promise<DeliveryRecord>;
  /** Failed attempts since start (for /metrics). */
  failureCount(): number;
}

/** Creates the outbox. */
export function createDeliveryOutbox(options: {
  readonly store: Store;
  readonly ids: MonitoringIdGenerator;
  readonly send: ChannelSender;
  readonly clock: () => Date;
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
}): DeliveryOutbox {
  const { store, send } = options;
  let failures = 0;
  const attempt = async (delivery: DeliveryRecord, at: Date, retry: boolean): Promise<DeliveryRecord> => {
    const channel = await store.findChannel(delivery.channelId);
    const attempts = delivery.attempts + 1;
    let next: DeliveryRecord;
    try {
      if (channel === undefined) throw new Error("channel deleted");
      await send(channel, delivery.message);
      next = { ...delivery, attempts, status: "delivered", lastError: null, nextAttemptAt: null };
    } catch (error) {
      failures += 1;
      const lastError = error instanceof Error ? error.message : String(error);
      const dead = !retry || attempts >= options.maxAttempts;
      const nextAttemptAt = dead
        ? null
        : new Date(at.getTime() + options.baseBackoffMs * 2 ** (attempts - 1));
      next = { ...delivery, attempts, status: dead ? "dead" : "pending", lastError, nextAttemptAt };
    }
    await store.saveDelivery(next);
    return next;
  };
  const severityRank = { warning: 1, critical: 2 } as const;
  return {
    async notify(message: NotificationMessage, channelIds) {
      const at = options.clock();
      for (const channelId of new Set(channelIds)) {
        const channel = await store.findChannel(channelId);
        if (channel === undefined) continue;
        if (message.event !== "resolve" && severityRank[message.severity] < severityRank[channel.minSeverity])
          continue;
        const delivery: DeliveryRecord = {
          id: options.ids("dlv"),
          channelId,
          incidentId: message.incidentId,
          message,
          status: "pending",
          attempts: 0,
          lastError: null,
          nextAttemptAt: at,
          createdAt: at,
        };
        await store.saveDelivery(delivery);
        await attempt(delivery, at, true);
      }
    },
    async processDue(at) {
      let failed = 0;
      for (const delivery of await store.listDueDeliveries(at, 100)) {
        if ((await attempt(delivery, at, true)).status !== "delivered") failed += 1;
      }
      return failed;
    },
    async sendTest(channelId, at) {
      const delivery: DeliveryRecord = {
        id: options.ids("dlv"),
        channelId,
        incidentId: null,
        message: {
          event: "test",
          incidentId: null,
          title: "Sextant test notification",
          severity: "warning",
          modelId: null,
          modelName: null,
          segment: null,
          summary: "If you read this, the channel works.",
          monitors: [],
          at,
        },
        status: "pending",
        attempts: 0,
        lastError: null,
        nextAttemptAt: at,
        createdAt: at,
      };
      return attempt(delivery, at, false);
    },
    failureCount: () => failures,
  };
}
