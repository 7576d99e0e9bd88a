/**
 * The notification outbox: one delivery per channel and message, stored before the first attempt (by a
 * monitor evaluation: in its own transaction, decision 0015), retried with exponential back-off
 * (base · 2^attempt) and dead-lettered after `maxAttempts`.
 */
import type { ChannelRecord, DeliveryRecord, NotificationMessage } from "../monitoring/monitoring-records.js";
import type { MonitoringIdGenerator } from "../monitoring/monitoring-ids.js";
import type { Store } from "../storage/store.js";
import type { WorkLeases } from "../storage/work-leases.js";
import type { ChannelSender } from "./channel-senders.js";

/**
 * How long an attempt in progress keeps its delivery from other workers: a delivery is stored due only
 * after this, and claimed retries move it this far, so it is retried only if the attempt never recorded.
 */
export const deliveryInFlightMs = 60_000;

/** Stores and sends a notification to channels at once. */
export type NotifyFn = (message: NotificationMessage, channelIds: readonly string[]) => Promise<void>;

/** The outbox. */
export interface DeliveryOutbox {
  readonly notify: NotifyFn;
  /**
   * The pending deliveries of a message to the channels that take it (severity at or above theirs;
   * resolutions always), due one in-flight period from now. No I/O: the caller stores them.
   */
  planDeliveries(message: NotificationMessage, channels: readonly ChannelRecord[]): DeliveryRecord[];
  /** Attempts stored, never-attempted deliveries at once (their creator's first attempt). */
  sendNew(deliveries: readonly DeliveryRecord[]): Promise<void>;
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
  /** Claims due deliveries so two workers never retry the same one (default: list them, one process). */
  readonly leases?: Pick<WorkLeases, "claimDueDeliveries"> | undefined;
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
  const planDeliveries = (
    message: NotificationMessage,
    channels: readonly ChannelRecord[],
  ): DeliveryRecord[] => {
    const at = options.clock();
    const seen = new Set<string>();
    return channels.flatMap((channel): DeliveryRecord[] => {
      if (seen.has(channel.id)) return [];
      seen.add(channel.id);
      if (message.event !== "resolve" && severityRank[message.severity] < severityRank[channel.minSeverity])
        return [];
      return [
        {
          id: options.ids("dlv"),
          channelId: channel.id,
          incidentId: message.incidentId,
          message,
          status: "pending",
          attempts: 0,
          lastError: null,
          nextAttemptAt: new Date(at.getTime() + deliveryInFlightMs),
          createdAt: at,
        },
      ];
    });
  };
  const sendNew = async (deliveries: readonly DeliveryRecord[]): Promise<void> => {
    const at = options.clock();
    for (const delivery of deliveries) await attempt(delivery, at, true);
  };
  return {
    planDeliveries,
    sendNew,
    async notify(message: NotificationMessage, channelIds) {
      const channels: ChannelRecord[] = [];
      for (const channelId of new Set(channelIds)) {
        const channel = await store.findChannel(channelId);
        if (channel !== undefined) channels.push(channel);
      }
      const deliveries = planDeliveries(message, channels);
      for (const delivery of deliveries) await store.saveDelivery(delivery);
      await sendNew(deliveries);
    },
    async processDue(at) {
      let failed = 0;
      const claimUntil = new Date(at.getTime() + deliveryInFlightMs);
      const due =
        options.leases === undefined
          ? await store.listDueDeliveries(at, 100)
          : await options.leases.claimDueDeliveries({ at, limit: 100, claimUntil });
      for (const delivery of due) {
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
