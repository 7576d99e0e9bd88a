/**
 * A server process for crash tests and benchmarks: same startServer as `sextant serve`, configured
 * from argv, printing one JSON line `{"url": ...}` on stdout once it listens.
 * Run with: node --conditions=source --import tsx packages/server/src/testing/child-server.ts --port 0 ...
 */
import { loadConfig } from "../config/load-config.js";
import { installShutdownSignals, startServer } from "../main.js";

const config = loadConfig({ argv: process.argv.slice(2) });
const server = await startServer(config);
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
installShutdownSignals(server, config.shutdownTimeoutMs, (code) => {
  process.exit(code);
});
