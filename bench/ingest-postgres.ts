/**
 * Ingest benchmark against PostgreSQL: starts a throwaway PostgreSQL 15 (initdb + pg_ctl in a temp dir,
 * fsync off unless --fsync), then Sextant server processes with `--store postgres` on it, registers a
 * 20-feature model version and sends NDJSON batches of 1,000 predictions with `Authorization: Bearer`.
 * Prints predictions/s with 1 and then 2 server processes sharing the database (ids never repeat).
 *
 *   npx tsx bench/ingest-postgres.ts [--seconds 15] [--senders-per-process 4] [--processes 2]
 */
import { startPostgresTestServer } from "../packages/server/src/storage/postgres/testing/postgres-server.js";
import { spawnServer, type ServerProcess } from "../packages/server/src/testing/spawn-server.js";
import { testAdminApiKey } from "../packages/server/src/testing/test-app.js";

const rowsPerBatch = 1000;
const numericFeatures = 16;
const categoricalFeatures = 4;
const auth = { authorization: `Bearer ${testAdminApiKey}` };

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

async function call(url: string, method: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...auth },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function registerVersion(base: string): Promise<string> {
  const workspace = await call(`${base}/api/v1/workspaces`, "POST", { slug: "bench", name: "Bench" });
  const model = await call(`${base}/api/v1/workspaces/${String(workspace.id)}/models`, "POST", {
    name: "bench",
    task: "binary",
    owner: { kind: "team", name: "bench" },
  });
  const version = await call(`${base}/api/v1/models/${String(model.id)}/versions`, "POST", { name: "1" });
  const columns = [
    { name: "id", role: "id", type: "string", nullable: false },
    { name: "ts", role: "timestamp", type: "timestamp", nullable: false },
    ...Array.from({ length: numericFeatures }, (_, i) => ({
      name: `f${i}`,
      role: "feature",
      type: "numeric",
    })),
    ...Array.from({ length: categoricalFeatures }, (_, i) => ({
      name: `c${i}`,
      role: "feature",
      type: "categorical",
    })),
    { name: "score", role: "prediction_score", type: "numeric", nullable: false },
  ];
  await call(`${base}/api/v1/versions/${String(version.id)}/schema`, "PUT", { columns });
  return String(version.id);
}

/** Row bodies without the id, generated once; each batch only prefixes fresh ids. */
function buildRowTails(): string[] {
  let state = 42;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: rowsPerBatch }, () => {
    const row: Record<string, unknown> = {
      ts: new Date(1_767_225_600_000 + Math.floor(random() * 86_400_000)).toISOString(),
    };
    for (let i = 0; i < numericFeatures; i += 1) row[`f${i}`] = Math.round(random() * 1e6) / 1e3;
    for (let i = 0; i < categoricalFeatures; i += 1) row[`c${i}`] = `cat${Math.floor(random() * 20)}`;
    row.score = Math.round(random() * 1e4) / 1e4;
    return JSON.stringify(row).slice(1);
  });
}

async function runPhase(options: {
  urls: readonly string[];
  seconds: number;
  sendersPerUrl: number;
  tails: readonly string[];
  firstBatch: number;
}): Promise<{
  accepted: number;
  refused: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
}> {
  let accepted = 0;
  let refused = 0;
  let failed = 0;
  const latencies: number[] = [];
  let nextBatch = options.firstBatch;
  const deadline = performance.now() + options.seconds * 1000;
  const sender = async (url: string): Promise<void> => {
    while (performance.now() < deadline) {
      const batch = (nextBatch += 1);
      let body = "";
      for (let row = 0; row < options.tails.length; row += 1)
        body += `{"id":"b${batch}-${row}",${options.tails[row]!}\n`;
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-ndjson", ...auth },
        body,
      });
      const text = await response.text();
      if (response.ok) {
        accepted += rowsPerBatch;
        latencies.push(performance.now() - started);
      } else if (response.status === 503) {
        refused += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else {
        failed += 1;
        if (failed <= 3) process.stderr.write(`HTTP ${response.status}: ${text.slice(0, 300)}\n`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(
    options.urls.flatMap((url) => Array.from({ length: options.sendersPerUrl }, () => sender(url))),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    accepted,
    refused,
    failed,
    seconds: (performance.now() - started) / 1000,
    p50: at(0.5),
    p99: at(0.99),
  };
}

const seconds = readFlag("seconds", 15);
const sendersPerProcess = readFlag("senders-per-process", 4);
const processCount = readFlag("processes", 2);
const database = await startPostgresTestServer({ fsync: process.argv.includes("--fsync") });
const servers: ServerProcess[] = [];
try {
  const flags = ["--port", "0", "--demo-enabled", "false", "--log-level", "warn", "--store", "postgres"];
  const spawnOne = async (): Promise<ServerProcess> => {
    const server = await spawnServer([...flags, "--postgres-url", database.url], { stderr: "inherit" });
    servers.push(server);
    // pino writes to stdout: echo the server's error lines so a failed request has its cause shown.
    server.child.stdout?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (/"level":(50|60)/.test(line)) process.stderr.write(`server: ${line.slice(0, 2000)}\n`);
      }
    });
    return server;
  };
  const first = await spawnOne();
  const versionId = await registerVersion(first.url);
  const path = `/api/v1/versions/${versionId}/predictions`;
  const tails = buildRowTails();
  process.stdout.write(
    `bench/ingest-postgres: ${numericFeatures + categoricalFeatures} features, NDJSON batches of ${rowsPerBatch}, ` +
      `${sendersPerProcess} senders per server process, PostgreSQL at ${database.url}\n`,
  );
  await runPhase({ urls: [first.url + path], seconds: 2, sendersPerUrl: 2, tails, firstBatch: 9_000_000 });
  for (let count = 1; count <= processCount; count += 1) {
    while (servers.length < count) await spawnOne();
    const phase = await runPhase({
      urls: servers.map((server) => server.url + path),
      seconds,
      sendersPerUrl: sendersPerProcess,
      tails,
      firstBatch: count * 1_000_000,
    });
    process.stdout.write(
      `${count} server process(es): ${Math.round(phase.accepted / phase.seconds).toLocaleString("en")} predictions/s ` +
        `over ${phase.seconds.toFixed(1)} s, ack p50 ${phase.p50.toFixed(0)} ms p99 ${phase.p99.toFixed(0)} ms, ` +
        `503 refusals ${phase.refused}, other errors ${phase.failed}\n`,
    );
  }
} finally {
  for (const server of servers) server.child.kill("SIGTERM");
  await Promise.all(servers.map((server) => server.exited));
  await database.stop();
}
