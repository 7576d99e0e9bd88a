/**
 * Ingest benchmark against PostgreSQL: starts a throwaway PostgreSQL 15 (initdb + pg_ctl in a temp dir,
 * durable by default: fsync and full-page writes on, as a 2xx promises; `--no-fsync` runs it like the test
 * harness, fsync off), then Sextant server processes with `--store postgres` on it, registers a
 * 20-feature model version and sends NDJSON batches of 1,000 predictions with `Authorization: Bearer`.
 * Prints predictions/s with 1 and then 2 server processes sharing the database (ids never repeat).
 *
 *   npx tsx bench/ingest-postgres.ts [--seconds 15] [--senders-per-process 4] [--processes 2] [--spread-hours 1] [--no-fsync]
 */
import { startPostgresTestServer } from "../packages/server/src/storage/postgres/testing/postgres-server.js";
import { spawnServer, type ServerProcess } from "../packages/server/src/testing/spawn-server.js";
import { testAdminHeaders } from "../packages/server/src/testing/test-app.js";
import {
  buildRowTails,
  categoricalFeatures,
  numericFeatures,
  percentile,
  readFlag,
  registerVersion,
  rowsPerBatch,
  toBody,
} from "./ingest-workload.js";

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
      const body = toBody(options.tails, batch);
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-ndjson", ...testAdminHeaders },
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
  return {
    accepted,
    refused,
    failed,
    seconds: (performance.now() - started) / 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const seconds = readFlag("seconds", 15);
const sendersPerProcess = readFlag("senders-per-process", 4);
const processCount = readFlag("processes", 2);
const durable = !process.argv.includes("--no-fsync");
const database = await startPostgresTestServer({ fsync: durable });
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
      `event times within ${readFlag("spread-hours", 1)} h per batch, ` +
      `${sendersPerProcess} senders per server process, PostgreSQL at ${database.url} ` +
      `(${durable ? "durable: fsync on" : "fsync OFF: acknowledgements not durable"})\n`,
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
