import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ChannelConfig,
  ChannelRecord,
  DeliveryRecord,
  NotificationMessage,
} from "../monitoring/monitoring-records.js";
import type { Store } from "../storage/store.js";
import { computeSignature, createChannelSender, signatureHeader } from "./channel-senders.js";
import { createDeliveryOutbox } from "./delivery-outbox.js";

// Real sockets: a local HTTP receiver (status chosen per path) and a local SMTP sink, both started here.
const hits: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const mails: string[] = [];
let http: Server;
let smtp: TcpServer;
let httpBase = "";
let smtpPort = 0;

function startSmtpSink(): TcpServer {
  return createTcpServer((socket) => {
    let buffer = "";
    let inData = false;
    socket.write("220 sink ready\r\n");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          mails.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write("250 queued\r\n");
          continue;
        }
        const lineEnd = buffer.indexOf("\r\n");
        if (lineEnd === -1) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        if (line.startsWith("EHLO")) socket.write("250-sink\r\n250 OK\r\n");
        else if (line.startsWith("RCPT TO:<refused@")) socket.write("550 no such user\r\n");
        else if (line === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (line === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  });
}

beforeAll(async () => {
  http = createHttpServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      hits.push({ path: request.url ?? "", headers: request.headers, body });
      response.writeHead(request.url === "/fail" ? 500 : 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  httpBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  smtp = startSmtpSink();
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await new Promise((resolve) => smtp.close(resolve));
});

const message: NotificationMessage = {
  event: "fire",
  incidentId: "inc_test000000000000001",
  title: "Critical: income drift",
  severity: "critical",
  modelId: "mdl_test000000000000001",
  modelName: "pd",
  segment: null,
  summary: "psi 0.31 over 0.25\n.a line starting with a dot",
  monitors: [{ id: "mon_test000000000000001", name: "income drift", value: 0.31 }],
  at: new Date("2026-11-20T00:00:00Z"),
};

const channel = (config: ChannelConfig): ChannelRecord => ({
  id: "chn_test000000000000001",
  name: "test",
  workspaceId: null,
  minSeverity: "warning",
  config,
  createdAt: new Date("2026-11-01T00:00:00Z"),
});

const noDns = (): Promise<string[]> => Promise.resolve([]);
const allowLocal = createChannelSender({ allowList: ["127.0.0.1"], resolve: noDns, timeoutMs: 5_000 });

describe("channel senders over real sockets", () => {
  it("signs generic webhooks with HMAC-SHA256 of the raw body", async () => {
    await allowLocal(channel({ kind: "webhook", url: `${httpBase}/hook`, secret: "0123456789" }), message);
    const hit = hits.at(-1);
    expect(hit?.path).toBe("/hook");
    expect(hit?.headers[signatureHeader]).toBe(computeSignature("0123456789", hit?.body ?? ""));
    expect(hit?.headers[signatureHeader]).not.toBe(computeSignature("wrong-secret", hit?.body ?? ""));
    expect(JSON.parse(hit?.body ?? "{}")).toMatchObject({
      event: "fire",
      title: message.title,
      source: "sextant",
    });
  });

  it("sends Slack text and PagerDuty Events v2 payloads", async () => {
    await allowLocal(channel({ kind: "slack", url: `${httpBase}/slack` }), message);
    expect(JSON.parse(hits.at(-1)?.body ?? "{}")).toEqual({
      text: expect.stringContaining(":red_circle: [fire] Critical: income drift") as unknown,
    });
    await allowLocal(channel({ kind: "pagerduty", url: `${httpBase}/pd`, routingKey: "R0UT1NG" }), message);
    expect(JSON.parse(hits.at(-1)?.body ?? "{}")).toMatchObject({
      routing_key: "R0UT1NG",
      event_action: "trigger",
      dedup_key: message.incidentId,
      payload: { severity: "critical", summary: message.title, timestamp: "2026-11-20T00:00:00.000Z" },
    });
  });

  it("delivers e-mail through SMTP with dot-stuffing, and reports a refused recipient", async () => {
    const email = (to: string[]): ChannelConfig => ({
      kind: "email",
      to,
      from: "sextant@example.com",
      host: "127.0.0.1",
      port: smtpPort,
    });
    await allowLocal(channel(email(["oncall@example.com"])), message);
    const mail = mails.at(-1) ?? "";
    expect(mail).toContain("Subject: [Sextant critical] Critical: income drift");
    expect(mail).toContain("To: oncall@example.com");
    expect(mail).toContain("\r\n..a line starting with a dot");
    await expect(allowLocal(channel(email(["refused@example.com"])), message)).rejects.toThrow(/550/);
  });

  it("refuses internal hosts that are not allow-listed, before connecting", async () => {
    const strict = createChannelSender({ allowList: [], resolve: noDns, timeoutMs: 5_000 });
    const before = hits.length;
    await expect(strict(channel({ kind: "slack", url: `${httpBase}/slack` }), message)).rejects.toThrow(
      /not allow-listed/,
    );
    expect(hits.length).toBe(before);
  });
});

describe("delivery outbox", () => {
  it("retries with exponential back-off and dead-letters after the last attempt", async () => {
    const deliveries = new Map<string, DeliveryRecord>();
    const failing = channel({ kind: "slack", url: `${httpBase}/fail` });
    const store = {
      findChannel: () => Promise.resolve(failing),
      saveDelivery: (record: DeliveryRecord) => {
        deliveries.set(record.id, record);
        return Promise.resolve();
      },
      listDueDeliveries: (at: Date) =>
        Promise.resolve(
          [...deliveries.values()].filter(
            (d) => d.status === "pending" && d.nextAttemptAt !== null && d.nextAttemptAt <= at,
          ),
        ),
    } as unknown as Store;
    let now = new Date("2026-11-20T00:00:00Z");
    let n = 0;
    const outbox = createDeliveryOutbox({
      store,
      ids: () => `dlv_test${String((n += 1)).padStart(12, "0")}`,
      send: allowLocal,
      clock: () => now,
      maxAttempts: 3,
      baseBackoffMs: 1_000,
    });
    await outbox.notify(message, [failing.id]);
    const [first] = deliveries.values();
    expect(first).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringContaining("HTTP 500") as unknown,
    });
    expect(first?.nextAttemptAt?.getTime()).toBe(now.getTime() + 1_000);

    expect(await outbox.processDue(new Date(now.getTime() + 999))).toBe(0);
    now = new Date(now.getTime() + 1_000);
    expect(await outbox.processDue(now)).toBe(1);
    const second = deliveries.get(first?.id ?? "");
    expect(second).toMatchObject({ status: "pending", attempts: 2 });
    expect(second?.nextAttemptAt?.getTime()).toBe(now.getTime() + 2_000);

    now = new Date(now.getTime() + 2_000);
    await outbox.processDue(now);
    expect(deliveries.get(first?.id ?? "")).toMatchObject({
      status: "dead",
      attempts: 3,
      nextAttemptAt: null,
    });
    expect(outbox.failureCount()).toBe(3);
    expect(await outbox.processDue(new Date(now.getTime() + 60_000))).toBe(0);
  });
});
