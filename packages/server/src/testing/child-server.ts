/**
 * A server process for crash tests and benchmarks: same startServer as `sextant serve`, configured
 * from argv, printing one JSON line `{"url": ...}` on stdout once it listens.
 * Run with: node --conditions=source --import tsx packages/server/src/testing/child-server.ts --port 0 ...
 * `--test-clock-file PATH` (first argument, tests only) replaces the real clock with testing/file-clock.ts.
 */
import { loadConfig } from "../config/load-config.js";
import { installShutdownSignals, startServer } from "../main.js";
import { createFileClock } from "./file-clock.js";

const argv = process.argv.slice(2);
const clockFile = argv[0] === "--test-clock-file" ? argv[1] : undefined;
const config = loadConfig({ argv: clockFile === undefined ? argv : argv.slice(2) });
const server = await startServer(
  config,
  clockFile === undefined ? {} : { clock: createFileClock(clockFile) },
);
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
installShutdownSignals(server, config.shutdownTimeoutMs, (code) => {
  process.exit(code);
});
