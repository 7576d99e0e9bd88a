/**
 * `sextant serve`: loads the configuration (flags > SEXTANT_* env > --config file > defaults), starts
 * the server (seeding the demo on an empty data dir), prints its URL and runs until SIGINT/SIGTERM.
 * The server package is imported lazily so other commands do not load Fastify or DuckDB.
 */

const usage = `Usage: sextant serve [--data-dir DIR] [--port N] [--host H] [--role ROLE] [--config FILE] [options]

Starts the Sextant server with an embedded DuckDB store in DIR (default .sextant), or over a shared
PostgreSQL database with --store postgres. On an empty store it seeds a demo workspace.
Roles (--role, SEXTANT_ROLE): all (default), api (REST without ingest), ingest (ingest routes),
worker (monitor scheduler, alert deliveries, retention); roles other than all need --store postgres.
`;

/** Runs `sextant serve`; resolves with the exit code once the server has stopped. */
export async function runServeCommand(args: readonly string[]): Promise<number> {
  const server = await import("@sextant/server");
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${usage}\nOptions:\n${server.describeConfigOptions()}\n`);
    return 0;
  }
  let config;
  try {
    config = server.loadConfig({ argv: args, env: process.env });
  } catch (error) {
    if (error instanceof server.ConfigError) {
      process.stderr.write(`sextant serve: ${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
  let running;
  try {
    running = await server.startServer(config);
  } catch (error) {
    if (error instanceof server.StoreLockedError) {
      process.stderr.write(`sextant serve: ${error.message}\n`);
      return 3;
    }
    if (error instanceof server.ConfigError) {
      process.stderr.write(`sextant serve: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  process.stdout.write(
    `Sextant is running at ${running.url}\n  API:     ${running.url}/api/v1/models\n  OpenAPI: ${running.url}/api/v1/openapi.json\n`,
  );
  return new Promise<number>((resolve) => {
    server.installShutdownSignals(running, config.shutdownTimeoutMs, resolve);
  });
}
