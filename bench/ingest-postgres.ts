/**
 * Ingest benchmark against PostgreSQL: builds the server (tsc -b) and starts a throwaway PostgreSQL 15
 * (initdb + pg_ctl in a temp dir,
 * durable by default: fsync and full-page writes on, as a 2xx promises; `--no-fsync` runs it like the test
 * harness, fsync off), then Sextant server processes with `--store postgres` on it, registers a
 * 20-feature model version and sends NDJSON batches of 1,000 predictions with `Authorization: Bearer`.
 * Prints predictions/s with 1 and then 2 server processes sharing the database (ids never repeat).
 *
 *   npx tsx bench/ingest-postgres.ts [--seconds 15] [--senders-per-process 4] [--processes 2] [--spread-hours 1] [--no-fsync] [--transport tcp|socket] [--cpu-prof DIR]
 *
 * `--cpu-prof DIR` writes a V8 CPU profile of each server process into DIR when it exits.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { startPostgresTestServer } from "../packages/server/src/storage/postgres/testing/postgres-server.js";
import { spawnServer, type ServerProcess } from "../packages/server/src/testing/spawn-server.js";
import {
  buildRowTails,
  categoricalFeatures,
  createNdjsonPoster,
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
  const posters = new Map(options.urls.map((url) => [url, createNdjsonPoster(url)]));
  const sender = async (url: string): Promise<void> => {
    const post = posters.get(url)!;
    while (performance.now() < deadline) {
      const batch = (nextBatch += 1);
      const body = toBody(options.tails, batch);
      const started = performance.now();
      const response = await post(body);
      const text = response.text;
      if (response.status >= 200 && response.status < 300) {
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

/** CPU seconds (user + system, all threads) of a process, from /proc (Linux). */
function readProcessCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // exited
  }
}

/** Pids of every PostgreSQL process (the postmaster and its backends, WAL writer, checkpointer…). */
function listPostgresPids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("postgres");
      } catch {
        return false;
      }
    });
}

/** Where the machine's CPU went during a phase: servers, PostgreSQL, this load generator, idle. */
function startCpuAccount(serverPids: readonly number[]) {
  const idle = () => Number(readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/)[4]) / 100;
  const pgPids = listPostgresPids();
  const sum = (pids: readonly number[]) => pids.reduce((total, pid) => total + readProcessCpu(pid), 0);
  const before = { servers: sum(serverPids), pg: sum(pgPids), self: process.cpuUsage(), idle: idle() };
  return (rows: number, seconds: number): string => {
    const self = process.cpuUsage(before.self);
    const perThousand = (cpu: number) => ((cpu / rows) * 1e6).toFixed(1);
    const servers = sum(serverPids) - before.servers;
    const pg = sum(listPostgresPids()) - before.pg;
    const client = (self.user + self.system) / 1e6;
    const idleShare = (idle() - before.idle) / (seconds * cpus().length);
    return (
      `CPU ms per 1,000 rows: servers ${perThousand(servers)}, PostgreSQL ${perThousand(pg)}, ` +
      `load generator ${perThousand(client)}; machine idle ${(100 * idleShare).toFixed(0)}%`
    );
  };
}

const seconds = readFlag("seconds", 15);
const sendersPerProcess = readFlag("senders-per-process", 4);
const processCount = readFlag("processes", 2);
// The servers run as they ship (the tsc output, built here first: a no-op when up to date); from the
// sources through tsx they would also pay for tsx's helpers in hot paths.
execFileSync("npx", ["tsc", "-b"], { stdio: "inherit" });
const durable = !process.argv.includes("--no-fsync");
const database = await startPostgresTestServer({ fsync: durable });
// `--transport socket` connects through PostgreSQL's Unix-domain socket (what a server on the same host
// uses); the default is TCP on 127.0.0.1.
const transport = process.argv.includes("--transport")
  ? process.argv[process.argv.indexOf("--transport") + 1]
  : "tcp";
if (transport !== "tcp" && transport !== "socket") throw new Error("--transport is tcp or socket");
const databaseUrl = transport === "socket" ? database.socketUrl : database.url;
const servers: ServerProcess[] = [];
try {
  const flags = ["--port", "0", "--demo-enabled", "false", "--log-level", "warn", "--store", "postgres"];
  const spawnOne = async (): Promise<ServerProcess> => {
    const profileIndex = process.argv.indexOf("--cpu-prof");
    const nodeArgs =
      profileIndex === -1 ? [] : ["--cpu-prof", "--cpu-prof-dir", process.argv[profileIndex + 1] ?? "."];
    const server = await spawnServer([...flags, "--postgres-url", databaseUrl], {
      stderr: "inherit",
      nodeArgs,
      compiled: true,
    });
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
      `${sendersPerProcess} senders per server process, PostgreSQL at ${databaseUrl} (${transport === "socket" ? "Unix-domain socket" : "TCP"}) ` +
      `(${durable ? "durable: fsync on" : "fsync OFF: acknowledgements not durable"})\n`,
  );
  await runPhase({ urls: [first.url + path], seconds: 2, sendersPerUrl: 2, tails, firstBatch: 9_000_000 });
  for (let count = 1; count <= processCount; count += 1) {
    while (servers.length < count) await spawnOne();
    const account = startCpuAccount(servers.map((server) => server.child.pid!));
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
        `503 refusals ${phase.refused}, other errors ${phase.failed}\n` +
        `  ${account(phase.accepted, phase.seconds)}\n`,
    );
  }
} finally {
  for (const server of servers) server.child.kill("SIGTERM");
  await Promise.all(servers.map((server) => server.exited));
  await database.stop();
}
