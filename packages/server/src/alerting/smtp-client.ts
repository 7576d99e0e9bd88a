/**
 * A minimal SMTP client on node:net for alert e-mails: EHLO, MAIL FROM, RCPT TO, DATA, QUIT with reply
 * codes checked at every step; plain text body, dot-stuffed. No TLS or AUTH (a local relay is expected).
 */
import { Socket } from "node:net";

/** One e-mail to send. */
export interface SmtpMail {
  readonly host: string;
  readonly port: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly timeoutMs: number;
}

function readReplies(socket: Socket): () => Promise<{ code: number; text: string }> {
  let buffer = "";
  const waiting: ((reply: { code: number; text: string }) => void)[] = [];
  const ready: { code: number; text: string }[] = [];
  socket.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let end: number;
    while ((end = buffer.search(/^\d{3} .*\r?\n/m)) !== -1) {
      const lineEnd = buffer.indexOf("\n", end);
      const text = buffer.slice(0, lineEnd + 1);
      buffer = buffer.slice(lineEnd + 1);
      const reply = { code: Number(text.slice(end, end + 3)), text: text.trim() };
      const next = waiting.shift();
      if (next === undefined) ready.push(reply);
      else next(reply);
    }
  });
  return () => {
    const reply = ready.shift();
    return reply !== undefined ? Promise.resolve(reply) : new Promise((resolve) => waiting.push(resolve));
  };
}

/** Sends one mail; rejects with the server's reply when a step is refused. */
export async function sendSmtpMail(mail: SmtpMail): Promise<void> {
  const socket = new Socket();
  socket.setTimeout(mail.timeoutMs, () => socket.destroy(new Error("SMTP timeout")));
  const failed = new Promise<never>((_, reject) => socket.once("error", reject));
  const next = readReplies(socket);
  const expect = async (codes: number[]): Promise<void> => {
    const reply = await Promise.race([next(), failed]);
    if (!codes.includes(reply.code)) throw new Error(`SMTP refused: ${reply.text}`);
  };
  const send = async (line: string, codes: number[]): Promise<void> => {
    socket.write(`${line}\r\n`);
    await expect(codes);
  };
  try {
    await Promise.race([
      new Promise<void>((resolve) => socket.connect(mail.port, mail.host, resolve)),
      failed,
    ]);
    await expect([220]);
    await send("EHLO sextant", [250]);
    await send(`MAIL FROM:<${mail.from}>`, [250]);
    for (const to of mail.to) await send(`RCPT TO:<${to}>`, [250, 251]);
    await send("DATA", [354]);
    const headers = [
      `From: ${mail.from}`,
      `To: ${mail.to.join(", ")}`,
      `Subject: ${mail.subject.replace(/[\r\n]/g, " ")}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
    ];
    const body = [
      ...headers,
      ...mail.text.split(/\r?\n/).map((line) => (line.startsWith(".") ? `.${line}` : line)),
    ];
    await send(`${body.join("\r\n")}\r\n.`, [250]);
    await send("QUIT", [221]);
  } finally {
    socket.destroy();
  }
}
