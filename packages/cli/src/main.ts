#!/usr/bin/env node
/** The `sextant` binary: runs the CLI and sets the documented exit code (docs/cli.md). */
import { runCli } from "./run-cli.js";

const argv = process.argv.slice(2);
const code = await runCli(argv);
if (argv[0] === "report" || argv[0] === "check") {
  // Done: end the process once stdout and stderr have flushed, without tearing down the worker thread
  // and the DuckDB instances one by one (report-run.ts leaves them to the exit).
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
} else {
  process.exitCode = code;
}
