/**
 * Ingest benchmark: starts a Sextant server in a child process on a fresh data dir, registers a
 * model version with 20 features, then sends NDJSON batches of 1,000 predictions over loopback.
 * Prints sustained predictions/s, batch acknowledgement latency (p50/p99) and the server's RSS,
 * then overloads it to show back-pressure (503 INGEST_BUFFER_FULL) and bounded memory.
 *
 *   npx tsx bench/ingest.ts [--seconds 20] [--concurrency 4] [--overload-concurrency 64] [--cpu-prof DIR] [--spread-hours 1]
 *
 * `--cpu-prof DIR` writes a V8 CPU profile of the server process into DIR when it exits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { testAdminApiKey } from "../packages/server/src/testing/test-app.js";
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

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const entry = fileURLToPath(new URL("../packages/server/src/testing/child-server.ts", import.meta.url));
  const profileIndex = process.argv.indexOf("--cpu-prof");
  const profile =
    profileIndex === -1 ? [] : ["--cpu-prof", "--cpu-prof-dir", process.argv[profileIndex + 1] ?? "."];
  const args = [
    ...profile,
    "--conditions=source",
    "--import",
    "tsx",
    entry,
    "--data-dir",
    dataDir,
    "--port",
    "0",
  ];
  const flags = [
    "--demo-enabled",
    "false",
    "--log-level",
    "warn",
    "--duckdb-threads",
    "2",
    "--duckdb-memory-limit",
    "1GB",
  ];
  const child = spawn(process.execPath, [...args, ...flags], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, SEXTANT_ADMIN_API_KEY: testAdminApiKey },
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line.startsWith('{"url"')) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code) => {
      reject(new Error(`server exited (${code})`));
    });
  });
  return { url, child };
}

async function readRssMb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const field = (name: string): number =>
    Number(/\d+/.exec(status.split("\n").find((line) => line.startsWith(name)) ?? "0")![0]) / 1024;
  return { rss: Math.round(field("VmRSS:")), peak: Math.round(field("VmHWM:")) };
}

interface PhaseResult {
  accepted: number;
  refused: number;
  failed: number;
  latenciesMs: number[];
  seconds: number;
  maxRssMb: number;
  /** Server CPU (user + system, all threads) spent during the phase, in ms. */
  serverCpuMs: number;
}

/** CPU time the process has used so far (user + system, every thread), in ms. */
async function readCpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of stat, i.e. 12 and 13 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function runPhase(options: {
  url: string;
  pid: number;
  seconds: number;
  concurrency: number;
  tails: string[];
  firstBatch: number;
}): Promise<PhaseResult> {
  const result: PhaseResult = {
    accepted: 0,
    refused: 0,
    failed: 0,
    latenciesMs: [],
    seconds: options.seconds,
    maxRssMb: 0,
    serverCpuMs: 0,
  };
  const cpuBefore = await readCpuMs(options.pid);
  const deadline = performance.now() + options.seconds * 1000;
  let nextBatch = options.firstBatch;
  const sampler = setInterval(() => {
    void readRssMb(options.pid).then((rss) => {
      result.maxRssMb = Math.max(result.maxRssMb, rss.rss);
    });
  }, 200);
  const post = createNdjsonPoster(options.url);
  const sender = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const batch = nextBatch;
      nextBatch += 1;
      const body = toBody(options.tails, batch);
      const started = performance.now();
      const response = await post(body);
      if (response.status >= 200 && response.status < 300) {
        result.accepted += rowsPerBatch;
        result.latenciesMs.push(performance.now() - started);
      } else if (response.status === 503) {
        result.refused += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else {
        result.failed += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  result.seconds = (performance.now() - started) / 1000;
  result.serverCpuMs = (await readCpuMs(options.pid)) - cpuBefore;
  clearInterval(sampler);
  result.latenciesMs.sort((a, b) => a - b);
  return result;
}

function report(name: string, phase: PhaseResult): void {
  const rate = Math.round(phase.accepted / phase.seconds);
  const p50 = percentile(phase.latenciesMs, 50).toFixed(0);
  const p99 = percentile(phase.latenciesMs, 99).toFixed(0);
  process.stdout.write(
    `${name}: ${rate.toLocaleString("en")} predictions/s sustained over ${phase.seconds.toFixed(1)} s ` +
      `(${phase.accepted.toLocaleString("en")} stored), ack latency p50 ${p50} ms p99 ${p99} ms, ` +
      `503 refusals ${phase.refused}, other errors ${phase.failed}, max server RSS ${phase.maxRssMb} MB, ` +
      `server CPU ${((phase.serverCpuMs * 1000) / Math.max(1, phase.accepted)).toFixed(1)} ms per 1,000 rows\n`,
  );
}

const seconds = readFlag("seconds", 20);
const dataDir = await mkdtemp(join(tmpdir(), "sextant-bench-"));
const server = await startServer(dataDir);
try {
  const versionId = await registerVersion(server.url);
  const url = `${server.url}/api/v1/versions/${versionId}/predictions`;
  const tails = buildRowTails();
  process.stdout.write(
    `bench/ingest: ${numericFeatures + categoricalFeatures} features, NDJSON batches of ${rowsPerBatch} rows ` +
      `(event times within ${readFlag("spread-hours", 1)} h), server ${server.url}\n`,
  );
  await runPhase({ url, pid: server.child.pid!, seconds: 2, concurrency: 2, tails, firstBatch: 1_000_000 });
  report(
    "sustained",
    await runPhase({
      url,
      pid: server.child.pid!,
      seconds,
      concurrency: readFlag("concurrency", 4),
      tails,
      firstBatch: 0,
    }),
  );
  const overload = readFlag("overload-concurrency", 64);
  report(
    `overload (${overload} concurrent senders)`,
    await runPhase({
      url,
      pid: server.child.pid!,
      seconds: Math.min(seconds, 10),
      concurrency: overload,
      tails,
      firstBatch: 2_000_000,
    }),
  );
  const rss = await readRssMb(server.child.pid!);
  process.stdout.write(`server RSS now ${rss.rss} MB, peak ${rss.peak} MB\n`);
} finally {
  server.child.kill("SIGTERM");
  await new Promise((resolve) => server.child.once("exit", resolve));
  await rm(dataDir, { recursive: true, force: true });
}
