/**
 * Channel formats and transports: generic webhook (JSON with an HMAC-SHA256 signature header), Slack
 * incoming webhook, PagerDuty Events v2, e-mail over SMTP. Channels know nothing about monitors: they get a
 * channel-neutral message, and every outbound host passes the address guard first.
 */
import { createHmac } from "node:crypto";
import type { ChannelRecord, NotificationMessage } from "../monitoring/monitoring-records.js";
import { assertOutboundHostAllowed, type ResolveHost } from "./outbound-url.js";
import { sendSmtpMail } from "./smtp-client.js";

/** Header carrying `sha256=<hex HMAC of the raw body>` on generic webhooks. */
export const signatureHeader = "x-sextant-signature";

/** Sends one message to one channel; throws on failure (the outbox retries). */
export type ChannelSender = (channel: ChannelRecord, message: NotificationMessage) => Promise<void>;

/** The JSON body of the generic webhook. */
export function toWebhookBody(message: NotificationMessage): Record<string, unknown> {
  return { ...message, at: message.at.toISOString(), source: "sextant" };
}

/** The HMAC-SHA256 signature of a raw body. */
export function computeSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

function toSlackBody(message: NotificationMessage): Record<string, unknown> {
  const icon =
    message.event === "resolve"
      ? ":white_check_mark:"
      : message.severity === "critical"
        ? ":red_circle:"
        : ":warning:";
  return { text: `${icon} [${message.event}] ${message.title}: ${message.summary}` };
}

function toPagerDutyBody(message: NotificationMessage, routingKey: string): Record<string, unknown> {
  return {
    routing_key: routingKey,
    event_action: message.event === "resolve" ? "resolve" : "trigger",
    dedup_key: message.incidentId ?? `test-${message.at.getTime()}`,
    payload: {
      summary: message.title,
      source: `sextant/${message.modelId ?? "test"}`,
      severity: message.severity === "critical" ? "critical" : "warning",
      timestamp: message.at.toISOString(),
      custom_details: { summary: message.summary, segment: message.segment, monitors: message.monitors },
    },
  };
}

async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    redirect: "error",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${new URL(url).host}`);
}

/** Creates the sender of every channel kind. */
export function createChannelSender(options: {
  readonly allowList: readonly string[];
  readonly resolve: ResolveHost;
  readonly timeoutMs: number;
}): ChannelSender {
  const guard = (host: string) =>
    assertOutboundHostAllowed({ host, allowList: options.allowList, resolve: options.resolve });
  return async (channel, message) => {
    const config = channel.config;
    if (config.kind === "email") {
      await guard(config.host);
      await sendSmtpMail({
        host: config.host,
        port: config.port,
        from: config.from,
        to: config.to,
        subject: `[Sextant ${message.severity}] ${message.title}`,
        text: `${message.event.toUpperCase()}: ${message.title}\n${message.summary}\n${message.at.toISOString()}\n`,
        timeoutMs: options.timeoutMs,
      });
      return;
    }
    await guard(new URL(config.url).hostname);
    if (config.kind === "webhook") {
      const body = JSON.stringify(toWebhookBody(message));
      await postJson(
        config.url,
        body,
        { [signatureHeader]: computeSignature(config.secret, body) },
        options.timeoutMs,
      );
    } else if (config.kind === "slack") {
      await postJson(config.url, JSON.stringify(toSlackBody(message)), {}, options.timeoutMs);
    } else {
      await postJson(
        config.url,
        JSON.stringify(toPagerDutyBody(message, config.routingKey)),
        {},
        options.timeoutMs,
      );
    }
  };
}
